/**
 * User story: a facilitator reads and builds a journey in the Grid view (issue 12): the switch
 * between Canvas and Grid is remembered per map, the first three airline stages are built in
 * the grid only on a blank map, the grid is driven from the keyboard, and it passes axe.
 */
import { expect, test, type Page } from '@playwright/test';
import { EditorPage } from './pages/EditorPage';
import { expectNoA11yViolations } from './support/axe';

/**
 * A lane's row header by its exact title (its name also holds the lane menu's, and a blueprint
 * line's label before it).
 */
const laneHeaderName = (title: string) =>
  new RegExp(`(^| )${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} Lane options`);

// Each story is long and the machine is shared: more than the default minute.
test.describe.configure({ timeout: 150_000 });

const SHOTS = process.env.GRID_SHOTS ?? 'test-results/grid';

const grid = (page: Page) => page.getByRole('grid', { name: 'Journey grid' });
const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });

async function toView(page: Page, view: 'Grid' | 'Canvas') {
  await button(page, view).click();
  await expect(button(page, view)).toHaveAttribute('aria-pressed', 'true');
}

/**
 * Adds a content lane from the toolbar, titled `title` (Enter alone keeps the type's name).
 * Templates seed the blueprint lanes: an untitled lane of that type already there is used.
 */
async function addLane(page: Page, type: string, title?: string) {
  const header = grid(page).getByRole('rowheader', { name: laneHeaderName(title ?? type) });
  if (!title && (await header.count()) > 0) return;
  await button(page, 'Add lane').click();
  await page.getByRole('menuitem', { name: type, exact: true }).click();
  const input = grid(page).getByRole('textbox', { name: 'Lane title' });
  await expect(input).toBeFocused();
  if (title) await input.fill(title);
  await input.press('Enter');
  await expect(header).toBeVisible();
}

/** Types items into a content lane's cell (Enter goes on to the next item, Escape stops). */
async function typeItems(page: Page, lane: string, stage: string, items: string[]) {
  await button(page, `Add item: ${lane}, ${stage}`).click();
  for (const item of items) {
    const input = page.getByRole('textbox', { name: `Item in ${lane}, ${stage}` });
    await expect(input).toBeFocused();
    await input.fill(item);
    await input.press('Enter');
    await expect(grid(page).getByRole('button', { name: item, exact: true })).toBeVisible();
  }
  await page.getByRole('textbox', { name: `Item in ${lane}, ${stage}` }).press('Escape');
}

async function addStage(page: Page, name: string) {
  await button(page, 'Add stage').first().click();
  const input = grid(page).getByRole('textbox', { name: 'Stage name' });
  await expect(input).toBeFocused();
  await input.fill(name);
  await input.press('Enter');
  await expect(grid(page).getByRole('columnheader', { name })).toBeVisible();
}

async function addChannel(page: Page, name: string) {
  await button(page, 'Add channel').first().click();
  const input = grid(page).getByRole('textbox', { name: 'Lane title' });
  await expect(input).toBeFocused();
  await input.fill(name);
  await input.press('Enter');
  await expect(grid(page).getByRole('rowheader', { name })).toBeVisible();
}

/** Adds a touchpoint from a cell and types its action in the inspector. */
async function addTouchpoint(page: Page, stage: string, channel: string, action: string) {
  await grid(page)
    .getByRole('button', { name: `Add touchpoint: ${stage} × ${channel}` })
    .click();
  const field = page.getByRole('textbox', { name: 'Action', exact: true });
  await expect(field).toBeFocused();
  await field.fill(action);
  await expect(grid(page).getByRole('button', { name: new RegExp(`^${action} ,`) })).toBeVisible();
}

const rowTitles = (page: Page) =>
  grid(page).locator('tbody th[role="rowheader"] .grid-lane-title').allInnerTexts();

test('the airline journey reads as a grid; screenshots at 1440×900 and 1280×800', async ({
  page,
}) => {
  const editor = new EditorPage(page);
  await editor.createMap('Airline', 'Airline journey');
  await toView(page, 'Grid');
  await expect(grid(page)).toHaveAttribute('data-ready', 'true');
  await expect(grid(page).getByRole('columnheader').nth(1)).toContainText('Inspiration');
  await expect(grid(page).getByRole('rowheader', { name: 'Mobile app' })).toBeVisible();
  // The airline template may bring its own blueprint lanes; add them where it does not.
  if (
    (await grid(page)
      .getByRole('rowheader', { name: /Frontstage actions/ })
      .count()) === 0
  ) {
    await addLane(page, 'Frontstage actions');
    await typeItems(page, 'Frontstage actions', 'Booking', ['Confirmation e-mail with e-ticket']);
    await addLane(page, 'Backstage actions');
    await typeItems(page, 'Backstage actions', 'Booking', ['Fare and seat check in the GDS']);
    await addLane(page, 'Support processes');
    await typeItems(page, 'Support processes', 'Booking', ['Payment gateway']);
  }
  await expect(grid(page).getByText('Line of visibility')).toBeVisible();
  // Readable: stage names, actions and lane items at 13 px or more.
  const sizes = await grid(page).evaluate((el) =>
    ['.grid-stage-name', '.grid-card-action', '.grid-item', '.grid-link'].map((sel) =>
      parseFloat(getComputedStyle(el.querySelector(sel)!).fontSize),
    ),
  );
  for (const px of sizes) expect(px).toBeGreaterThanOrEqual(13);
  await page.getByRole('button', { name: /^Books and pays for the flight ,/ }).click();
  await expect(page.getByRole('textbox', { name: 'Action', exact: true })).toHaveValue(
    'Books and pays for the flight',
  );
  await page.screenshot({ path: `${SHOTS}/airline-1440.png` });
  const scroller = page.getByTestId('journey-grid-scroll');
  await scroller.evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await page.screenshot({ path: `${SHOTS}/airline-1440-bottom.png` });
  await scroller.evaluate((el) => el.scrollTo(el.scrollWidth, 400));
  await page.screenshot({ path: `${SHOTS}/airline-1440-scrolled.png` });
  await page.setViewportSize({ width: 1280, height: 800 });
  await scroller.evaluate((el) => el.scrollTo(0, 0));
  await page.screenshot({ path: `${SHOTS}/airline-1280.png` });
  await expectNoA11yViolations(page, 'grid view, airline journey');
});

test('builds the first three airline stages in the Grid only, and the choice of view is remembered', async ({
  page,
}) => {
  const editor = new EditorPage(page);
  await editor.createMap('Blank', 'Grid journey');
  await toView(page, 'Grid');
  await expect(page.getByRole('note').filter({ hasText: 'no stages yet' })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/empty.png` });
  await expectNoA11yViolations(page, 'grid view, empty map');

  for (const stage of ['Inspiration', 'Search', 'Booking']) await addStage(page, stage);
  await expect(grid(page).getByRole('columnheader')).toHaveCount(4);
  await expect(page.getByRole('note').filter({ hasText: 'No channels yet' })).toBeVisible();
  for (const channel of ['Website', 'Mobile app', 'Call centre']) await addChannel(page, channel);
  await expect(page.getByRole('note').filter({ hasText: 'No channels yet' })).toHaveCount(0);

  await addTouchpoint(page, 'Inspiration', 'Website', 'Browses destination guides');
  await addTouchpoint(page, 'Search', 'Mobile app', 'Searches flights on the go');
  await addTouchpoint(page, 'Booking', 'Call centre', 'Calls to book a multi-city trip');
  await addTouchpoint(page, 'Booking', 'Website', 'Books and pays for the flight');
  // Rate one: the emotion lane draws its curve point, the card its face.
  await page
    .getByRole('radiogroup', { name: 'Emotion' })
    .getByRole('radio', { name: 'Negative', exact: true })
    .check();
  await expect(grid(page).getByText(/Mean emotion −1\.0: Negative/)).toBeAttached();
  // The Customer actions lane gathers the actions.
  const actions = grid(page)
    .getByRole('row')
    .filter({
      has: page.getByRole('rowheader', { name: /Customer actions/ }),
    });
  await expect(
    actions.getByRole('button', { name: 'Calls to book a multi-city trip' }),
  ).toBeVisible();

  // Service blueprint lanes with items typed in place.
  await addLane(page, 'Frontstage actions');
  await typeItems(page, 'Frontstage actions', 'Booking', [
    'Confirmation e-mail with e-ticket',
    'Agent reads the fare rules',
  ]);
  await addLane(page, 'Backstage actions');
  await typeItems(page, 'Backstage actions', 'Booking', ['Agent re-keys the booking']);
  await expect(grid(page).getByText('Line of interaction')).toBeVisible();
  await expect(grid(page).getByText('Line of visibility')).toBeVisible();
  // Edit an item in place; an emptied item goes away.
  await grid(page).getByRole('button', { name: 'Agent reads the fare rules', exact: true }).click();
  const item = page.getByRole('textbox', { name: 'Item in Frontstage actions, Booking' });
  await item.fill('');
  await item.press('Backspace');
  await expect(grid(page).getByRole('button', { name: 'Agent reads the fare rules' })).toHaveCount(
    0,
  );

  // Reorder a lane from its menu: Emotion goes above Devices.
  const before = await rowTitles(page);
  expect(before.indexOf('Emotion')).toBe(before.indexOf('Devices') + 1);
  await button(page, 'Lane options: Emotion').click();
  await page.getByRole('menuitem', { name: 'Move up' }).click();
  await expect
    .poll(async () => (await rowTitles(page)).indexOf('Emotion'))
    .toBe(before.indexOf('Devices'));
  // Hide a lane, see it listed, undo brings it back.
  await button(page, 'Lane options: KPIs').click();
  await page.getByRole('menuitem', { name: 'Hide' }).click();
  await expect(grid(page).getByRole('rowheader', { name: /KPIs/ })).toHaveCount(0);
  await expect(button(page, 'Hidden lanes (1)')).toBeVisible();
  await button(page, 'Undo').click();
  await expect(grid(page).getByRole('rowheader', { name: /KPIs/ })).toBeVisible();
  await expect(button(page, 'Hidden lanes (0)')).toBeVisible();
  // Hide again and show it from the Hidden lanes menu.
  await button(page, 'Lane options: KPIs').click();
  await page.getByRole('menuitem', { name: 'Hide' }).click();
  await button(page, 'Hidden lanes (1)').click();
  await page.getByRole('menuitem', { name: 'Show KPIs' }).click();
  await expect(grid(page).getByRole('rowheader', { name: /KPIs/ })).toBeVisible();

  // Drag a card to another channel's cell: it is relinked, one undo step puts it back.
  const card = grid(page).getByRole('button', { name: /^Books and pays for the flight ,/ });
  const appRow = grid(page)
    .getByRole('row')
    .filter({
      has: page.getByRole('rowheader', { name: /Mobile app/ }),
    });
  await card.dragTo(appRow.getByRole('gridcell').nth(2));
  await expect(
    appRow.getByRole('button', { name: /^Books and pays for the flight ,/ }),
  ).toBeVisible();
  await button(page, 'Undo').click();
  await expect(
    appRow.getByRole('button', { name: /^Books and pays for the flight ,/ }),
  ).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/blank-built.png` });
  await expectNoA11yViolations(page, 'grid view, built from a blank map');

  // The canvas shows the same journey; the view is remembered per map after a reload.
  await toView(page, 'Canvas');
  await expect(page.locator('.react-flow__edge')).toHaveCount(4);
  await page.reload();
  await expect(button(page, 'Canvas')).toHaveAttribute('aria-pressed', 'true');
  await toView(page, 'Grid');
  await page.reload();
  await expect(button(page, 'Grid')).toHaveAttribute('aria-pressed', 'true');
  await expect(grid(page).getByRole('rowheader', { name: /Backstage actions/ })).toBeVisible();
  await expect(
    grid(page).getByRole('button', { name: 'Agent re-keys the booking', exact: true }),
  ).toBeVisible();
});

test('the grid is driven from the keyboard', async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.createMap('Airline', 'Keyboard grid');
  await toView(page, 'Grid');
  const focused = page.locator(':focus');
  // Tab reaches the grid's one focusable cell; arrows, Home and End move.
  await button(page, 'Hidden lanes (0)').focus();
  await page.keyboard.press('Tab');
  await expect(focused).toHaveAttribute('data-r', '1');
  await expect(focused).toHaveAttribute('data-c', '1');
  await page.keyboard.press('ArrowRight');
  await expect(focused).toHaveAttribute('data-c', '2');
  await page.keyboard.press('End');
  await expect(focused).toHaveAttribute('data-c', '7');
  await page.keyboard.press('Home');
  await expect(focused).toHaveAttribute('data-c', '0');
  await expect(focused).toHaveAttribute('role', 'rowheader');
  await page.keyboard.press('ArrowUp');
  await expect(focused).toHaveAttribute('data-r', '0');
  // Down to the Website row (Customer actions, then Website), over to Booking.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(focused).toHaveAttribute('role', 'rowheader');
  await expect(focused).toContainText('Website');
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  await expect(focused).toHaveAttribute('role', 'gridcell');
  // Enter goes into the cell (its card), Enter selects it, Escape comes back to the cell.
  await page.keyboard.press('Enter');
  await expect(focused).toHaveAccessibleName(/^Books and pays for the flight ,/);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: 'Action', exact: true })).toHaveValue(
    'Books and pays for the flight',
  );
  // Alt+ArrowDown moves the card to the next channel's row (Mobile app), Ctrl+Z undoes it.
  await page.keyboard.press('Alt+ArrowDown');
  const appRow = grid(page)
    .getByRole('row')
    .filter({
      has: page.getByRole('rowheader', { name: /Mobile app/ }),
    });
  await expect(
    appRow.getByRole('button', { name: /^Books and pays for the flight ,/ }),
  ).toBeVisible();
  await expect(focused).toHaveAccessibleName(/^Books and pays for the flight ,/);
  await page.keyboard.press('Escape');
  await expect(focused).toHaveAttribute('role', 'gridcell');
  await page.keyboard.press('Control+z');
  await expect(
    appRow.getByRole('button', { name: /^Books and pays for the flight ,/ }),
  ).toHaveCount(0);
  // Alt+ArrowDown on a lane's header moves the lane.
  await page.keyboard.press('Home');
  await expect(focused).toContainText('Mobile app');
  const before = await rowTitles(page);
  await page.keyboard.press('Alt+ArrowDown');
  await expect
    .poll(async () => (await rowTitles(page)).indexOf('Mobile app'))
    .toBe(before.indexOf('Mobile app') + 1);
  await expect(focused).toContainText('Mobile app');
  // Alt+ArrowRight on a stage header moves the stage.
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('ArrowRight');
  await expect(focused).toContainText('Inspiration');
  await page.keyboard.press('Alt+ArrowRight');
  await expect(grid(page).getByRole('columnheader').nth(2)).toContainText('Inspiration');
  await expect(focused).toContainText('Inspiration');
  // A content lane: Enter in an empty cell types a new item.
  await addLane(page, 'Text', 'Thoughts');
  const thoughts = grid(page)
    .getByRole('row')
    .filter({
      has: page.getByRole('rowheader', { name: laneHeaderName('Thoughts') }),
    });
  await thoughts.getByRole('gridcell').first().focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: /^Item in Thoughts, / })).toBeFocused();
  await page.keyboard.type('I just want to fly home');
  await page.keyboard.press('Enter');
  // Enter saves the item and opens the next one, empty: Escape leaves that one.
  await expect(thoughts.getByRole('button', { name: 'I just want to fly home' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: /^Item in Thoughts, / })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(thoughts.getByRole('button', { name: 'I just want to fly home' })).toBeVisible();
  await expect(focused).toHaveAttribute('role', 'gridcell');
  await expectNoA11yViolations(page, 'grid view, keyboard');
});

test('lanes reorder by dragging their titles; a failed grid says so and reloads', async ({
  page,
}) => {
  const editor = new EditorPage(page);
  await editor.createMap('Airline', 'Dragging lanes');
  await toView(page, 'Grid');
  const before = await rowTitles(page);
  expect(before.indexOf('E-mail')).toBeGreaterThan(before.indexOf('Website'));
  await grid(page)
    .getByRole('rowheader', { name: /E-mail/ })
    .dragTo(grid(page).getByRole('rowheader', { name: /Website/ }));
  await expect
    .poll(async () => {
      const now = await rowTitles(page);
      return now.indexOf('E-mail') < now.indexOf('Website');
    })
    .toBe(true);
  // One undo step puts it back.
  await button(page, 'Undo').click();
  await expect.poll(rowTitles.bind(null, page)).toEqual(before);

  // The grid's own error boundary: the inspector keeps working, and the grid reloads.
  await page.evaluate(() => {
    globalThis.__ITINERA_FAIL_PANEL__ = 'grid';
  });
  await button(page, 'Canvas').click();
  await button(page, 'Grid').click();
  const region = page.getByRole('main', { name: 'Journey grid' });
  await expect(region.getByRole('alert')).toHaveText(/The grid stopped working/);
  await expect(page.getByRole('complementary', { name: 'Inspector' })).toBeVisible();
  await page.evaluate(() => {
    globalThis.__ITINERA_FAIL_PANEL__ = undefined;
  });
  await region.getByRole('button', { name: 'Reload this panel' }).click();
  await expect(grid(page)).toHaveAttribute('data-ready', 'true');
});
