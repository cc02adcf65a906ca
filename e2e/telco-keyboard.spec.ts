/**
 * User story (issue 18, "Done means"): a consultant builds a four-stage Italian telco journey
 * (four channels, six touchpoints with action, emotion and a pain point each) in a workshop,
 * with the keyboard as far as the UI allows. Every key press, typed character and click is
 * counted and reported (console and the test's annotations); the map is then checked through
 * its JSON export. BASELINE: the same journey with the toolbar buttons, link drags and Tab.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';

/** Counts what a person does: each key press and typed character, each click or drag. */
class Hands {
  keys = 0;
  typed = 0;
  clicks = 0;
  constructor(readonly page: Page) {}
  async type(text: string): Promise<void> {
    this.typed += [...text].length;
    await this.page.keyboard.type(text);
  }
  async press(key: string, times = 1): Promise<void> {
    for (let i = 0; i < times; i++) {
      this.keys += 1;
      await this.page.keyboard.press(key);
    }
  }
  async click(target: Locator): Promise<void> {
    this.clicks += 1;
    await target.click();
  }
  /** One drag with the mouse, from a node's bottom handle onto another node. */
  async drag(from: Locator, to: Locator): Promise<void> {
    this.clicks += 1;
    await from.hover();
    const hb = (await from.locator('.react-flow__handle-bottom').boundingBox())!;
    const tb = (await to.boundingBox())!;
    await this.page.mouse.move(hb.x + hb.width / 2, hb.y + hb.height / 2);
    await this.page.mouse.down();
    await this.page.mouse.move(tb.x + tb.width / 2, tb.y + tb.height / 2, { steps: 12 });
    await this.page.mouse.up();
  }
  get keystrokes(): number {
    return this.keys + this.typed;
  }
  report(label: string): string {
    return `${label}: ${this.keystrokes} keystrokes (${this.typed} typed characters + ${this.keys} other keys), ${this.clicks} clicks`;
  }
}

const STAGES = ['Scoperta', 'Attivazione', 'Uso', 'Assistenza'] as const;
const CHANNELS = ['Sito web', 'App', 'Negozio', 'Call center'] as const;
/** Each channel's type: the first letter picks it in the Channel type list (Web is the default). */
const CHANNEL_TYPE = { 'Sito web': null, App: 'a', Negozio: 'n', 'Call center': 't' } as const;
const CHANNEL_TYPE_VALUE = {
  'Sito web': 'web',
  App: 'app',
  Negozio: 'store',
  'Call center': 'phone',
};
type Stage = (typeof STAGES)[number];
type Channel = (typeof CHANNELS)[number];
const JOURNEY: readonly {
  stage: Stage;
  channel: Channel;
  action: string;
  emotion: -2 | -1 | 0 | 1 | 2;
  pain: string;
}[] = [
  {
    stage: 'Scoperta',
    channel: 'Sito web',
    action: 'Confronta le offerte fibra',
    emotion: 1,
    pain: 'Costi nascosti poco chiari',
  },
  {
    stage: 'Scoperta',
    channel: 'Negozio',
    action: 'Chiede consiglio al commesso',
    emotion: 0,
    pain: 'Attesa lunga in negozio',
  },
  {
    stage: 'Attivazione',
    channel: 'Negozio',
    action: 'Firma il contratto',
    emotion: -1,
    pain: 'Troppi documenti da firmare',
  },
  {
    stage: 'Attivazione',
    channel: 'App',
    action: "Segue l'attivazione della SIM",
    emotion: 1,
    pain: 'Notifiche in ritardo',
  },
  {
    stage: 'Uso',
    channel: 'App',
    action: 'Controlla i consumi',
    emotion: 2,
    pain: 'Grafici poco leggibili',
  },
  {
    stage: 'Assistenza',
    channel: 'Call center',
    action: 'Segnala un guasto alla linea',
    emotion: -2,
    pain: 'Venti minuti di attesa',
  },
];

const node = (page: Page, label: string) =>
  page
    .locator('.react-flow__node')
    .filter({ has: page.locator('.jn-label', { hasText: new RegExp(`^${label}$`) }) });

/** The map as its JSON export says it is. */
async function exportedMap(page: Page) {
  await page.getByRole('button', { name: 'Esporta', exact: true }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'JSON', exact: true }).click();
  const path = await (await download).path();
  const { readFileSync } = await import('node:fs');
  await page.keyboard.press('Escape');
  return JSON.parse(readFileSync(path, 'utf8'));
}

test('BASELINE the telco journey with toolbar, drags and Tab', async ({ page }) => {
  await page.goto('/?lang=it');
  const hands = new Hands(page);
  await hands.click(page.getByRole('button', { name: 'Nuova mappa' }));
  await hands.press('Control+a');
  await hands.type('Telco: attivazione fibra');
  await hands.press('Enter');
  await expect(page.getByRole('textbox', { name: 'Titolo della mappa' })).toHaveValue(
    'Telco: attivazione fibra',
  );
  const label = page.getByRole('textbox', { name: 'Etichetta', exact: true });
  for (const s of STAGES) {
    await hands.click(page.getByRole('button', { name: 'Aggiungi fase', exact: true }));
    await expect(label).toBeFocused();
    await hands.type(s);
  }
  for (const c of CHANNELS) {
    await hands.click(page.getByRole('button', { name: 'Aggiungi canale', exact: true }));
    await expect(label).toBeFocused();
    await hands.type(c);
    const key = CHANNEL_TYPE[c];
    if (key) {
      await hands.press('Tab');
      await hands.type(key);
    }
  }
  await hands.click(page.getByRole('button', { name: 'Adatta alla vista', exact: true }));
  const action = page.getByRole('textbox', { name: 'Azione', exact: true });
  for (const tp of JOURNEY) {
    await expect(node(page, tp.channel)).toBeInViewport();
    await hands.drag(node(page, tp.stage), node(page, tp.channel));
    await expect(action).toBeFocused();
    await hands.type(tp.action);
    await hands.press('Tab');
    const i = tp.emotion + 2;
    if (i === 0) await hands.press('Space');
    else await hands.press('ArrowRight', i);
    await hands.press('Tab', 2);
    await expect(page.getByRole('textbox', { name: 'Punti critici' })).toBeFocused();
    await hands.type(tp.pain);
  }
  console.log(hands.report('baseline'));
  test.info().annotations.push({ type: 'baseline', description: hands.report('baseline') });
  const map = await exportedMap(page);
  console.log(JSON.stringify(map).slice(0, 3000));
});
