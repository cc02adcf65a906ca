/**
 * User story: a consultant keeps the airline's two personas in the Personas panel (edit,
 * reorder, add, delete with undo), and sets how each feels check-in in the touchpoint
 * inspector; an empty map shows the panel's empty state; the Italian UI is Italian.
 */
import { expect, test, type Page } from '@playwright/test';
import { EditorPage } from './pages/EditorPage';
import { expectNoA11yViolations } from './support/axe';

const panel = (page: Page) => page.getByRole('complementary', { name: /^Personas$/ });
const names = (page: Page) => panel(page).getByTestId('persona').locator('strong');

test('the Personas panel: edit, reorder, add, delete with undo', async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.createMap('Airline', 'Airline journey');
  await editor.button('Personas').click();
  await expect(names(page)).toHaveText(['Marco Ferri', 'The Bianchi family']);
  await expect(panel(page).getByText('Family on holiday')).toBeVisible();
  await expectNoA11yViolations(page, 'personas panel', { include: '.personas-panel' });

  // Edit a persona: typed fields write as they are typed.
  await panel(page).getByRole('button', { name: 'Edit Marco Ferri' }).click();
  const form = panel(page).getByRole('form', { name: 'Persona Marco Ferri' });
  await form.getByRole('textbox', { name: 'Role' }).fill('Frequent flyer');
  await form.getByRole('radio', { name: 'Green' }).check();
  await expectNoA11yViolations(page, 'persona form', { include: '.personas-panel' });
  await page.screenshot({ path: 'test-results/personas-form.png' });
  await form.getByRole('button', { name: 'Done' }).click();
  await expect(panel(page).getByText('Frequent flyer')).toBeVisible();

  // Add one: its name field is focused with the default name selected.
  await panel(page).getByRole('button', { name: 'Add a persona' }).click();
  const name = panel(page).getByRole('textbox', { name: 'Name' });
  await expect(name).toBeFocused();
  await page.keyboard.type('Sara Conti');
  await panel(page).getByRole('button', { name: 'Done' }).click();
  await expect(names(page)).toHaveText(['Marco Ferri', 'The Bianchi family', 'Sara Conti']);
  await panel(page).getByRole('button', { name: 'Move Sara Conti up' }).click();
  await expect(names(page)).toHaveText(['Marco Ferri', 'Sara Conti', 'The Bianchi family']);

  // Delete with undo.
  await panel(page).getByRole('button', { name: 'Delete The Bianchi family' }).click();
  await expect(names(page)).toHaveText(['Marco Ferri', 'Sara Conti']);
  await expect(panel(page).getByRole('status')).toContainText('The Bianchi family deleted');
  await panel(page).getByRole('button', { name: 'Undo' }).click();
  await expect(names(page)).toHaveText(['Marco Ferri', 'Sara Conti', 'The Bianchi family']);
  await page.screenshot({ path: 'test-results/personas-panel.png' });
  // Focus stays in the panel (on Add a persona); Escape closes it.
  await expect(panel(page).getByRole('button', { name: 'Add a persona' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(panel(page)).toHaveCount(0);
});

test('one emotion control per persona in the touchpoint inspector', async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.createMap('Airline', 'Airline journey');
  await editor.button('Grid').click();
  await page.getByRole('button', { name: /^Checks in and gets the boarding pass ,/ }).click();
  const marco = page.getByRole('radiogroup', { name: 'How Marco Ferri feels' });
  const family = page.getByRole('radiogroup', { name: 'How The Bianchi family feels' });
  await expect(marco.getByRole('radio', { name: 'Positive', exact: true })).toBeChecked();
  await expect(family.getByRole('radio', { name: 'Very negative' })).toBeChecked();
  // Back to the touchpoint's own emotion, then a new one.
  await marco.getByRole('button', { name: 'Same as the touchpoint' }).click();
  await expect(marco).toContainText('Feels as the touchpoint: Negative');
  await marco.getByRole('radio', { name: 'Neutral' }).check();
  await expect(marco.getByRole('radio', { name: 'Neutral' })).toBeChecked();
  await expectNoA11yViolations(page, 'touchpoint inspector with personas', {
    include: '.persona-emotions',
  });
  await page.locator('.persona-emotions').screenshot({ path: 'test-results/persona-emotions.png' });
  // Scope: the touchpoint concerns Marco only (all checked is everyone).
  const concerns = page.getByRole('group', { name: 'Concerns' });
  await expect(concerns.getByRole('checkbox', { name: 'Marco Ferri' })).toBeChecked();
  await concerns.getByRole('checkbox', { name: 'The Bianchi family' }).uncheck();
  await expect(concerns.getByRole('checkbox', { name: 'Marco Ferri' })).toBeDisabled();
  // Evidence: a level, then a source that is a link (opened only on click, in a new tab).
  const evidence = page.getByRole('group', { name: 'Evidence' });
  await evidence
    .getByRole('combobox', { name: 'How sure is this touchpoint?' })
    .selectOption('assumed');
  const source = evidence.getByRole('textbox', { name: 'Source (text or link)' });
  await source.fill('javascript:alert(1)');
  await expect(evidence.getByRole('link')).toHaveCount(0);
  await source.fill('https://example.com/app reviews');
  await expect(evidence.getByRole('link')).toHaveCount(0);
  await source.fill('https://example.com/reviews');
  await expect(evidence.getByRole('link', { name: 'Open the source' })).toHaveAttribute(
    'href',
    'https://example.com/reviews',
  );
  await expectNoA11yViolations(page, 'touchpoint scope and evidence', { include: '.fields' });
  await page.locator('.fields').screenshot({ path: 'test-results/touchpoint-personas.png' });
  // The grid has no toolbar: the inspector opens the Personas panel.
  await page.getByRole('button', { name: 'Edit personas' }).click();
  await expect(names(page)).toHaveText(['Marco Ferri', 'The Bianchi family']);
});

test('a map without personas shows the empty state; the Italian UI is Italian', async ({
  page,
}) => {
  const editor = new EditorPage(page);
  await editor.createMap('Blank', 'Empty');
  await editor.button('Personas').click();
  await expect(panel(page).getByRole('heading', { name: 'No personas yet' })).toBeVisible();
  await expectNoA11yViolations(page, 'personas empty state', { include: '.personas-panel' });
  const url = page.url();
  await page.goto('/?lang=it');
  await page.goto(url);
  await page.getByRole('button', { name: 'Personas', exact: true }).click();
  const it = page.getByRole('complementary', { name: 'Personas' });
  await expect(it.getByRole('heading', { name: 'Ancora nessuna persona' })).toBeVisible();
  await expect(it.getByRole('button', { name: 'Aggiungi una persona' })).toBeVisible();
  await expect(it.getByRole('button', { name: 'Chiudi le personas' })).toBeVisible();
});

test('a second person sees personas and their emotions live', async ({ browser }) => {
  test.slow(); // two people and the real server
  const contexts = [await browser.newContext(), await browser.newContext()];
  const [ada, bo] = await Promise.all(contexts.map((c) => c.newPage()));
  const online = (page: Page) =>
    expect(page.getByRole('status').filter({ hasText: /Online|Offline|Connecting/ })).toHaveText(
      'Online, all synced',
    );
  try {
    const editor = new EditorPage(ada!);
    await editor.createMap('Airline', 'Shared personas');
    await editor.button('Share').click();
    const dialog = ada!.getByRole('dialog', { name: 'Share this map' });
    const link = await dialog.getByRole('textbox', { name: 'Edit link' }).inputValue();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await online(ada!);
    await bo!.goto(link);
    await online(bo!);
    for (const page of [ada!, bo!])
      await page.getByRole('button', { name: 'Personas', exact: true }).click();
    await panel(ada!).getByRole('button', { name: 'Edit Marco Ferri' }).click();
    await panel(ada!).getByRole('textbox', { name: 'Role' }).fill('Consultant on the road');
    await expect(panel(bo!).getByText('Consultant on the road')).toBeVisible();
    // Ada sets the family's emotion at check-in; Bo's inspector shows it.
    for (const page of [ada!, bo!]) {
      await page.getByRole('button', { name: 'Grid', exact: true }).click();
      await page.getByRole('button', { name: /^Checks in and gets the boarding pass ,/ }).click();
    }
    const family = (page: Page) =>
      page.getByRole('radiogroup', { name: 'How The Bianchi family feels' });
    await family(ada!).getByRole('radio', { name: 'Negative', exact: true }).check();
    await expect(family(bo!).getByRole('radio', { name: 'Negative', exact: true })).toBeChecked();
  } finally {
    await Promise.all(contexts.map((c) => c.close()));
  }
});
