/**
 * User story (issue 18): a consultant builds a journey in a workshop with the keyboard: a new
 * item's name is selected so typing replaces it, Enter or a double-click renames a node in
 * place, a new link puts the cursor in its Action, Tab walks on to the next touchpoint, the
 * inspector folds away, the wheel zooms if they like. Screenshots go to
 * test-results/workshop-keyboard/ to be looked at.
 */
import { expect, test } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { EditorPage } from './pages/EditorPage';
import { expectNoA11yViolations } from './support/axe';

const SHOTS = 'test-results/workshop-keyboard';
mkdirSync(SHOTS, { recursive: true });

test('keyboard-first editing: selected default names, rename in place, focus after link, Tab walk', async ({
  page,
}) => {
  const editor = new EditorPage(page);
  await editor.createMap('Blank', 'Keys');
  // A new stage's name is selected: typing replaces it.
  await editor.button('Add stage').click();
  await expect(editor.label).toBeFocused();
  await page.keyboard.type('Discovery');
  await expect(editor.label).toHaveValue('Discovery');
  await editor.button('Add channel').click();
  await page.keyboard.type('Web');
  await expect(editor.node('Web')).toBeVisible();

  // Enter on the selected node edits its label in place; Escape cancels, Enter commits.
  const web = page.getByRole('group', { name: 'Web', exact: true });
  await web.focus();
  await page.keyboard.press('Enter');
  const inPlace = page.getByRole('textbox', { name: /Edit the label/ });
  await expect(inPlace).toBeFocused();
  await page.keyboard.type('Nope');
  await page.keyboard.press('Escape');
  await expect(inPlace).toHaveCount(0);
  await expect(editor.node('Web')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(inPlace).toBeFocused();
  await page.keyboard.type('Website');
  await page.keyboard.press('Enter');
  await expect(editor.node('Website')).toBeVisible();
  await expect(editor.label).toHaveValue('Website');
  // One undo step for the rename.
  await page.keyboard.press('Control+z');
  await expect(editor.node('Web')).toBeVisible();
  await page.keyboard.press('Control+Shift+z');
  await expect(editor.node('Website')).toBeVisible();

  // Double-click renames too.
  await editor.node('Discovery').dblclick();
  await expect(inPlace).toBeFocused();
  await page.keyboard.type('Scoperta');
  await page.keyboard.press('Enter');
  await expect(editor.node('Scoperta')).toBeVisible();

  // After a link, the new touchpoint's Action has the focus.
  await editor.link('Scoperta', 'Website');
  const action = page.getByRole('textbox', { name: 'Action', exact: true });
  await expect(action).toBeFocused();
  await page.keyboard.type('Compares offers');
  await editor.button('Add channel').click();
  await page.keyboard.type('Shop');
  await editor.link('Scoperta', 'Shop');
  await expect(action).toBeFocused();
  await page.keyboard.type('Asks in the shop');

  // Tab from the last field goes to the next touchpoint of the stage, Shift+Tab back.
  await action.press('Shift+Tab');
  await expect(action).toBeFocused();
  await expect(action).toHaveValue('Compares offers');
  await page.getByRole('spinbutton', { name: 'Volume per month' }).focus();
  await page.keyboard.press('Tab');
  await expect(action).toBeFocused();
  await expect(action).toHaveValue('Asks in the shop');
  await page.screenshot({ path: `${SHOTS}/keyboard-editing.png` });
  await expectNoA11yViolations(page, 'editor with a touchpoint selected');

  // The inspector folds away (button or I) and stays folded after a reload.
  const hide = page.getByRole('button', { name: 'Hide the inspector' });
  await hide.click();
  await expect(page.getByRole('button', { name: 'Show the inspector' })).toBeVisible();
  await expect(action).toHaveCount(0);
  const collapsed = await page.locator('.inspector').boundingBox();
  expect(collapsed!.width).toBeLessThan(60);
  await page.reload();
  await expect(page.getByRole('button', { name: 'Show the inspector' })).toBeVisible();
  await page.locator('body').press('i');
  await expect(page.getByRole('button', { name: 'Hide the inspector' })).toBeVisible();

  // The wheel setting: zoom, remembered.
  const zoomOf = () =>
    page.locator('.react-flow__viewport').evaluate((el) => {
      const m = /scale\(([\d.]+)\)/.exec((el as HTMLElement).style.transform);
      return m ? Number(m[1]) : NaN;
    });
  const pane = page.locator('.react-flow__pane');
  const box = (await pane.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const before = await zoomOf();
  await page.mouse.wheel(0, -300);
  await page.waitForTimeout(300);
  expect(await zoomOf()).toBeCloseTo(before, 5); // pans by default
  await (await editor.viewMenu()).getByRole('combobox', { name: 'Wheel' }).selectOption('zoom');
  await page.keyboard.press('Escape');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, -300);
  await expect.poll(zoomOf).toBeGreaterThan(before * 1.05);
  await page.reload();
  await expect((await editor.viewMenu()).getByRole('combobox', { name: 'Wheel' })).toHaveValue(
    'zoom',
  );
  await page.keyboard.press('Escape');

  // React Flow's zoom buttons have our names.
  await expect(page.getByRole('button', { name: 'Zoom in', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Fit the map to the view' })).toBeVisible();
});

test('1–4 add nodes, L links by name, Enter walks Action → Emotion → Pain points', async ({
  page,
}) => {
  const editor = new EditorPage(page);
  await editor.createMap('Blank', 'Keys and links');
  const count = () => page.locator('.react-flow__node').count();
  await page.locator('body').press('1');
  await expect(editor.label).toBeFocused();
  await page.keyboard.type('Discovery');
  // Enter in the Label hands the keys back to the node on the canvas.
  await page.keyboard.press('Enter');
  await expect(page.getByRole('group', { name: 'Discovery', exact: true })).toBeFocused();
  await page.keyboard.press('2');
  await page.keyboard.type('Website');
  await page.keyboard.press('Enter');
  // Typed at once after the key: nothing is lost on the way to the field, and the C does not
  // toggle the comments.
  await page.keyboard.press('2');
  await page.keyboard.type('Call centre');
  await expect(editor.label).toHaveValue('Call centre');
  await expect(page.getByRole('button', { name: 'Comments', exact: true })).toHaveAttribute(
    'aria-pressed',
    'false',
  );
  await page.keyboard.press('Escape');
  // Escape in a field goes back to the canvas too.
  await expect(page.getByRole('group', { name: 'Call centre', exact: true })).toBeFocused();
  expect(await count()).toBe(3);
  await expect(editor.button('Add stage')).toHaveAttribute('aria-keyshortcuts', '1');

  // L: From is the selected node, To has the focus; Escape cancels and gives the node back.
  await page.keyboard.press('l');
  const picker = page.getByRole('dialog', { name: 'Link to a node' });
  const from = picker.getByRole('combobox', { name: 'From', exact: true });
  const to = picker.getByRole('combobox', { name: 'To', exact: true });
  await expect(from).toHaveValue('Call centre');
  await expect(to).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(picker).toHaveCount(0);
  await expect(page.getByRole('group', { name: 'Call centre', exact: true })).toBeFocused();

  // A click elsewhere closes it too.
  await page.keyboard.press('l');
  await expect(to).toBeFocused();
  await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
  await expect(picker).toHaveCount(0);
  await page.getByRole('group', { name: 'Call centre', exact: true }).focus();
  // Enter on the node opens its label in place; Escape cancels and gives the node the keys back.
  await page.keyboard.press('Enter');
  const inPlace = page.getByRole('textbox', { name: /^Edit the label/ });
  await expect(inPlace).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(inPlace).toHaveCount(0);
  await expect(page.getByRole('group', { name: 'Call centre', exact: true })).toBeFocused();

  // A name that matches nothing says so; the arrow keys choose among the matches.
  await page.keyboard.press('l');
  await page.keyboard.type('zzz');
  await page.keyboard.press('Enter');
  await expect(picker.getByRole('status')).toHaveText('No node is called “zzz”.');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.type('disc');
  await page.keyboard.press('Enter');
  await expect(from).toHaveValue('Discovery');
  await expect(to).toBeFocused();
  await to.fill('');
  // From a stage the channels come first, left to right: Website, then Call centre.
  await expect(picker.getByRole('option')).toHaveText([/^Website/, /^Call centre/]);
  await page.keyboard.press('ArrowDown');
  await expect(picker.getByRole('option', { selected: true })).toHaveText(/^Call centre/);
  await expectNoA11yViolations(page, 'the link picker');
  await page.keyboard.press('Enter');
  await expect(picker).toHaveCount(0);
  const action = page.getByRole('textbox', { name: 'Action', exact: true });
  await expect(action).toBeFocused();
  await expect(page.getByText('Discovery → Call centre')).toBeVisible();
  await page.keyboard.type('Asks in the shop');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('radio', { name: 'Neutral' })).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('radio', { name: 'Negative', exact: true })).toBeChecked();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: 'Pain points' })).toBeFocused();
  await page.screenshot({ path: `${SHOTS}/keyboard-link.png` });

  // Not while presenting: the canvas is behind the presentation.
  await page.keyboard.press('Escape');
  await editor.button('Present').click();
  await expect(page.getByRole('dialog', { name: /^Presentation:/ })).toBeVisible();
  await page.keyboard.press('1');
  await page.keyboard.press('l');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: /^Presentation:/ })).toHaveCount(0);
  expect(await count()).toBe(3);
  await expect(picker).toHaveCount(0);
});

test('the language picker is on the library page too', async ({ page }) => {
  await page.goto('/#/');
  await page.getByRole('combobox', { name: 'Language', exact: true }).selectOption('it');
  await expect(page.getByRole('button', { name: 'Nuova mappa' })).toBeVisible();
  await expectNoA11yViolations(page, 'library in Italian');
  await page.screenshot({ path: `${SHOTS}/library-language.png` });
  await page.getByRole('combobox', { name: 'Lingua', exact: true }).selectOption('en');
});
