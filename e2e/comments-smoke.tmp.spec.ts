import { expect, test } from '@playwright/test';
import { EditorPage } from './pages/EditorPage';

test('smoke', async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.createMap('Airline', 'Smoke');
  await editor.select('Booking');
  await page.getByRole('button', { name: 'Comment', exact: true }).click();
  const box = page.getByRole('textbox', { name: 'Comment text' });
  await box.fill('Is this stage too long? <b>bold</b>');
  await page.getByRole('button', { name: 'Post' }).click();
  await expect(page.getByRole('button', { name: /^Comments, 1 open/ })).toBeVisible();
  await page.screenshot({ path: 'test-results/smoke-1.png' });
  await page.getByRole('button', { name: 'Add comment' }).click();
  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  await page.mouse.click(pane.x + pane.width * 0.6, pane.y + pane.height * 0.85);
  await page.getByRole('textbox', { name: 'Comment text' }).fill('A point comment');
  await page.getByRole('button', { name: 'Post' }).click();
  await page.screenshot({ path: 'test-results/smoke-2.png' });
  await page.getByRole('button', { name: 'Grid', exact: true }).click();
  await page.waitForTimeout(500);
  await page.screenshot({ path: 'test-results/smoke-3.png' });
});
