/**
 * User story: in a workshop two people work on one airline map. Ada adds a persona, says how
 * she feels at check-in in the app and marks that touchpoint as an assumption; Bo, in another
 * browser, sees the new persona in his Personas panel, her line in the curve's legend and
 * accessible name, and the evidence mark on his canvas, live, without reloading.
 */
import { expect, test, type Page } from '@playwright/test';
import { EditorPage } from './pages/EditorPage';
import { expectNoA11yViolations } from './support/axe';

const panel = (page: Page) => page.getByRole('complementary', { name: /^Personas$/ });
const online = (page: Page) =>
  expect(page.getByRole('status').filter({ hasText: /Online|Offline|Connecting/ })).toHaveText(
    'Online, all synced',
  );

test('a second person sees a new persona, her emotion and the evidence live', async ({
  browser,
}) => {
  test.slow(); // two people and the real server
  const contexts = [await browser.newContext(), await browser.newContext()];
  const [ada, bo] = (await Promise.all(contexts.map((c) => c.newPage()))) as [Page, Page];
  try {
    const editor = new EditorPage(ada);
    await editor.createMap('Airline', 'Shared workshop');
    await editor.button('Share').click();
    const dialog = ada.getByRole('dialog', { name: 'Share this map' });
    const link = await dialog.getByRole('textbox', { name: 'Edit link' }).inputValue();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await online(ada);
    await bo.goto(link);
    await online(bo);
    for (const page of [ada, bo])
      await page.getByRole('button', { name: 'Personas', exact: true }).click();

    // Ada adds Sara; Bo's panel and curve legend show her.
    await panel(ada).getByRole('button', { name: 'Add a persona' }).click();
    await expect(panel(ada).getByRole('textbox', { name: 'Name' })).toBeFocused();
    await ada.keyboard.type('Sara Conti');
    await panel(ada).getByRole('button', { name: 'Done' }).click();
    await expect(panel(bo).getByTestId('persona').locator('strong')).toHaveText([
      'Marco Ferri',
      'The Bianchi family',
      'Sara Conti',
    ]);
    const legend = bo.getByTestId('curve-legend');
    await expect(legend.getByText('Sara Conti')).toBeVisible();
    await expect(bo.getByTestId('curve-persona')).toHaveCount(3);
    const curve = bo.getByRole('img', { name: /Emotion curve by stage/ });
    const before = await curve.getAttribute('aria-label');
    expect(before).toContain('Sara Conti: ');

    // Ada: Sara is very unhappy at check-in in the app, and it is an assumption.
    await ada.getByRole('button', { name: 'Grid', exact: true }).click();
    await ada.getByRole('button', { name: /^Checks in and gets the boarding pass ,/ }).click();
    await ada
      .getByRole('radiogroup', { name: 'How Sara Conti feels' })
      .getByRole('radio', { name: 'Very negative' })
      .check();
    // Bo's curve: Sara's line moved (her check-in mean is no longer the touchpoints').
    await expect.poll(() => curve.getAttribute('aria-label')).not.toBe(before);
    await expect(curve).toHaveAttribute('aria-label', /Sara Conti: .*Check-in: −/);
    await ada
      .getByRole('group', { name: 'Evidence' })
      .getByRole('combobox', { name: 'How sure is this touchpoint?' })
      .selectOption('assumed');
    await expect(
      bo.locator('.react-flow').getByRole('img', { name: 'Evidence: assumed', exact: true }),
    ).toHaveCount(1);
    await expectNoA11yViolations(bo, 'personas panel seen live', { include: '.personas-panel' });
    await expectNoA11yViolations(bo, 'curve with a new persona', { include: '.emotion-curve' });
    await bo.screenshot({ path: 'test-results/persona-live-bo.png' });
    // Bo's grid shows the mark on the card too.
    await bo.getByRole('button', { name: 'Grid', exact: true }).click();
    await expect(
      bo
        .getByRole('grid', { name: 'Journey grid' })
        .locator('.grid-card')
        .filter({ hasText: 'Checks in and gets the boarding pass' })
        .getByRole('img', { name: 'Evidence: assumed' }),
    ).toBeVisible();
    await expect(bo.locator('.grid-curve-legend').getByText('Sara Conti')).toBeVisible();
  } finally {
    await Promise.all(contexts.map((c) => c.close()));
  }
});
