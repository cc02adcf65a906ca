/**
 * User story: a facilitator presents a shared journey map to the room. Ada opens Present mode
 * with Follow me on; Bo (another browser context, on the same map through the real server) is
 * asked whether to follow, follows, and sees the stage Ada moves to; he pages ahead on his
 * own and comes back to her, leaves, and stays out while she goes on; when she stops, a
 * follower stays on his slide and is told. A map that is not shared still presents, without
 * Follow me, from the keyboard alone.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectNoA11yViolations } from './support/axe';
import { person, syncStatus } from './support/people';

const VIEWPORT = { width: 1440, height: 900 };

const status = syncStatus;
const people = (page: Page) => page.getByRole('list', { name: 'People here' });
const presentation = (page: Page) => page.getByRole('dialog', { name: /^Presentation:/ });
const slide = (page: Page) => presentation(page).getByRole('group', { name: /^Slide \d+ of/ });
const banner = (page: Page) => page.getByRole('region', { name: 'Presentation in the room' });

async function setName(page: Page, name: string): Promise<void> {
  // My own chip in the people list turns into my name field.
  await page.getByRole('button', { name: /\(you\)$/ }).click();
  const input = page.getByRole('textbox', { name: 'Your name' });
  await input.fill(name);
  await input.press('Enter');
  await expect(people(page)).toContainText(`${name} (you)`);
}

test('Ada presents with follow me; Bo follows her live, pages on his own, leaves and stays out', async ({
  browser,
}) => {
  test.slow();
  const ada = await person(browser, { viewport: VIEWPORT });
  const bo = await person(browser, { viewport: VIEWPORT });
  try {
    await ada.editor.createMap('Airline', 'Airline workshop');
    await ada.editor.button('Share').click();
    const share = ada.page.getByRole('dialog', { name: 'Share this map' });
    const edit = await share.getByRole('textbox', { name: 'Edit link' }).inputValue();
    await share.getByRole('button', { name: 'Close' }).click();
    await expect(status(ada.page)).toHaveText('Online, all synced');
    await bo.page.goto(edit);
    await expect(bo.editor.node('Booking')).toBeVisible();
    await setName(ada.page, 'Ada');
    await setName(bo.page, 'Bo');
    await expect(people(bo.page)).toContainText('Ada');

    // Ada presents: the overview first, 9 slides (overview, 7 stages, strategy).
    await ada.editor.button('Present').click();
    const a = presentation(ada.page);
    await expect(a).toBeVisible();
    await expect(slide(ada.page)).toHaveAccessibleName('Slide 1 of 9: Airline workshop');
    await expect(slide(ada.page)).toBeFocused();
    await expect(a.getByText('1 / 9')).toBeVisible();
    await expect(a.getByRole('heading', { name: 'Inspiration' })).toBeVisible();
    await ada.page.screenshot({ path: 'test-results/present-overview.png' });
    // Nobody is asked to follow until she turns Follow me on.
    await expect(banner(bo.page)).toHaveCount(0);
    const followMe = a.getByRole('button', { name: 'Follow me' });
    await expect(followMe).toHaveAttribute('aria-pressed', 'false');
    await followMe.click();
    await expect(followMe).toHaveAttribute('aria-pressed', 'true');

    // Bo is asked (not pulled along), and follows.
    await expect(banner(bo.page)).toContainText('Ada is presenting');
    await expect(presentation(bo.page)).toHaveCount(0);
    await expectNoA11yViolations(bo.page, 'editor with the "is presenting" banner');
    await bo.page.screenshot({ path: 'test-results/present-banner.png' });
    await banner(bo.page).getByRole('button', { name: 'Follow Ada' }).click();
    await expect(slide(bo.page)).toHaveAccessibleName('Slide 1 of 9: Airline workshop');
    await expect(presentation(bo.page).getByText('Following Ada')).toBeVisible();

    // Ada goes to stage 3 from the keyboard; Bo's screen shows stage 3.
    await ada.page.keyboard.press('ArrowRight');
    await ada.page.keyboard.press('PageDown');
    await ada.page.keyboard.press('ArrowRight');
    await expect(slide(ada.page)).toHaveAccessibleName('Slide 4 of 9: Booking');
    await expect(presentation(ada.page).getByRole('status')).toHaveText('Slide 4 of 9: Booking');
    await expect(slide(bo.page)).toHaveAccessibleName('Slide 4 of 9: Booking');
    await expect(presentation(bo.page).getByText('Stage 3 of 7')).toBeVisible();
    await ada.page.screenshot({ path: 'test-results/present-stage.png' });
    await bo.page.screenshot({ path: 'test-results/present-stage-follower.png' });
    await expectNoA11yViolations(ada.page, 'presentation, presenter');
    await expectNoA11yViolations(bo.page, 'presentation, follower');

    // Bo pages ahead on his own: he stops tracking Ada, and can go back to her.
    await bo.page.keyboard.press('ArrowRight');
    await expect(slide(bo.page)).toHaveAccessibleName('Slide 5 of 9: Check-in');
    const back = presentation(bo.page).getByRole('button', { name: 'Back to presenter' });
    await expect(back).toBeVisible();
    await ada.page.keyboard.press('ArrowLeft');
    await expect(slide(ada.page)).toHaveAccessibleName('Slide 3 of 9: Search');
    await expect(slide(bo.page)).toHaveAccessibleName('Slide 5 of 9: Check-in');
    await back.click();
    await expect(slide(bo.page)).toHaveAccessibleName('Slide 3 of 9: Search');
    await expect(back).toHaveCount(0);

    // Bo leaves; Ada moves on; Bo stays out (only the prompt, to follow again if he wants).
    await bo.page.keyboard.press('Escape');
    await expect(presentation(bo.page)).toHaveCount(0);
    await expect(bo.editor.button('Present')).toBeFocused();
    // The presentation is live: Bo renames the stage Ada is showing, her slide follows.
    await bo.editor.select('Search');
    await bo.editor.label.fill('Search and compare');
    await expect(slide(ada.page)).toHaveAccessibleName('Slide 3 of 9: Search and compare');
    await expect(
      presentation(ada.page).getByRole('heading', { name: 'Search and compare' }),
    ).toBeVisible();
    await expect(presentation(bo.page)).toHaveCount(0);
    await ada.page.keyboard.press('End');
    await expect(slide(ada.page)).toHaveAccessibleName('Slide 9 of 9: Strategy summary');
    await ada.page.screenshot({ path: 'test-results/present-strategy.png' });
    await expect(banner(bo.page)).toBeVisible();
    await expect(presentation(bo.page)).toHaveCount(0);

    // He follows again: straight onto her slide. Dismissing the prompt hides it for good.
    await banner(bo.page).getByRole('button', { name: 'Follow Ada' }).click();
    await expect(slide(bo.page)).toHaveAccessibleName('Slide 9 of 9: Strategy summary');
    await presentation(bo.page).getByRole('button', { name: 'Stop following' }).click();
    await expect(presentation(bo.page).getByText('Following Ada')).toHaveCount(0);
    await expect(slide(bo.page)).toHaveAccessibleName('Slide 9 of 9: Strategy summary');
    await presentation(bo.page).getByRole('button', { name: 'Leave' }).click();
    await banner(bo.page).getByRole('button', { name: 'Dismiss' }).click();
    await expect(banner(bo.page)).toHaveCount(0);
    await ada.page.keyboard.press('Home');
    await expect(slide(ada.page)).toHaveAccessibleName('Slide 1 of 9: Airline workshop');
    await expect(banner(bo.page)).toHaveCount(0);

    // Ada stops and starts again: the prompt is back. Bo follows; Ada leaves: Bo stays on
    // his slide, told she stopped.
    await presentation(ada.page).getByRole('button', { name: 'Leave' }).click();
    await expect(presentation(ada.page)).toHaveCount(0);
    await ada.editor.button('Present').click();
    await presentation(ada.page).getByRole('button', { name: 'Follow me' }).click();
    await ada.page.keyboard.press('ArrowRight');
    await banner(bo.page).getByRole('button', { name: 'Follow Ada' }).click();
    await expect(slide(bo.page)).toHaveAccessibleName('Slide 2 of 9: Inspiration');
    await ada.page.keyboard.press('Escape');
    await expect(presentation(ada.page)).toHaveCount(0);
    await expect(presentation(bo.page)).toContainText('Ada stopped presenting');
    await expect(slide(bo.page)).toHaveAccessibleName('Slide 2 of 9: Inspiration');
    await bo.page.keyboard.press('Escape');
    await expect(presentation(bo.page)).toHaveCount(0);
    await expect(banner(bo.page)).toHaveCount(0);
  } finally {
    await ada.close();
    await bo.close();
  }
});

test('a map that is not shared presents from the keyboard, without follow me, live', async ({
  browser,
}) => {
  const me = await person(browser, { viewport: VIEWPORT });
  try {
    await me.editor.createMap('Blank', 'Solo deck');
    await me.editor.add('stage', 'Arrive');
    await me.editor.add('stage', 'Leave');
    await me.editor.button('Present').focus();
    await me.page.keyboard.press('Enter');
    const p = presentation(me.page);
    await expect(slide(me.page)).toHaveAccessibleName('Slide 1 of 3: Solo deck');
    await expect(p.getByRole('button', { name: 'Follow me' })).toHaveCount(0);
    await expect(p.getByRole('button', { name: 'Previous' })).toBeDisabled();
    await me.page.keyboard.press('Space');
    await expect(slide(me.page)).toHaveAccessibleName('Slide 2 of 3: Arrive');
    await expect(p.getByText('No touchpoints in this stage yet.')).toBeVisible();
    await p.getByRole('button', { name: 'Next' }).click();
    await expect(slide(me.page)).toHaveAccessibleName('Slide 3 of 3: Leave');
    await expect(p.getByRole('button', { name: 'Next' })).toBeDisabled();
    // Focus stays inside the dialog.
    for (let i = 0; i < 8; i++) {
      await me.page.keyboard.press('Tab');
      expect(await p.evaluate((el) => el.contains(document.activeElement))).toBe(true);
    }
    await me.page.keyboard.press('Escape');
    await expect(p).toHaveCount(0);
    await expect(me.editor.button('Present')).toBeFocused();
  } finally {
    await me.close();
  }
});

test('keys pressed while presenting never reach the map behind the slides', async ({ browser }) => {
  const me = await person(browser, { viewport: VIEWPORT });
  try {
    await me.editor.createMap('Blank', 'Quiet deck');
    await me.editor.add('stage', 'Arrive');
    await me.editor.select('Arrive');
    const before = await me.editor.position('Arrive');
    const nodes = me.page.locator('.react-flow__node');
    await expect(nodes).toHaveCount(1);
    const inspectorToggle = me.page.getByRole('button', { name: /^(Hide|Show) the inspector$/ });
    const inspectorState = await inspectorToggle.getAttribute('aria-label');

    await me.editor.button('Present').click();
    const p = presentation(me.page);
    await expect(slide(me.page)).toHaveAccessibleName('Slide 1 of 2: Quiet deck');
    // The editor's shortcuts: add nodes, link, comment, inspector, nudge, delete, duplicate,
    // undo; and a paste.
    for (const key of ['1', '2', '3', '4', 'l', 'c', 'i', 'ArrowRight', 'ArrowDown']) {
      await me.page.keyboard.press(key);
    }
    for (const key of ['Delete', 'Backspace', 'Control+d', 'Control+z', 'Control+v']) {
      await me.page.keyboard.press(key);
    }
    await me.page.keyboard.press('Escape');
    await expect(p).toHaveCount(0);

    await expect(nodes).toHaveCount(1);
    expect(await me.editor.position('Arrive')).toEqual(before);
    expect(await inspectorToggle.getAttribute('aria-label')).toBe(inspectorState);
    await expect(me.page.getByRole('dialog', { name: /link/i })).toHaveCount(0);
  } finally {
    await me.close();
  }
});

test('on a laptop, in Italian, the overview keeps every stage name word whole', async ({
  browser,
}) => {
  const context = await browser.newContext({
    locale: 'it-IT',
    viewport: { width: 1280, height: 720 },
  });
  const page = await context.newPage();
  try {
    await page.goto('/?lang=it');
    await page.getByRole('button', { name: 'Nuova mappa' }).click();
    await page.getByRole('radio', { name: /^Compagnia aerea/ }).check();
    await page.getByRole('button', { name: 'Crea mappa' }).click();
    await page.getByRole('button', { name: 'Presenta', exact: true }).click();
    const p = page.getByRole('dialog', { name: /^Presentazione:/ });
    await expect(p.getByRole('group', { name: /^Diapositiva 1 di 9/ })).toBeVisible();
    const titles = p.getByRole('listitem').getByRole('heading', { level: 3 });
    await expect(titles).toHaveCount(7);
    await expect(titles.nth(2)).toHaveText('Prenotazione');
    // Each word of each title fits the title's width at its font ("Prenotazio|ne" did not).
    const split = await titles.evaluateAll((hs) => {
      const ctx = document.createElement('canvas').getContext('2d')!;
      return hs.flatMap((h) => {
        const style = getComputedStyle(h);
        ctx.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
        return (h.textContent ?? '')
          .split(/\s+/)
          .filter((w) => ctx.measureText(w).width > h.clientWidth)
          .map((w) => `${w} (${style.fontSize} in ${h.clientWidth}px)`);
      });
    });
    expect(split).toEqual([]);
    await page.screenshot({ path: 'test-results/present-overview-it-1280.png' });
    await expectNoA11yViolations(page, 'present overview, Italian, 1280');
  } finally {
    await context.close();
  }
});
