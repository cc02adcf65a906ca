/**
 * The export dialog's decks and data in a real browser: the PDF's text and the PowerPoint
 * slides' text runs hold every stage and touchpoint action of the airline map; the CSV goes
 * out and comes back (unchanged, then one edit, then a refused file that changes nothing);
 * a running export (held on its font request) can be cancelled from the keyboard, and the next
 * one works; the dialog passes axe.
 */
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { PDFParse } from 'pdf-parse';
import { expect, test, type Page } from '@playwright/test';
import { AIRLINE } from '../src/model/templates/airline';
import { expectNoA11yViolations } from './support/axe';
import { EditorPage } from './pages/EditorPage';

const stageNames = AIRLINE.nodes.filter((n) => n.kind === 'stage').map((n) => n.label);
const stageIds = new Set(AIRLINE.nodes.filter((n) => n.kind === 'stage').map((n) => n.id));
const stageActions = AIRLINE.touchpoints
  .filter((t) => (stageIds.has(t.from) || stageIds.has(t.to)) && t.action)
  .map((t) => t.action);
const words = (s: string) => s.replace(/\s+/g, ' ').trim();

async function openExport(page: Page) {
  const dialog = page.getByRole('dialog', { name: 'Export the map' });
  if (!(await dialog.isVisible())) await page.getByRole('button', { name: 'Export' }).click();
  await expect(dialog).toBeVisible();
  return dialog;
}

async function download(page: Page, item: string): Promise<{ name: string; bytes: Buffer }> {
  const dialog = await openExport(page);
  const [file] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    dialog.getByRole('menuitem', { name: item, exact: true }).click(),
  ]);
  return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
}

test('the airline map as a PDF deck and a PowerPoint deck, every stage and action as text', async ({
  page,
}) => {
  test.slow(); // two decks
  const editor = new EditorPage(page);
  await editor.createMap('Airline', 'Deck trip');
  const dialog = await openExport(page);
  await expectNoA11yViolations(page, 'the export dialog', { include: '.export-panel' });
  await dialog.getByLabel('PDF page').selectOption('a4');

  const pdf = await download(page, 'PDF deck');
  expect(pdf.name).toMatch(/^deck-trip-\d{4}-\d{2}-\d{2}\.pdf$/);
  expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
  const parser = new PDFParse({ data: new Uint8Array(pdf.bytes) });
  const parsed = await parser.getText();
  await parser.destroy();
  const text = words(parsed.text);
  for (const name of stageNames) expect(text).toContain(name);
  // The overview (page 2) is the grid drawn as vector text: stage names, lanes, actions.
  const overview = words(parsed.pages[1]!.text);
  expect(overview).toContain('Overview');
  stageNames.forEach((name, i) => expect(overview).toContain(`${i + 1}. ${name}`));
  expect(overview).toContain('Customer actions');
  for (const action of stageActions) expect(text).toContain(words(action));
  await expect(page.getByRole('status').filter({ hasText: pdf.name })).toBeVisible();

  const pptx = await download(page, 'PowerPoint');
  expect(pptx.name).toMatch(/^deck-trip-\d{4}-\d{2}-\d{2}\.pptx$/);
  const zip = await JSZip.loadAsync(pptx.bytes);
  const slides = Object.keys(zip.files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f));
  expect(slides.length).toBeGreaterThan(stageNames.length);
  let runs = '';
  for (const f of slides) {
    const xml = await zip.file(f)!.async('string');
    for (const m of xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)) runs += ` ${m[1]}`;
  }
  const decoded = words(
    runs
      .replace(/&amp;/g, '&')
      .replace(/&apos;/g, "'")
      .replace(/&quot;/g, '"'),
  );
  for (const name of stageNames) expect(decoded).toContain(name);
  for (const action of stageActions) expect(decoded).toContain(words(action));
  expect(Object.keys(zip.files).some((f) => f.startsWith('ppt/notesSlides/'))).toBe(true);
});

test.describe('cancelling', () => {
  // The deck's font request is held by the test; the service worker would answer it unseen.
  test.use({ serviceWorkers: 'block' });

  test('a running deck export can be cancelled from the keyboard: nothing is downloaded, the next one works', async ({
    page,
  }) => {
    const editor = new EditorPage(page);
    await editor.createMap('Airline', 'Cancelled deck');
    // The export waits for the embedded font until the test lets it through: the deck is
    // running for as long as the test needs, on any machine (a slowed CPU raced the click).
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let held = 0;
    await page.route('**/Inter_700Bold-*.ttf', async (route) => {
      held += 1;
      await released;
      await route.continue().catch(() => undefined); // the cancelled fetch is gone
    });
    let downloads = 0;
    page.on('download', () => (downloads += 1));
    const dialog = await openExport(page);
    await dialog.getByRole('menuitem', { name: 'PowerPoint', exact: true }).click();
    await expect(page.getByRole('progressbar', { name: 'Exporting…' })).toBeVisible();
    const cancel = page.getByRole('button', { name: 'Cancel', exact: true });
    await cancel.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: 'Export cancelled.' })).toBeVisible();
    await expect(page.getByRole('progressbar', { name: 'Exporting…' })).toHaveCount(0);
    expect(held).toBe(1);
    release();
    await page.waitForTimeout(1_000); // what a cancelled job that went on would take to finish
    expect(downloads).toBe(0);

    // Cancelling leaves nothing stuck: the next export asks for the font again and downloads.
    await page.unroute('**/Inter_700Bold-*.ttf');
    const file = await download(page, 'PowerPoint');
    expect(file.name).toMatch(/^cancelled-deck-\d{4}-\d{2}-\d{2}\.pptx$/);
    expect(downloads).toBe(1);
  });
});

test('CSV out and back: unchanged, one edit, a refused file', async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.createMap('Airline', 'CSV trip');
  const csvFile = await download(page, 'CSV');
  expect(csvFile.name).toMatch(/^csv-trip-touchpoints-\d{4}-\d{2}-\d{2}\.csv$/);
  expect([...csvFile.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const csv = csvFile.bytes.toString('utf8');
  expect(csv).toContain('"tp-booking-web","stage-booking","ch-web","Booking","Website"');

  await openExport(page);
  const input = page.getByLabel('Import touchpoints from a CSV file');
  const file = (name: string, text: string) => ({
    name,
    mimeType: 'text/csv',
    buffer: Buffer.from(text, 'utf8'),
  });
  await input.setInputFiles(file('same.csv', csv));
  await expect(page.getByRole('status').filter({ hasText: 'same.csv' })).toHaveText(
    'Imported same.csv: nothing to change, the map already matches the file.',
  );
  const edited = csv.replace('"Books and pays for the flight"', '"Books and pays on the new site"');
  expect(edited).not.toBe(csv);
  await input.setInputFiles(file('edited.csv', edited));
  await expect(page.getByRole('status').filter({ hasText: 'edited.csv' })).toContainText(
    'Imported edited.csv: 1 touchpoint updated, 0 created',
  );
  const bad = edited.replace(/"tp-booking-web",(("[^"]*",){6})"[^"]*"/, '"tp-booking-web",$1"9"');
  await input.setInputFiles(file('bad.csv', bad));
  const alert = page.getByRole('alert').filter({ hasText: 'bad.csv' });
  await expect(alert).toContainText('bad.csv was not imported, the map is unchanged:');
  await expect(alert).toContainText(/row \d+, column Emotion \(-2 to 2\): "9" is not an emotion/);
  await expectNoA11yViolations(page, 'the export dialog with a refused CSV import', {
    include: '.export-panel',
  });
  // The accepted edit is in the map; the refused file changed nothing.
  await page.getByRole('button', { name: 'Grid', exact: true }).click();
  await expect(
    page
      .getByRole('grid', { name: 'Journey grid' })
      .getByText('Books and pays on the new site', {
        exact: true,
      })
      .first(),
  ).toBeVisible();
});
