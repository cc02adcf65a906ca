/**
 * User story: in a workshop, one person fills the whole strategy roadmap (seven steps and the
 * channel-cost model) beside the journey map while a colleague in another browser context,
 * on the same shared map, watches every value arrive; then the one-page strategy map is shown
 * and printed to an image.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectNoA11yViolations } from './support/axe';
import { person } from './support/people';

/** Opens the strategy panel from the editor header. */
async function openStrategy(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Strategy', exact: true }).click();
  const panel = page.getByRole('complementary', { name: 'Strategy' });
  await expect(panel).toBeVisible();
  return panel;
}

const step = (panel: Locator, name: string) =>
  panel.getByRole('region', { name: new RegExp(`^\\d\\. ${name}`) });
const mark = (panel: Locator, name: string) =>
  step(panel, name).getByRole('heading').getByRole('img');

const STEPS = [
  'Starting point',
  'Goals and timelines',
  'Channels',
  'KPIs',
  'Journey',
  'Training',
  'Go live',
];

test('fills every strategy step and a colleague sees it live; one-page print view', async ({
  browser,
}) => {
  test.setTimeout(180_000); // one long story: two people, seven steps, the print view
  const ada = await person(browser);
  const bo = await person(browser);
  try {
    await ada.editor.createMap('Blank', 'Strategy workshop');
    await ada.editor.add('stage', 'Booking');
    await ada.editor.add('channel', 'Mobile app');
    await ada.page.getByRole('combobox', { name: 'Channel type' }).selectOption('app');
    await ada.editor.add('channel', 'Twitter');
    await ada.page.getByRole('combobox', { name: 'Channel type' }).selectOption('social');
    await ada.editor.add('channel', 'Call centre');
    await ada.page.getByRole('combobox', { name: 'Channel type' }).selectOption('phone');
    await ada.editor.link('Booking', 'Mobile app');
    await ada.page.getByRole('textbox', { name: 'Action', exact: true }).fill('Books a flight');

    // Share the map; Bo opens the edit link in his own browser context.
    await ada.editor.button('Share').click();
    const dialog = ada.page.getByRole('dialog', { name: 'Share this map' });
    const edit = await dialog.getByRole('textbox', { name: 'Edit link' }).inputValue();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await bo.page.goto(edit);
    await expect(bo.editor.node('Booking')).toBeVisible();

    const a = await openStrategy(ada.page);
    const b = await openStrategy(bo.page);
    for (const s of STEPS.slice(0, 4).concat(STEPS.slice(5)))
      await expect(mark(a, s)).toHaveAccessibleName(/Not started|In progress/);
    await expectNoA11yViolations(ada.page, 'strategy panel, not started');

    // 1. Starting point.
    await a.getByRole('textbox', { name: 'Our company name' }).fill('Sky Italia');
    await a
      .getByRole('combobox', { name: 'Digital channels score of Sky Italia' })
      .selectOption('2');
    await a
      .getByRole('combobox', { name: 'Service culture score of Sky Italia' })
      .selectOption('3');
    await a.getByRole('button', { name: 'Add competitor' }).click();
    await a.getByRole('textbox', { name: 'Competitor name 1' }).fill('Rival Air');
    await a
      .getByRole('combobox', { name: 'Digital channels score of Rival Air' })
      .selectOption('4');
    await a.getByRole('combobox', { name: 'Service culture score of Rival Air' }).selectOption('3');
    await expect(mark(a, 'Starting point')).toHaveAccessibleName('Complete');

    // 2. Goals: a preset, with deadline and benefit; the timeline lists it.
    await a
      .getByRole('combobox', { name: 'Add a goal from the list' })
      .selectOption({ label: 'Reduce call volume to the call centre' });
    const goal = step(a, 'Goals and timelines').getByRole('group', { name: 'Goal 1' });
    await expect(goal.getByRole('textbox', { name: 'Measurable target' })).toHaveValue('-20%');
    await goal.getByLabel('Deadline').fill('2027-06-30');
    await goal.getByRole('textbox', { name: 'Expected benefit' }).fill('Fewer calls, lower cost');
    await expect(a.getByRole('list', { name: 'Timeline of deadlines' })).toContainText(
      'Reduce call volume to the call centre',
    );
    await expect(mark(a, 'Goals and timelines')).toHaveAccessibleName('Complete');

    // 3. Channels, with the low-preference warning and the "optimise first" reminder.
    await a.getByRole('combobox', { name: 'Status of Mobile app' }).selectOption('inUse');
    await a.getByRole('spinbutton', { name: 'Customer preference of Mobile app (%)' }).fill('45');
    await a
      .getByRole('textbox', { name: 'Reason for Mobile app' })
      .fill('Most customers book on the app');
    await a.getByRole('combobox', { name: 'Status of Twitter' }).selectOption('planned');
    await a.getByRole('spinbutton', { name: 'Customer preference of Twitter (%)' }).fill('3');
    await a.getByRole('combobox', { name: 'Status of Call centre' }).selectOption('inUse');
    await expect(
      a.getByRole('alert').filter({ hasText: 'Few customers prefer Twitter (3%)' }),
    ).toBeVisible();
    await expect(
      a.getByRole('note').filter({ hasText: 'Optimise the channels you already have' }),
    ).toBeVisible();
    await expect(mark(a, 'Channels')).toHaveAccessibleName('Complete');

    // Channel-cost model: 10,000 calls at €6, 2,000 app contacts at 1/12; move 30% of calls.
    await a.getByRole('spinbutton', { name: 'Cost of one phone contact' }).fill('6');
    await a.getByRole('spinbutton', { name: 'Monthly contacts of Call centre' }).fill('10000');
    await a.getByRole('spinbutton', { name: 'Monthly contacts of Mobile app' }).fill('2000');
    await a
      .getByRole('slider', { name: 'Share of phone volume moved to digital channels' })
      .fill('30');
    // 3,000 moved by preference 45:3 → app 2,812.5 (saves 5.5 each), Twitter 187.5 (saves 5 each):
    // 15,468.75 + 937.5 = 16,406.25 a month; today 60,000 + 1,000 = 61,000.
    await expect(a.getByTestId('cost-today')).toHaveText('€61,000');
    await expect(a.getByTestId('cost-saving')).toHaveText('€16,406 (26.9%)');

    // 4. KPIs: a service preset and a quality preset, linked to the goal, a touchpoint and a channel.
    await a
      .getByRole('combobox', { name: 'Add a service KPI' })
      .selectOption({ label: 'Abandonment rate' });
    const abandon = a.getByRole('group', { name: 'Abandonment rate' });
    await abandon.getByRole('spinbutton', { name: 'Target' }).fill('5');
    await abandon
      .getByRole('combobox', { name: 'Goal it serves' })
      .selectOption({ label: 'Reduce call volume to the call centre' });
    await a
      .getByRole('combobox', { name: 'Add a quality KPI' })
      .selectOption({ label: 'Response speed' });
    const speed = a.getByRole('group', { name: 'Response speed' });
    await expect(speed.getByRole('spinbutton', { name: 'Target' })).toHaveValue('60');
    await speed
      .getByRole('combobox', { name: 'Goal it serves' })
      .selectOption({ label: 'Reduce call volume to the call centre' });
    await speed.getByRole('checkbox', { name: 'Response speed watches Books a flight' }).check();
    await speed.getByRole('checkbox', { name: 'Response speed watches Mobile app' }).check();
    await expect(mark(a, 'KPIs')).toHaveAccessibleName('Complete');
    // The touchpoint's inspector lists the KPIs measured there, both ways.
    const tpForm = ada.page.getByRole('form', { name: 'Touchpoint details' });
    await expect(tpForm.getByRole('checkbox', { name: 'Response speed' })).toBeChecked();
    await tpForm.getByRole('checkbox', { name: 'Abandonment rate' }).check();
    await expect(
      abandon.getByRole('checkbox', { name: 'Abandonment rate watches Books a flight' }),
    ).toBeChecked();

    // 5. Journey: the stage has a touchpoint through a channel.
    await expect(mark(a, 'Journey')).toHaveAccessibleName('Complete');

    // 6. Training: one technical, one behavioural session.
    const training = step(a, 'Training');
    await training.getByRole('button', { name: 'Add training session' }).click();
    await training.getByRole('button', { name: 'Add training session' }).click();
    const t1 = training.getByRole('group', { name: 'Topic 1' });
    await t1.getByRole('textbox', { name: 'Topic' }).fill('Social care console');
    await t1.getByRole('textbox', { name: 'Audience' }).fill('Digital agents');
    await t1.getByLabel('Due date').fill('2027-05-01');
    const t2 = training.getByRole('group', { name: 'Topic 2' });
    await t2.getByRole('textbox', { name: 'Topic' }).fill('Tone of voice in public replies');
    await t2.getByRole('combobox', { name: 'Kind' }).selectOption('behavioural');
    await t2.getByRole('textbox', { name: 'Audience' }).fill('All agents');
    await t2.getByLabel('Due date').fill('2027-05-15');
    await expect(mark(a, 'Training')).toHaveAccessibleName('Complete');

    // 7. Go live: a date, a hand-ticked item; every step is complete.
    await a.getByLabel('Go-live date').fill('2027-09-01');
    await a.getByRole('checkbox', { name: 'New channels announced to customers' }).check();
    for (const s of STEPS) await expect(mark(a, s), s).toHaveAccessibleName('Complete');
    // Each step on its own, so a violation names its step.
    for (const s of STEPS) {
      const heading = await step(a, s).getAttribute('aria-labelledby');
      await expectNoA11yViolations(ada.page, `strategy panel, step ${s}, complete`, {
        include: `section[aria-labelledby="${heading}"]`,
      });
    }

    // Bo sees every value and every mark.
    await expect(b.getByRole('textbox', { name: 'Our company name' })).toHaveValue('Sky Italia');
    await expect(
      b.getByRole('combobox', { name: 'Digital channels score of Rival Air' }),
    ).toHaveValue('4');
    await expect(b.getByRole('group', { name: 'Goal 1' }).getByLabel('Deadline')).toHaveValue(
      '2027-06-30',
    );
    await expect(b.getByRole('textbox', { name: 'Reason for Mobile app' })).toHaveValue(
      'Most customers book on the app',
    );
    await expect(
      b.getByRole('alert').filter({ hasText: 'Few customers prefer Twitter (3%)' }),
    ).toBeVisible();
    await expect(
      b.getByRole('slider', { name: 'Share of phone volume moved to digital channels' }),
    ).toHaveValue('30');
    await expect(b.getByTestId('cost-saving')).toHaveText('€16,406 (26.9%)');
    await expect(
      b.getByRole('checkbox', { name: 'Response speed watches Books a flight' }),
    ).toBeChecked();
    await expect(
      b.getByRole('group', { name: 'Topic 2' }).getByRole('textbox', { name: 'Topic' }),
    ).toHaveValue('Tone of voice in public replies');
    await expect(b.getByLabel('Go-live date')).toHaveValue('2027-09-01');
    for (const s of STEPS) await expect(mark(b, s), s).toHaveAccessibleName('Complete');

    // The slider is live for the whole room in both directions.
    await b
      .getByRole('slider', { name: 'Share of phone volume moved to digital channels' })
      .fill('0');
    await expect(a.getByTestId('cost-saving')).toHaveText('€0 (0%)');

    // Unticking by hand syncs too.
    await a.getByRole('checkbox', { name: 'New channels announced to customers' }).uncheck();
    await expect(
      b.getByRole('checkbox', { name: 'New channels announced to customers' }),
    ).not.toBeChecked();

    // The one-page strategy map.
    await ada.page.getByRole('button', { name: 'One-page strategy map' }).click();
    const print = ada.page.getByRole('dialog', { name: 'One-page strategy map' });
    await expect(
      print.getByRole('heading', { name: 'Customer strategy map: Strategy workshop' }),
    ).toBeVisible();
    for (const text of [
      'Reduce call volume to the call centre',
      'Sky Italia',
      'Rival Air',
      'Booking',
      'Mobile app: In use · 45%',
      'Response speed: 60 min (daily)',
      'Tone of voice in public replies',
      // Dates in the map's language, as the panel shows them.
      'Sep 1, 2027',
    ]) {
      await expect(print).toContainText(text);
    }
    await print.screenshot({ path: 'test-results/strategy-print-dialog.png' });
    await expectNoA11yViolations(ada.page, 'one-page strategy map');
    await ada.page.emulateMedia({ media: 'print' });
    await ada.page.screenshot({ path: 'test-results/strategy-print-media.png', fullPage: true });
    await ada.page.emulateMedia({ media: 'screen' });
    await print.getByRole('button', { name: 'Close' }).click();
    await expect(print).toBeHidden();
    await ada.page.screenshot({ path: 'test-results/strategy-panel.png' });
  } finally {
    await ada.close();
    await bo.close();
  }
});
