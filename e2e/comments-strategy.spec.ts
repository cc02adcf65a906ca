/**
 * User story: the strategy of a map under review (issue 15). Ada shares the airline map; Rita,
 * the head of customer service, opens its review link and the strategy panel: she cannot
 * change any strategy field, but every goal, KPI, training session, channel plan, company
 * score, the cost model and the go-live have a comment button. She questions a KPI and a
 * goal; Ada sees the count, jumps from the Comments panel to the KPI (the strategy panel opens
 * on it), replies and resolves; Ada deletes the goal and its thread stays, detached. A view
 * link sees the pins with threads and cannot comment. axe passes on the strategy panel with
 * pins for the reviewer and the editor; screenshots in English and Italian at 1440×900 and on
 * a laptop (1280×800).
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectNoA11yViolations } from './support/axe';
import { LAPTOP, person } from './support/people';

const SHOTS = 'test-results';

const commentsButton = (page: Page) => page.getByRole('button', { name: /^Comments(,|$)/ });
const comments = (page: Page) => page.getByRole('complementary', { name: 'Comments' });
const thread = (page: Page, anchor: string) =>
  comments(page).getByRole('article', { name: `Thread on ${anchor}` });
const strategy = (page: Page) => page.getByRole('complementary', { name: 'Strategy' });

async function openStrategy(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Strategy', exact: true }).click();
  await expect(strategy(page)).toBeVisible();
  return strategy(page);
}

async function setName(page: Page, name: string): Promise<void> {
  // My own chip in the people list turns into my name field.
  await page.getByRole('button', { name: /\(you\)$/ }).click();
  const input = page.getByRole('textbox', { name: 'Your name' });
  await input.fill(name);
  await input.press('Enter');
  await expect(page.getByRole('list', { name: 'People here' })).toContainText(`${name} (you)`);
}

const KPI = 'Strategy: KPIs “Abandonment rate”';
const GOAL = 'Strategy: goals “Reduce call volume to the call centre”';

/**
 * The fields of a locator that can still be changed (`:disabled` counts a disabled fieldset),
 * leaving out the Persona select, which only chooses how this tab reads the cost model and KPIs.
 * One call, not one per field: the panel has well over a hundred.
 */
const enabledFields = (fields: Locator) =>
  fields.evaluateAll((els) =>
    els
      .filter((el) => !el.matches(':disabled') && el.closest('.persona-reading') === null)
      .map((el) => el.outerHTML.slice(0, 120)),
  );

test('a reviewer comments on strategy items without editing them; the editor jumps, replies and resolves', async ({
  browser,
}) => {
  test.slow(); // two people and a view link, one story, four accessibility passes
  const ada = await person(browser, { viewport: LAPTOP });
  const rita = await person(browser, { viewport: LAPTOP });
  let viewer: Awaited<ReturnType<typeof person>> | undefined;
  try {
    await ada.editor.createMap('Airline', 'Airline strategy review');
    await ada.editor.button('Share').click();
    const share = ada.page.getByRole('dialog', { name: 'Share this map' });
    const review = await share.getByRole('textbox', { name: 'Review link' }).inputValue();
    const viewLink = await share.getByRole('textbox', { name: 'View-only link' }).inputValue();
    await share.getByRole('button', { name: 'Close' }).click();
    await setName(ada.page, 'Ada');
    await rita.page.goto(review);
    await expect(rita.editor.node('Booking')).toBeVisible();
    await setName(rita.page, 'Rita');

    // Rita reads the strategy: no field can be changed, every item can be commented on.
    const ritaPanel = await openStrategy(rita.page);
    await expect(ritaPanel).toContainText(
      'Reviewing: the strategy is read-only; comment on any item with its comment button.',
    );
    // (Not the Persona select: it only chooses how this tab reads the cost model and KPIs, and
    // writes nothing.)
    const fields = ritaPanel.locator('.strategy-body').locator('input, select, textarea');
    expect(await fields.count()).toBeGreaterThan(30);
    expect(await enabledFields(fields)).toEqual([]);
    // The Persona select is a way of reading the cost model and the KPIs, not a field of the
    // map: the reviewer may use it in both places.
    const readings = ritaPanel.getByRole('combobox', { name: 'Persona' });
    await expect(readings).toHaveCount(2);
    for (const reading of await readings.all()) await expect(reading).toBeEnabled();
    const others = ritaPanel.locator('.strategy-body button:not(.strategy-pin-button)');
    expect(await others.count()).toBeGreaterThan(5); // add, remove…
    for (const button of await others.all()) await expect(button).toBeDisabled();
    for (const name of [
      'Comment on goal “Reduce call volume to the call centre”',
      'Comment on goal “Answer faster on social networks”',
      'Comment on KPI “Abandonment rate”',
      'Comment on KPI “First-contact resolution”',
      'Comment on training session “Tone of voice for public replies on social networks”',
      'Comment on the plan of channel “Call centre”',
      'Comment on the scores of “Our airline”',
      'Comment on the scores of “SkyJet”',
      'Comment on the cost model',
      'Comment on the go-live',
    ]) {
      // Each one is clickable (nothing covers it) and starts a thread on its item.
      await ritaPanel.getByRole('button', { name, exact: true }).click();
      const section = comments(rita.page).getByRole('region', { name: 'New comment' });
      await expect(section.getByRole('textbox', { name: 'Comment text' })).toBeFocused();
      await section.getByRole('button', { name: 'Cancel' }).click();
      await expect(section).toHaveCount(0);
    }

    // She questions a KPI, then a goal.
    await ritaPanel.getByRole('button', { name: 'Comment on KPI “Abandonment rate”' }).click();
    const draft = rita.page.getByRole('textbox', { name: 'Comment text' });
    await expect(draft).toBeFocused();
    await draft.fill('Is 5% realistic in the winter peak?');
    await rita.page.getByRole('button', { name: 'Post', exact: true }).click();
    await expect(thread(rita.page, KPI)).toContainText('Is 5% realistic in the winter peak?');
    await ritaPanel
      .getByRole('button', { name: 'Comment on goal “Reduce call volume to the call centre”' })
      .click();
    await draft.fill('Which baseline: last year or last quarter?');
    await rita.page.getByRole('button', { name: 'Post', exact: true }).click();
    await expect(thread(rita.page, GOAL)).toContainText('Which baseline');
    const kpiPin = (page: Page) =>
      strategy(page).getByRole('button', { name: /^Comment on KPI “Abandonment rate”/ });
    await expect(kpiPin(rita.page)).toHaveAccessibleName(
      'Comment on KPI “Abandonment rate”, 1 open thread',
    );
    await expect(kpiPin(rita.page)).toHaveText('1');
    // Still nothing editable.
    await expect(
      ritaPanel.getByRole('textbox', { name: 'KPI', exact: true }).first(),
    ).toBeDisabled();
    await rita.page.screenshot({ path: `${SHOTS}/comments-strategy-reviewer-1440.png` });
    // The two panels side by side, in English and in Italian; the whole page on a laptop.
    const panels = async (file: string) => {
      const box = (await rita.page.locator('.comments-panel').boundingBox())!; // any language
      await rita.page.screenshot({
        path: `${SHOTS}/${file}`,
        clip: { x: box.x, y: box.y, width: 1440 - box.x, height: box.height },
      });
    };
    await panels('comments-strategy-1440.png');
    const language = rita.page.getByRole('combobox', { name: 'Language', exact: true });
    await language.selectOption('it');
    await expect(
      rita.page.getByRole('button', { name: 'Commenta il KPI «First-contact resolution»' }),
    ).toBeVisible();
    await expect(
      rita.page.getByRole('article', {
        name: 'Discussione su Strategia: KPI «Abandonment rate»',
      }),
    ).toBeVisible();
    await panels('comments-strategy-it-1440.png');
    await rita.page.getByRole('combobox', { name: 'Lingua', exact: true }).selectOption('en');
    await rita.page.setViewportSize({ width: 1280, height: 800 });
    await rita.page.screenshot({ path: `${SHOTS}/comments-strategy-reviewer-1280.png` });
    await rita.page.setViewportSize({ width: 1440, height: 900 });
    await expectNoA11yViolations(rita.page, 'strategy panel with pins, reviewer', {
      include: '.strategy-panel',
    });
    await expectNoA11yViolations(rita.page, 'comments panel on strategy threads, reviewer', {
      include: '.comments-panel',
    });

    // Ada sees the count, and jumps from the Comments panel to the KPI: the strategy panel
    // opens, scrolled to the KPI, its pin focused.
    await expect(commentsButton(ada.page)).toHaveAccessibleName('Comments, 2 open, 2 new');
    await expect(strategy(ada.page)).toHaveCount(0);
    await commentsButton(ada.page).click();
    const adaKpi = thread(ada.page, KPI);
    await adaKpi.getByRole('button', { name: new RegExp(`^${KPI}`) }).click();
    await adaKpi.getByRole('button', { name: 'Go to' }).click();
    await expect(strategy(ada.page)).toBeVisible();
    await expect(kpiPin(ada.page)).toBeFocused();
    await expect(kpiPin(ada.page)).toBeInViewport();
    // Ada may edit the KPI (an editor), and replies and resolves.
    await expect(
      strategy(ada.page).getByRole('textbox', { name: 'KPI', exact: true }).first(),
    ).toBeEditable();
    await adaKpi.getByRole('textbox', { name: 'Reply' }).fill('Yes: it was 4.1% last winter.');
    await adaKpi.getByRole('button', { name: 'Reply', exact: true }).click();
    await expect(thread(rita.page, KPI)).toContainText('Yes: it was 4.1% last winter.');
    await ada.page.screenshot({ path: `${SHOTS}/comments-strategy-editor-1440.png` });
    await expectNoA11yViolations(ada.page, 'strategy panel with pins, editor', {
      include: '.strategy-panel',
    });
    await adaKpi.getByRole('button', { name: 'Resolve' }).click();
    await expect(kpiPin(rita.page)).toHaveAccessibleName('Comment on KPI “Abandonment rate”');
    await expect(commentsButton(rita.page)).toHaveAccessibleName(/^Comments, 1 open/);

    // The pin of a thread opens it in the Comments panel.
    const goalPin = strategy(ada.page).getByRole('button', {
      name: 'Comment on goal “Reduce call volume to the call centre”, 1 open thread',
    });
    await goalPin.click();
    await expect(thread(ada.page, GOAL).getByRole('textbox', { name: 'Reply' })).toBeVisible();

    // A view link sees the pins that have threads, and cannot comment.
    viewer = await person(browser, { viewport: LAPTOP });
    await viewer.page.goto(viewLink);
    await expect(viewer.editor.node('Booking')).toBeVisible();
    const viewerPanel = await openStrategy(viewer.page);
    await expect(
      viewerPanel.getByRole('button', {
        name: '1 open comment thread on Strategy: goals “Reduce call volume to the call centre”',
      }),
    ).toBeVisible();
    await expect(viewerPanel.getByRole('button', { name: /^Comment on/ })).toHaveCount(0);
    await expect(viewerPanel.locator('.strategy-pin-button')).toHaveCount(1);
    expect(await enabledFields(viewerPanel.locator('input, select'))).toEqual([]);

    // Ada deletes the goal: its thread stays, listed as detached.
    await strategy(ada.page)
      .getByRole('button', { name: 'Remove Reduce call volume to the call centre' })
      .click();
    const detached = comments(rita.page).getByRole('region', { name: 'Detached' });
    await expect(
      detached.getByRole('article', { name: 'Thread on Strategy: goals' }),
    ).toContainText('Which baseline');
  } finally {
    await Promise.all([ada.close(), rita.close(), viewer?.close()]);
  }
});
