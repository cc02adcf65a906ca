/**
 * User story: the airline map's two personas feel check-in differently, and the emotion curve
 * shows it: one line per persona beside the overall one, a legend naming each, each persona's
 * values in the curve's accessible name. Focusing on the family (Personas panel, this tab only)
 * leaves their line alone and dims the touchpoints that do not concern them.
 */
import { expect, test } from '@playwright/test';
import { EditorPage } from './pages/EditorPage';
import { expectNoA11yViolations } from './support/axe';

test('one curve line per persona with a legend; focus on one persona', async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.createMap('Airline', 'Airline journey');
  const curve = page.getByRole('img', { name: /Emotion curve by stage/ });
  await expect(curve).toBeVisible();
  // Check-in: Marco +1 and the family −2 on the app, the other check-in touchpoints shared.
  await expect(curve).toHaveAttribute('aria-label', /Marco Ferri: .*Check-in: [+−]?\d/);
  await expect(curve).toHaveAttribute('aria-label', /The Bianchi family: .*Check-in: /);
  const lines = page.getByTestId('curve-persona');
  await expect(lines).toHaveCount(2);
  const legend = page.getByTestId('curve-legend');
  await expect(legend).toBeVisible();
  await expect(legend.getByText('Everyone')).toBeVisible();
  await expect(legend.getByText('Marco Ferri')).toBeVisible();
  await expect(legend.getByText('The Bianchi family')).toBeVisible();
  const label = (await curve.getAttribute('aria-label'))!;
  const checkIn = (who: string) =>
    new RegExp(`${who}: .*?Check-in: ([+−]?\\d+(?:\\.\\d)?)`).exec(label)?.[1];
  expect(checkIn('Marco Ferri')).not.toBe(checkIn('The Bianchi family'));
  await expectNoA11yViolations(page, 'emotion curve with persona lines', {
    include: '.emotion-curve',
  });
  await page.screenshot({ path: 'docs/persona-curves.png' });

  // The grid's Emotion lane: the same lines and legend.
  await editor.button('Grid').click();
  const gridLegend = page.locator('.grid-curve-legend');
  await expect(gridLegend).toBeVisible();
  await expect(gridLegend.getByText('Everyone')).toBeVisible();
  await expect(gridLegend.getByText('Marco Ferri')).toBeVisible();
  await expect(gridLegend.getByText('The Bianchi family')).toBeVisible();
  const gridLines = page.getByTestId('grid-persona-line');
  await expect(gridLines.locator('line').first()).toBeVisible();
  await expect(
    page.locator('[data-testid=grid-persona-line][data-persona=persona-family]'),
  ).not.toHaveCount(0);
  await expect(
    page.locator('[data-testid=grid-persona-line][data-persona=persona-business]'),
  ).not.toHaveCount(0);
  await expectNoA11yViolations(page, 'grid with persona lines', { include: '.grid-view' });
  await page
    .locator('tr.grid-row-emotion')
    .screenshot({ path: 'test-results/grid-persona-lines.png' });

  // Scope the check-in in the app to Marco only, then focus on the family.
  await page.getByRole('button', { name: /^Checks in and gets the boarding pass ,/ }).click();
  const concerns = page.getByRole('group', { name: 'Concerns' });
  await concerns.getByRole('checkbox', { name: 'The Bianchi family' }).uncheck();
  await editor.button('Canvas').click();
  await expect(page.locator('.react-flow__edge.tp-dimmed')).toHaveCount(0);

  await editor.button('Personas').click();
  const focus = page.getByRole('combobox', { name: 'Focus' });
  await expect(focus).toHaveValue('');
  await focus.selectOption({ label: 'The Bianchi family' });
  await expect(lines).toHaveCount(1);
  await expect(lines).toHaveAttribute('data-persona', 'persona-family');
  await expect(legend.getByText('Marco Ferri')).toHaveCount(0);
  await expect(legend.getByText('Everyone')).toHaveCount(0);
  await expect(curve).not.toHaveAttribute('aria-label', /Marco Ferri/);
  // Dimmed, never hidden: the one touchpoint scoped to Marco.
  const dimmed = page.locator('.react-flow__edge.tp-dimmed');
  await expect(dimmed).toHaveCount(1);
  await expect(dimmed).toBeVisible();
  await expectNoA11yViolations(page, 'personas panel with focus', { include: '.personas-panel' });
  await page.screenshot({ path: 'test-results/persona-curves-focus.png' });
  // The grid follows the focus: the family's line alone.
  await editor.button('Grid').click();
  await expect(
    page.locator('[data-testid=grid-persona-line][data-persona=persona-business]'),
  ).toHaveCount(0);
  await expect(
    page.locator('[data-testid=grid-persona-line][data-persona=persona-family]'),
  ).not.toHaveCount(0);
  await expect(gridLegend.getByText('Marco Ferri')).toHaveCount(0);
  await expect(gridLegend.getByText('Everyone')).toHaveCount(0);
  await editor.button('Canvas').click();

  // Everyone again.
  await focus.selectOption({ label: 'Everyone' });
  await expect(lines).toHaveCount(2);
  await expect(page.locator('.react-flow__edge.tp-dimmed')).toHaveCount(0);
});
