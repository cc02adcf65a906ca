/**
 * User story: a researcher marks how sure one pain point and one opportunity of the airline's
 * check-in in the app are, in the inspector (one control per item under each list); the grid's
 * Pain points and Opportunities lanes show the marks on those items only, "Show assumptions
 * only" keeps them, and retyping the list above keeps each mark on its item.
 */
import { expect, test, type Page } from '@playwright/test';
import { EditorPage } from './pages/EditorPage';
import { expectNoA11yViolations } from './support/axe';

const row = (page: Page, cls: string) => page.locator(`tr.grid-row-${cls}`);

test('evidence of a single pain point and opportunity in the inspector', async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.createMap('Airline', 'Airline items');
  await editor.button('Grid').click();
  await page.getByRole('button', { name: /^Checks in and gets the boarding pass ,/ }).click();
  const pains = page.getByRole('group', { name: 'Evidence of each pain point' });
  const opps = page.getByRole('group', { name: 'Evidence of each opportunity' });
  await expect(pains.getByRole('combobox')).toHaveCount(2);
  await pains
    .getByRole('combobox', { name: 'How sure is “The passport scan fails”?' })
    .selectOption('observed');
  await pains
    .getByRole('textbox', { name: 'Source of “The passport scan fails”' })
    .fill('https://example.com/scan-logs');
  await expect(pains.getByRole('link', { name: 'Open the source' })).toHaveAttribute(
    'href',
    'https://example.com/scan-logs',
  );
  await opps
    .getByRole('combobox', { name: 'How sure is “Automatic check-in”?' })
    .selectOption('assumed');
  await expectNoA11yViolations(page, 'inspector with item evidence', { include: '.fields' });
  await page.locator('.fields').screenshot({ path: 'test-results/item-evidence.png' });

  // The grid's lanes: the marks on those items, none on the item beside them.
  const pain = row(page, 'painPoints')
    .getByRole('listitem')
    .filter({ hasText: 'The passport scan fails' });
  await expect(pain.getByRole('img', { name: 'Evidence: observed' })).toBeVisible();
  const other = row(page, 'painPoints')
    .getByRole('listitem')
    .filter({ hasText: 'Check-in opens only 24 hours before' });
  await expect(other.getByRole('img')).toHaveCount(0);
  const opp = row(page, 'opportunities')
    .getByRole('listitem')
    .filter({ hasText: /^Automatic check-in/ });
  await expect(opp.getByRole('img', { name: 'Evidence: assumed' })).toBeVisible();

  // Show assumptions only: the assumed opportunity stays, the observed pain point is dimmed.
  await page.keyboard.press('Escape');
  await (await editor.viewMenu()).getByRole('button', { name: 'Show assumptions only' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Showing 1 assumption' })).toBeVisible();
  await expect(opp).not.toHaveClass(/is-evidence-dimmed/);
  await expect(pain).toHaveClass(/is-evidence-dimmed/);
  await (await editor.viewMenu()).getByRole('button', { name: 'Show assumptions only' }).click();
  await page.keyboard.press('Escape');

  // A pain point added above: each mark stays with its item.
  await page.getByRole('button', { name: /^Checks in and gets the boarding pass ,/ }).click();
  const list = page.getByRole('textbox', { name: 'Pain points' });
  await list.fill(
    'Queue at the kiosk\nCheck-in opens only 24 hours before\nThe passport scan fails',
  );
  await expect(
    pains.getByRole('combobox', { name: 'How sure is “The passport scan fails”?' }),
  ).toHaveValue('observed');
  await expect(
    pains.getByRole('combobox', { name: 'How sure is “Queue at the kiosk”?' }),
  ).toHaveValue('');
});

test('evidence of a lane item, set where the item is edited in the grid', async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.createMap('Airline', 'Airline lane items');
  await editor.button('Grid').click();
  const item = page
    .locator('.grid-items li')
    .filter({ hasText: 'App issues the boarding pass' })
    .first();
  await item.getByRole('button', { name: /^App issues the boarding pass/ }).click();
  const level = page.getByRole('combobox', { name: 'How sure is “App issues the boarding pass”?' });
  await expect(level).toHaveValue('');
  // From the text, Tab reaches the item's evidence; choosing does not close the editor.
  await page.keyboard.press('Tab');
  await expect(level).toBeFocused();
  await level.selectOption('reported');
  const source = page.getByRole('textbox', { name: 'Source of “App issues the boarding pass”' });
  await source.fill('Interviews with the airport staff, May');
  await expectNoA11yViolations(page, 'lane item editor with its evidence', {
    include: '.grid-item-editor',
  });
  await page
    .locator('.grid-item-editor')
    .screenshot({ path: 'test-results/lane-item-evidence.png' });
  // Leaving the editor keeps the text and shows the mark on the item.
  await page.keyboard.press('Escape');
  const shown = page.locator('.grid-items li').filter({ hasText: 'App issues the boarding pass' });
  await expect(shown.getByRole('img', { name: 'Evidence: reported' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: /^Item in / })).toHaveCount(0);
  // The assumptions filter dims it (reported, not assumed).
  await (await editor.viewMenu()).getByRole('button', { name: 'Show assumptions only' }).click();
  await expect(shown).toHaveClass(/is-evidence-dimmed/);
});
