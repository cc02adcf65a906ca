/**
 * User story: a consultant facilitates a workshop on a shared airline map (issue 18,
 * "Facilitation"). Ada and Bo, two browser contexts against the real server: each is asked for
 * a name on first join ("Join" names them, "Not now" keeps the guest name); Ada starts a
 * dot-voting round on pain points with two votes a person; both vote live, each stopped at two;
 * both see the same sorted results, which stay in the map after the round ends and a reload.
 * The shared timer Ada starts counts on Bo's screen and on a late joiner's; a view-link person
 * can neither start a round nor vote (the server drops such writes: server/workshop-roles.test.ts).
 * Axe on the name prompt, the votes panel and the timer popover, in English and in Italian.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { EditorPage } from './pages/EditorPage';
import { expectNoA11yViolations } from './support/axe';
import { person, syncStatus } from './support/people';

const status = syncStatus;
const people = (page: Page) => page.getByRole('list', { name: 'People here' });
const namePrompt = (page: Page) =>
  page.getByRole('region', { name: 'What should the others call you?' });
const votesButton = (page: Page) => page.getByRole('button', { name: /^Votes\b/ });
const votesPanel = (page: Page) => page.getByRole('complementary', { name: 'Dot voting' });
const timerButton = (page: Page) => page.getByRole('button', { name: /^Workshop timer:/ });
const results = (page: Page) => votesPanel(page).getByTestId('vote-results').getByRole('listitem');
const voteFor = (panel: Locator, item: string) =>
  panel.getByRole('button', { name: `Vote for ${item}`, exact: true });

/** The shared timer's clock on `page` ("1:58"), in seconds. */
async function secondsLeft(page: Page): Promise<number> {
  const [m, sec] = (await page.getByTestId('timer-clock').textContent())!.split(':').map(Number);
  return m! * 60 + sec!;
}

/** Ada's airline map, shared; returns its edit and view links. */
async function sharedAirline(editor: EditorPage): Promise<{ edit: string; view: string }> {
  await editor.createMap('Airline', 'Workshop in the room');
  await editor.button('Share').click();
  const dialog = editor.page.getByRole('dialog', { name: 'Share this map' });
  const edit = await dialog.getByRole('textbox', { name: 'Edit link' }).inputValue();
  const view = await dialog.getByRole('textbox', { name: 'View-only link' }).inputValue();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(status(editor.page)).toHaveText('Online, all synced');
  return { edit, view };
}

async function join(page: Page, name: string): Promise<void> {
  const prompt = namePrompt(page);
  await expect(prompt).toBeVisible();
  await prompt.getByRole('textbox', { name: 'Name shown to the others' }).fill(name);
  await prompt.getByRole('button', { name: 'Join' }).click();
  await expect(prompt).toHaveCount(0);
  await expect(people(page).getByRole('listitem').first()).toHaveText(`${name} (you)`);
}

async function openVotes(page: Page): Promise<Locator> {
  const button = votesButton(page);
  if ((await button.getAttribute('aria-pressed')) !== 'true') await button.click();
  await expect(votesPanel(page)).toBeVisible();
  return votesPanel(page);
}

test('two people vote live in a round, each limited; the results stay in the map', async ({
  browser,
}) => {
  test.slow(); // two people, a reload, and accessibility passes
  const ada = await person(browser, { locale: 'en-US' });
  const bo = await person(browser, { locale: 'en-US' });
  try {
    const { edit } = await sharedAirline(ada.editor);

    // First join: Ada is asked for a name; "Join" names her.
    await expect(namePrompt(ada.page)).toBeVisible();
    await expectNoA11yViolations(ada.page, 'name prompt');
    await namePrompt(ada.page).screenshot({ path: 'test-results/workshop-name-prompt.png' });
    await join(ada.page, 'Ada');

    // Bo says "Not now": he keeps his guest name, and Ada sees it.
    await bo.page.goto(edit);
    await expect(status(bo.page)).toHaveText('Online, all synced');
    await expect(namePrompt(bo.page)).toBeVisible();
    await namePrompt(bo.page).getByRole('button', { name: 'Not now' }).click();
    await expect(namePrompt(bo.page)).toHaveCount(0);
    const guest = (await people(bo.page).getByRole('listitem').first().textContent())!.replace(
      / \(you\)$/,
      '',
    );
    expect(guest).toMatch(/^Guest \d+$/);
    await expect(people(ada.page).getByRole('listitem')).toHaveText(['Ada (you)', guest]);
    await expect(people(bo.page).getByRole('listitem')).toHaveText([`${guest} (you)`, 'Ada']);
    // The prompt stays away for this tab after a reload.
    await bo.page.reload();
    await expect(status(bo.page)).toHaveText('Online, all synced');
    await expect(namePrompt(bo.page)).toHaveCount(0);

    // Before any round: the panel says what to do.
    const adaPanel = await openVotes(ada.page);
    await expect(adaPanel.getByTestId('votes-empty')).toBeVisible();
    await expectNoA11yViolations(ada.page, 'votes panel, no round yet', {
      include: '.votes-panel',
    });

    // Ada starts a round: pain points, two votes a person.
    await adaPanel.getByRole('combobox', { name: 'Vote on' }).selectOption('painPoints');
    await adaPanel.getByRole('spinbutton', { name: 'Votes per person' }).fill('2');
    await adaPanel.getByRole('button', { name: 'Start a round' }).click();
    await expect(adaPanel.getByTestId('vote-round')).toHaveText(
      'Round open: Pain points, 2 votes each',
    );
    await expect(votesButton(ada.page)).toHaveAccessibleName('Votes, 2 left');

    // Bo sees the round open without opening anything, then votes.
    await expect(votesButton(bo.page)).toHaveAccessibleName('Votes, 2 left');
    const boPanel = await openVotes(bo.page);
    await expect(boPanel.getByTestId('vote-round')).toHaveText(
      'Round open: Pain points, 2 votes each',
    );
    await voteFor(adaPanel, 'Waits more than 15 minutes').click();
    await voteFor(boPanel, 'Waits more than 15 minutes').click();
    await voteFor(boPanel, 'Long queues at bag drop').click();
    await expect(boPanel.getByTestId('votes-left')).toHaveText('You have 0 votes left');
    await expect(votesButton(bo.page)).toHaveAccessibleName('Votes, 0 left');
    // A third vote is refused, and says why (the button stays reachable: aria-disabled).
    const third = voteFor(boPanel, 'Seat selection costs extra without warning');
    await expect(third).toHaveAttribute('aria-disabled', 'true');
    await third.focus();
    await bo.page.keyboard.press('Enter');
    await expect(boPanel.getByRole('alert')).toHaveText(
      'You have used all your votes in this round.',
    );
    await voteFor(adaPanel, 'Waits more than 15 minutes').click();
    await expect(adaPanel.getByTestId('votes-left')).toHaveText('You have 0 votes left');

    // Both see the same results, most votes first.
    const expected = [/3 votes.*Waits more than 15 minutes/, /1 vote.*Long queues at bag drop/];
    await expect(results(ada.page)).toHaveText(expected);
    await expect(results(bo.page)).toHaveText(expected);
    // Bo takes one back and places it elsewhere: Ada sees it live.
    await boPanel
      .getByRole('button', { name: 'Take back a vote from Long queues at bag drop', exact: true })
      .click();
    await voteFor(boPanel, 'Seat selection costs extra without warning').click();
    await expect(results(ada.page)).toHaveText([
      /3 votes.*Waits more than 15 minutes/,
      /1 vote.*Seat selection costs extra without warning/,
    ]);
    await expectNoA11yViolations(bo.page, 'votes panel, round open', { include: '.votes-panel' });
    // The panel is docked beside the inspector: it covers none of it.
    const votesBox = (await adaPanel.boundingBox())!;
    const inspectorBox = (await ada.page.locator('aside.inspector').boundingBox())!;
    expect(votesBox.x).toBeGreaterThanOrEqual(inspectorBox.x + inspectorBox.width - 1);
    await ada.page.screenshot({ path: 'docs/workshop-votes.png' });

    // Ada ends the round; nobody can vote any more, and the results stay.
    await adaPanel.getByRole('button', { name: 'End the round' }).click();
    // The button went away with the open round: focus stays in the panel, not lost.
    await expect(adaPanel).toBeFocused();
    await expect(boPanel.getByTestId('vote-round')).toHaveText('Ended round: Pain points');
    await expect(voteFor(boPanel, 'Seat selection costs extra without warning')).toHaveCount(0);
    await expect(votesButton(bo.page)).toHaveAccessibleName('Votes');
    await bo.page.reload();
    const again = await openVotes(bo.page);
    await expect(again.getByTestId('vote-round')).toHaveText('Ended round: Pain points');
    await expect(results(bo.page)).toHaveText([
      /3 votes.*Waits more than 15 minutes/,
      /1 vote.*Seat selection costs extra without warning/,
    ]);
    await expectNoA11yViolations(bo.page, 'votes panel, round ended', { include: '.votes-panel' });

    // A new round: the ended one is kept under "Earlier rounds", with its results.
    await adaPanel.getByRole('combobox', { name: 'Vote on' }).selectOption('opportunities');
    await adaPanel.getByRole('button', { name: 'Start a round' }).click();
    await expect(again.getByTestId('vote-round').first()).toHaveText(
      'Round open: Opportunities, 3 votes each',
    );
    await again.getByText('Earlier round (1)').click();
    const history = again.locator('.votes-history');
    await expect(history.getByTestId('vote-round')).toHaveText('Ended round: Pain points');
    await expect(history.getByTestId('vote-results').getByRole('listitem')).toHaveText([
      /3 votes.*Waits more than 15 minutes/,
      /1 vote.*Seat selection costs extra without warning/,
    ]);

    // Keyboard: Escape closes the panel and gives focus back to the Votes button.
    await again.getByRole('button', { name: 'Close votes' }).focus();
    await bo.page.keyboard.press('Escape');
    await expect(votesPanel(bo.page)).toHaveCount(0);
    await expect(votesButton(bo.page)).toBeFocused();
  } finally {
    await Promise.all([ada.close(), bo.close()]);
  }
});

test('the shared timer counts on every screen, a late joiner too; a view link cannot vote', async ({
  browser,
}) => {
  test.slow();
  const ada = await person(browser, { locale: 'en-US' });
  const bo = await person(browser, { locale: 'en-US' });
  const cy = await person(browser, { locale: 'en-US' });
  const viewer = await person(browser, { locale: 'en-US' });
  try {
    const { edit, view } = await sharedAirline(ada.editor);
    await join(ada.page, 'Ada');
    await bo.page.goto(edit);
    await join(bo.page, 'Bo');

    // Ada sets two minutes and starts the timer from its popover.
    await timerButton(ada.page).click();
    const pop = ada.page.getByRole('group', { name: 'Workshop timer' });
    await pop.getByRole('spinbutton', { name: 'Minutes' }).fill('2');
    await pop.getByRole('button', { name: 'Set the time', exact: true }).click();
    await expect(ada.page.getByTestId('timer-clock')).toHaveText('2:00');
    await pop.getByRole('button', { name: 'Start the timer' }).click();
    await expect(pop.getByRole('button', { name: 'Pause the timer' })).toBeVisible();
    await expectNoA11yViolations(ada.page, 'timer popover', { include: '.workshop-timer' });
    await pop.screenshot({ path: 'test-results/workshop-timer-popover.png' });
    // Escape closes the popover and gives focus back to the timer button.
    await ada.page.keyboard.press('Escape');
    await expect(pop).toHaveCount(0);
    await expect(timerButton(ada.page)).toBeFocused();

    // Bo sees it counting down, without touching anything, within a second or two of Ada.
    const boClock = bo.page.getByTestId('timer-clock');
    await expect(boClock).toHaveText(/^1:[0-5]\d$/);
    const first = await boClock.textContent();
    await expect(boClock).not.toHaveText(first!);
    const [adaLeft, boLeft] = await Promise.all([secondsLeft(ada.page), secondsLeft(bo.page)]);
    expect(Math.abs(adaLeft - boLeft)).toBeLessThanOrEqual(2);
    await expect(timerButton(bo.page)).toHaveAccessibleName(/^Workshop timer: 1:[0-5]\d left$/);

    // Cy joins late and sees the same countdown.
    await cy.page.goto(edit);
    await expect(cy.page.getByTestId('timer-clock')).toHaveText(/^1:[0-5]\d$/);
    const cyLeft = await secondsLeft(cy.page);
    expect(Math.abs((await secondsLeft(ada.page)) - cyLeft)).toBeLessThanOrEqual(2);
    // Her popover shows the duration Ada set.
    await timerButton(cy.page).click();
    await expect(
      cy.page.getByRole('group', { name: 'Workshop timer' }).getByRole('spinbutton'),
    ).toHaveValue('2');
    await cy.page.keyboard.press('Escape');

    // Ada pauses: everyone's clock stops at the same time left.
    await timerButton(ada.page).click();
    await pop.getByRole('button', { name: 'Pause the timer' }).click();
    const paused = await ada.page.getByTestId('timer-clock').textContent();
    await expect(boClock).toHaveText(paused!);
    await expect(cy.page.getByTestId('timer-clock')).toHaveText(paused!);

    // A view link: sees the timer and a round, but has no controls for either.
    await ada.page.keyboard.press('Escape');
    const adaPanel = await openVotes(ada.page);
    await adaPanel.getByRole('button', { name: 'Start a round' }).click();
    await viewer.page.goto(view);
    await expect(viewer.editor.node('Booking')).toBeVisible();
    await expect(viewer.page.getByTestId('timer-clock')).toHaveText(paused!);
    await timerButton(viewer.page).click();
    const viewerPop = viewer.page.getByRole('group', { name: 'Workshop timer' });
    await expect(viewerPop.getByRole('button')).toHaveCount(0);
    await viewer.page.keyboard.press('Escape');
    const viewerPanel = await openVotes(viewer.page);
    await expect(viewerPanel).toContainText('Only people with an edit link can vote.');
    await expect(viewerPanel.getByRole('button', { name: 'Start a round' })).toHaveCount(0);
    await expect(viewerPanel.getByRole('button', { name: 'End the round' })).toHaveCount(0);
    await expect(viewerPanel.getByRole('button', { name: /^Vote for / }).first()).toBeDisabled();
    // The whole page: the header's Votes button of a reader included.
    await expectNoA11yViolations(viewer.page, 'votes panel and header, view link');
  } finally {
    await Promise.all([ada.close(), bo.close(), cy.close(), viewer.close()]);
  }
});

test('time is up: the timer says so on screen and to a screen reader', async ({ browser }) => {
  const ada = await person(browser, { locale: 'en-US' });
  try {
    // The page's clock is faked (it runs at real speed) to run the minute out without waiting.
    await ada.page.clock.install();
    await sharedAirline(ada.editor);
    await join(ada.page, 'Ada');
    await timerButton(ada.page).click();
    const pop = ada.page.getByRole('group', { name: 'Workshop timer' });
    await pop.getByRole('spinbutton', { name: 'Minutes' }).fill('1');
    await pop.getByRole('button', { name: 'Set the time', exact: true }).click();
    await pop.getByRole('button', { name: 'Start the timer' }).click();
    await ada.page.keyboard.press('Escape');
    await ada.page.clock.runFor(61_000);
    await expect(ada.page.getByTestId('timer-clock')).toHaveText('Time is up');
    await expect(timerButton(ada.page)).toHaveAccessibleName('Workshop timer: Time is up');
    await expect(ada.page.getByTestId('timer-announce')).toHaveText('Time is up');
    await expectNoA11yViolations(ada.page, 'timer, time is up', { include: '.workshop-timer' });
  } finally {
    await ada.close();
  }
});

test('in Italian: the name prompt, the votes panel and the timer popover', async ({ browser }) => {
  const ada = await person(browser, { locale: 'en-US' });
  const bo = await person(browser, { locale: 'it-IT' });
  try {
    const { edit } = await sharedAirline(ada.editor);
    await join(ada.page, 'Ada');
    const panel = await openVotes(ada.page);
    await panel.getByRole('button', { name: 'Start a round' }).click();

    await bo.page.goto(edit);
    const prompt = bo.page.getByRole('region', { name: 'Come ti chiamano gli altri?' });
    await expect(prompt).toBeVisible();
    await expectNoA11yViolations(bo.page, 'name prompt, Italian');
    await prompt.getByRole('textbox', { name: 'Nome mostrato agli altri' }).fill('Bo');
    await prompt.getByRole('button', { name: 'Entra' }).click();
    await expect(people(ada.page).getByRole('listitem')).toHaveText(['Ada (you)', 'Bo']);

    const button = bo.page.getByRole('button', { name: /^Voti\b/ });
    await expect(button).toHaveAccessibleName('Voti, 3 rimasti');
    await button.click();
    const boPanel = bo.page.getByRole('complementary', { name: 'Votazione a punti' });
    await expect(boPanel.getByTestId('vote-round')).toHaveText(
      'Votazione aperta: Punti di contatto, 3 voti a testa',
    );
    await boPanel
      .getByRole('button', { name: 'Vota Books and pays for the flight', exact: true })
      .click();
    await expect(boPanel.getByTestId('votes-left')).toHaveText('Ti restano 2 voti');
    await expectNoA11yViolations(bo.page, 'votes panel, Italian', { include: '.votes-panel' });
    await bo.page.screenshot({ path: 'test-results/workshop-votes-it.png' });
    await bo.page.keyboard.press('Escape');

    await bo.page.getByRole('button', { name: /^Timer del workshop:/ }).click();
    await expect(bo.page.getByRole('group', { name: 'Timer del workshop' })).toBeVisible();
    await expectNoA11yViolations(bo.page, 'timer popover, Italian', { include: '.workshop-timer' });
  } finally {
    await Promise.all([ada.close(), bo.close()]);
  }
});

test('a selected touchpoint is voted on from the inspector during a touchpoints round', async ({
  browser,
}) => {
  const ada = await person(browser, { locale: 'en-US' });
  try {
    await ada.editor.createMap('Blank', 'Inspector votes');
    await ada.editor.add('stage', 'Welcome');
    await ada.editor.add('channel', 'Chat');
    await ada.editor.link('Welcome', 'Chat');
    const form = ada.page.getByRole('form', { name: 'Touchpoint details' });
    await form.getByRole('textbox', { name: 'Action', exact: true }).fill('Asks for help');
    // No round: nothing about votes in the inspector.
    await expect(form.getByRole('group', { name: /^Dot voting/ })).toHaveCount(0);

    const panel = await openVotes(ada.page);
    await panel.getByRole('spinbutton', { name: 'Votes per person' }).fill('1');
    await panel.getByRole('button', { name: 'Start a round' }).click();
    await ada.page.keyboard.press('Escape');
    await expect(votesPanel(ada.page)).toHaveCount(0);

    const vote = form.getByRole('group', { name: /^Dot voting/ });
    await expect(vote.getByTestId('tp-votes')).toHaveText('Dot voting 0 votes');
    await vote.getByRole('button', { name: 'Vote', exact: true }).click();
    await expect(vote.getByTestId('tp-votes')).toHaveText('Dot voting 1 vote (1 of mine)');
    await expect(votesButton(ada.page)).toHaveAccessibleName('Votes, 0 left');
    await vote.getByRole('button', { name: 'Vote', exact: true }).press('Enter');
    await expect(vote.getByRole('alert')).toHaveText('You have used all your votes in this round.');
    await expectNoA11yViolations(ada.page, 'inspector, voting on a touchpoint');
    await form.screenshot({ path: 'test-results/workshop-inspector-vote.png' });
    await vote.getByRole('button', { name: 'Take back a vote' }).click();
    await expect(vote.getByTestId('tp-votes')).toHaveText('Dot voting 0 votes');
    // The panel agrees.
    const again = await openVotes(ada.page);
    await expect(again.getByTestId('votes-left')).toHaveText('You have 1 vote left');
  } finally {
    await ada.close();
  }
});
