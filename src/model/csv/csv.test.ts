import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNode, addTouchpoint, updateTouchpoint } from '../commands';
import { createHistory } from '../history';
import { MAX_LABEL_CHARS, MAX_LIST_ITEMS, MAX_TEXT_CHARS } from '../limits';
import { readSnapshot } from '../read';
import { seedTemplate } from '../templates';
import { seededRandom } from '../testing/random';
import type { MapSnapshot, StageNode } from '../types';
import { decimalMarkOf, formatNumber, neutralise, parseNumber, unneutralise } from './cells';
import { columnLetter, CSV_HEADERS, type CsvColumn, type CsvLocale } from './columns';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeCsvBytes } from './decode';
import { CSV_ERROR_CODES, csvErrorTemplate, formatIssue } from './errors';
import { importTouchpointsCsv, touchpointsCsv, type CsvImportResult } from '.';

const DAY = new Date('2026-11-24T10:00:00Z');

function airline(locale: CsvLocale = 'en'): Y.Doc {
  const doc = new Y.Doc();
  seedTemplate(doc, 'airline', 'Airline journey', DAY, locale);
  return doc;
}

/** What a person sees of a map: every node, touchpoint and the strategy. */
const content = (s: MapSnapshot) => ({
  nodes: s.nodes,
  touchpoints: s.touchpoints,
  strategy: s.strategy,
  grid: s.grid.items,
});

/** Counts the doc updates `fn` causes. */
function updatesDuring(doc: Y.Doc, fn: () => void): number {
  let n = 0;
  const on = () => n++;
  doc.on('update', on);
  fn();
  doc.off('update', on);
  return n;
}

/** The rows of a CSV file (BOM dropped), for tests to edit. */
function rowsOf(csv: string, delimiter: string): string[][] {
  return Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { delimiter, skipEmptyLines: true }).data;
}
function csvOf(rows: string[][], delimiter: string): string {
  return `\uFEFF${Papa.unparse(rows, { delimiter, quotes: true, newline: '\r\n' })}\r\n`;
}
/** The export of `doc` in `locale` with `fn` applied to its rows. */
function edited(doc: Y.Doc, locale: CsvLocale, fn: (rows: string[][], col: Col) => void): string {
  const delimiter = locale === 'it' ? ';' : ',';
  const rows = rowsOf(touchpointsCsv(readSnapshot(doc), locale), delimiter);
  fn(rows, (c) => rows[0]!.indexOf(CSV_HEADERS[locale][c]));
  return csvOf(rows, delimiter);
}
type Col = (c: CsvColumn) => number;
const rowOf = (rows: string[][], id: string) => rows.findIndex((r) => r[0] === id);

function ok(result: CsvImportResult) {
  if (!result.ok) throw new Error(result.errors.map(formatIssue).join('\n'));
  return result;
}
function refused(result: CsvImportResult): string[] {
  if (result.ok) throw new Error('the import was accepted');
  return result.errors.map(formatIssue);
}

describe('touchpointsCsv', () => {
  it('writes a BOM, the language headers, its separator, CRLF and every cell quoted', () => {
    const en = touchpointsCsv(readSnapshot(airline()), 'en');
    expect(en.startsWith('\uFEFF"ID","From ID","To ID","Stage","Channel","Device","Action"')).toBe(
      true,
    );
    expect(en.endsWith('\r\n')).toBe(true);
    expect(en).toContain('"tp-booking-web","stage-booking","ch-web","Booking","Website",""');
    const it = touchpointsCsv(readSnapshot(airline('it')), 'it');
    expect(it.startsWith('\uFEFF"ID";"ID origine";"ID destinazione";"Fase";"Canale"')).toBe(true);
    expect(it).toContain('"Opportunità"');
    // One row per touchpoint; rows are split by CRLF, line breaks inside cells stay LF.
    const rows = rowsOf(en, ',');
    expect(rows).toHaveLength(readSnapshot(airline()).touchpoints.length + 1);
    expect(rows.every((r) => r.length === 13)).toBe(true);
    expect(en.replace(/"[^"]*"/g, '').replace(/[,\r\n\uFEFF]/g, '')).toBe('');
  });

  it('orders rows by stage, then channel and device, and keeps pain points one per line', () => {
    const rows = rowsOf(touchpointsCsv(readSnapshot(airline()), 'en'), ',');
    const stages = rows.slice(1).map((r) => r[3]);
    const firstOf = (s: string) => stages.indexOf(s);
    expect(firstOf('Inspiration')).toBe(0);
    expect(firstOf('Search')).toBeGreaterThan(firstOf('Inspiration'));
    expect(firstOf('After the flight')).toBeGreaterThan(firstOf('Flight'));
    expect(stages.at(-1)).toBe(''); // channel → device touchpoints come last
    const search = rows.find((r) => r[0] === 'tp-search-web')!;
    expect(search[8]!.split('\n').length).toBeGreaterThan(1);
  });

  it('writes KPIs by name, numbers as numbers and the Italian decimal comma', () => {
    const doc = airline();
    updateTouchpoint(doc, 'tp-booking-web', {
      kpiIds: ['kpi-abandonment', 'kpi-gone'],
      volume: 1234.5,
      emotion: -1,
    });
    const en = rowsOf(touchpointsCsv(readSnapshot(doc), 'en'), ',');
    const row = en.find((r) => r[0] === 'tp-booking-web')!;
    expect(row[12]).toBe('Abandonment rate\nkpi-gone');
    expect(row[11]).toBe('1234.5');
    expect(row[7]).toBe('-1'); // a number, not neutralised
    const it = rowsOf(touchpointsCsv(readSnapshot(doc), 'it'), ';');
    expect(it.find((r) => r[0] === 'tp-booking-web')![11]).toBe('1234,5');
    expect(touchpointsCsv(readSnapshot(doc), 'it', { delimiter: ',' })).toContain('"1234.5"');
  });

  it('neutralises formulas in texts, in a way the import undoes', () => {
    const doc = airline();
    const texts = ['=HYPERLINK("http://x","y")', '+1 call', '-2 stars', '@SUM(A1)', "'=kept"];
    updateTouchpoint(doc, 'tp-booking-web', {
      action: texts[0],
      painPoints: texts.slice(1),
      owner: '\tTabbed',
    });
    const csv = touchpointsCsv(readSnapshot(doc), 'en');
    const row = rowsOf(csv, ',').find((r) => r[0] === 'tp-booking-web')!;
    expect(row[6]).toBe(`'${texts[0]}`);
    expect(row[8]).toBe(`'+1 call\n-2 stars\n@SUM(A1)\n'=kept`); // the cell's start is what counts
    expect(row[10]).toBe("'\tTabbed");
    const before = content(readSnapshot(doc));
    expect(updatesDuring(doc, () => ok(importTouchpointsCsv(doc, csv)))).toBe(0);
    expect(content(readSnapshot(doc))).toEqual(before);
    for (const t of [...texts, "''=two", "'plain", '-1'])
      expect(unneutralise(neutralise(t))).toBe(t);
  });
});

describe('importTouchpointsCsv: the round trip', () => {
  for (const locale of ['en', 'it'] as const) {
    it(`export → import leaves the airline map identical, with no doc update (${locale})`, () => {
      const doc = airline(locale);
      const before = content(readSnapshot(doc));
      const state = Y.encodeStateAsUpdate(doc);
      const csv = touchpointsCsv(readSnapshot(doc), locale);
      let result!: CsvImportResult;
      expect(updatesDuring(doc, () => (result = importTouchpointsCsv(doc, csv)))).toBe(0);
      expect(ok(result)).toMatchObject({
        updated: 0,
        created: 0,
        unchanged: before.touchpoints.length,
        createdNodes: { stage: 0, channel: 0, device: 0 },
        ignoredColumns: [],
        delimiter: locale === 'it' ? ';' : ',',
      });
      expect(content(readSnapshot(doc))).toEqual(before);
      expect(Y.encodeStateAsUpdate(doc)).toEqual(state);
      expect(touchpointsCsv(readSnapshot(doc), locale)).toBe(csv);
    });
  }

  it('reads either language into either map, and a file Excel re-saved (unquoted, LF, sep=)', () => {
    const doc = airline();
    const en = touchpointsCsv(readSnapshot(doc), 'en');
    // The English map's export with Italian headers and separator is the same data.
    const it = touchpointsCsv(readSnapshot(doc), 'it');
    const resaved = `sep=;\n${Papa.unparse(rowsOf(it, ';'), { delimiter: ';', newline: '\n' })}`;
    const tabbed = Papa.unparse(rowsOf(en, ','), { delimiter: '\t' });
    for (const file of [en, it, resaved, tabbed, en.replace(/^\uFEFF/, '')]) {
      expect(
        updatesDuring(doc, () => expect(ok(importTouchpointsCsv(doc, file)).updated).toBe(0)),
      ).toBe(0);
    }
  });

  it('keeps odd values a spreadsheet cannot show: empty lines, dangling KPI ids, spaces', () => {
    const doc = airline();
    updateTouchpoint(doc, 'tp-booking-web', {
      painPoints: ['', 'two  ', ''],
      kpiIds: ['kpi-nowhere'],
      action: '  padded ',
      volume: 0.0000001,
    });
    const before = content(readSnapshot(doc));
    for (const locale of ['en', 'it'] as const) {
      const csv = touchpointsCsv(readSnapshot(doc), locale);
      expect(updatesDuring(doc, () => ok(importTouchpointsCsv(doc, csv)))).toBe(0);
    }
    expect(content(readSnapshot(doc))).toEqual(before);
  });

  it('is tolerant of column order, missing columns and header spelling', () => {
    const doc = airline();
    const rows = rowsOf(touchpointsCsv(readSnapshot(doc), 'it'), ';');
    // Keep ID, Azione and Emozione only, in another order, headers in other cases/accents.
    const keep = [7, 0, 6];
    const shuffled = rows.map((r) => keep.map((i) => r[i]!));
    shuffled[0] = ['EMOZIONE', ' id ', 'azione'];
    const csv = Papa.unparse(shuffled, { delimiter: ';' });
    expect(updatesDuring(doc, () => ok(importTouchpointsCsv(doc, csv)))).toBe(0);
    shuffled[1]![2] = 'Changed';
    const r = ok(importTouchpointsCsv(doc, Papa.unparse(shuffled, { delimiter: ';' })));
    expect(r).toMatchObject({ updated: 1, created: 0 });
  });
});

describe('importTouchpointsCsv: edits', () => {
  it('an edited cell changes exactly that field, in one LOCAL undo step', () => {
    const doc = airline();
    const history = createHistory(doc);
    const before = readSnapshot(doc);
    const csv = edited(doc, 'en', (rows, col) => {
      rows[rowOf(rows, 'tp-booking-web')]![col('action')] = 'Books a flight on the new site';
    });
    expect(ok(importTouchpointsCsv(doc, csv))).toMatchObject({ updated: 1, created: 0 });
    const after = readSnapshot(doc);
    expect(after.touchpointById.get('tp-booking-web')).toEqual({
      ...before.touchpointById.get('tp-booking-web'),
      action: 'Books a flight on the new site',
    });
    expect(after.touchpoints.filter((t) => t.id !== 'tp-booking-web')).toEqual(
      before.touchpoints.filter((t) => t.id !== 'tp-booking-web'),
    );
    expect(after.nodes).toEqual(before.nodes);
    expect(history.canUndo()).toBe(true);
    history.undo();
    expect(content(readSnapshot(doc))).toEqual(content(before));
    expect(history.canUndo()).toBe(false);
  });

  it('reads an Italian edit: negative emotion, quoted line breaks, decimal comma, KPIs by name', () => {
    const doc = airline('it');
    const csv = edited(doc, 'it', (rows, col) => {
      const r = rows[rowOf(rows, 'tp-checkin-app')]!;
      r[col('emotion')] = '-2';
      r[col('painPoints')] = 'Prima riga\r\n  Seconda riga "citata"  \r\n\r\n';
      r[col('volume')] = '1.234,5';
      r[col('kpis')] = 'Tasso di abbandono\nkpi-first-contact';
      r[col('owner')] = '';
    });
    const kpiName = readSnapshot(doc).strategy.kpis.find((k) => k.id === 'kpi-abandonment')!.name;
    expect(kpiName).toBe('Tasso di abbandono');
    expect(ok(importTouchpointsCsv(doc, csv)).updated).toBe(1);
    const tp = readSnapshot(doc).touchpointById.get('tp-checkin-app')!;
    expect(tp).toMatchObject({
      emotion: -2,
      painPoints: ['Prima riga', 'Seconda riga "citata"'],
      volume: 1234.5,
      kpiIds: ['kpi-abandonment', 'kpi-first-contact'],
    });
    expect(tp.owner).toBeUndefined();
  });

  it('moves a touchpoint to the channel or stage its label cell now names', () => {
    const doc = airline();
    const csv = edited(doc, 'en', (rows, col) => {
      rows[rowOf(rows, 'tp-booking-web')]![col('channel')] = 'Mobile app';
      rows[rowOf(rows, 'tp-web-pc')]![col('channel')] = 'web chat'; // case ignored
    });
    expect(ok(importTouchpointsCsv(doc, csv))).toMatchObject({
      updated: 2,
      createdNodes: { channel: 0 },
    });
    const s = readSnapshot(doc);
    expect(s.touchpointById.get('tp-booking-web')).toMatchObject({
      from: 'stage-booking',
      to: 'ch-app',
    });
    expect(s.touchpointById.get('tp-web-pc')).toMatchObject({ from: 'ch-chat', to: 'dev-pc' });
  });

  it('keeps a touchpoint that runs the other way running that way when relinked', () => {
    const doc = airline();
    const id = addTouchpoint(doc, { from: 'ch-web', to: 'stage-flight', action: 'Reverse' })!;
    const csv = edited(doc, 'en', (rows, col) => {
      rows[rowOf(rows, id)]![col('stage')] = 'Airport';
    });
    ok(importTouchpointsCsv(doc, csv));
    expect(readSnapshot(doc).touchpointById.get(id)).toMatchObject({
      from: 'ch-web',
      to: 'stage-airport',
    });
  });
});

describe('importTouchpointsCsv: new rows', () => {
  it('creates touchpoints between the nodes their labels name, with the row id when given', () => {
    const doc = airline();
    const csv = edited(doc, 'en', (rows, col) => {
      const blank = () => rows[0]!.map(() => '');
      const a = blank();
      a[col('stage')] = 'Booking';
      a[col('channel')] = 'Call centre';
      a[col('action')] = 'Calls to change the date';
      a[col('emotion')] = '-1';
      a[col('painPoints')] = 'Long wait\nTransfers';
      const b = blank();
      b[col('id')] = 'tp-imported-1';
      b[col('channel')] = 'E-mail';
      b[col('device')] = 'Tablet';
      b[col('volume')] = '1,500'; // thousands separator in an English file
      rows.push(a, b);
    });
    expect(ok(importTouchpointsCsv(doc, csv))).toMatchObject({ created: 2, updated: 0 });
    const s = readSnapshot(doc);
    const made = s.touchpoints.find((t) => t.action === 'Calls to change the date')!;
    expect(made).toMatchObject({
      from: 'stage-booking',
      to: 'ch-phone',
      emotion: -1,
      painPoints: ['Long wait', 'Transfers'],
      opportunities: [],
      kpiIds: [],
    });
    expect(made.id).toMatch(/^tp-/);
    expect(s.touchpointById.get('tp-imported-1')).toMatchObject({
      from: 'ch-email',
      to: 'dev-tablet',
      action: '',
      volume: 1500,
    });
  });

  it('creates the stages, channels and devices it does not find, once per label, placed in their lanes', () => {
    const doc = airline();
    const before = readSnapshot(doc);
    const csv = edited(doc, 'en', (rows, col) => {
      for (const [stage, channel, device] of [
        ['Loyalty', 'WhatsApp', ''],
        ['loyalty', 'Kiosk app', ''],
        ['', 'WhatsApp', 'Smartwatch'],
        ['', 'Telefono', 'TV'],
      ]) {
        const r = rows[0]!.map(() => '');
        Object.assign(r, {
          [col('stage')]: stage,
          [col('channel')]: channel,
          [col('device')]: device,
        });
        rows.push(r);
      }
    });
    const r = ok(importTouchpointsCsv(doc, csv));
    expect(r).toMatchObject({ created: 4, createdNodes: { stage: 1, channel: 3, device: 2 } });
    const s = readSnapshot(doc);
    const added = s.nodes.filter((n) => !before.nodeById.has(n.id));
    expect(added.map((n) => [n.kind, n.label]).sort()).toEqual(
      [
        ['channel', 'Kiosk app'],
        ['channel', 'Telefono'],
        ['channel', 'WhatsApp'],
        ['device', 'Smartwatch'],
        ['device', 'TV'],
        ['stage', 'Loyalty'],
      ].sort(),
    );
    const loyalty = added.find((n) => n.kind === 'stage') as StageNode;
    expect(loyalty.order).toBe(8);
    expect(added.find((n) => n.label === 'Telefono')).toMatchObject({ channelType: 'phone' });
    expect(added.find((n) => n.label === 'TV')).toMatchObject({ deviceType: 'tv' });
    expect(added.find((n) => n.label === 'WhatsApp')).toMatchObject({ channelType: 'messaging' });
    expect(added.find((n) => n.label === 'Kiosk app')).toMatchObject({ channelType: 'other' });
    // New nodes sit in their kind's lane, on no other node.
    const stageY = before.nodes.find((n) => n.kind === 'stage')!.y;
    expect(loyalty.y).toBe(stageY);
    for (const n of added)
      for (const m of s.nodes)
        if (m.id !== n.id) expect(Math.abs(m.x - n.x) + Math.abs(m.y - n.y)).toBeGreaterThan(0);
  });

  it('keeps the ends of a row whose end cells were all emptied', () => {
    const doc = airline();
    const csv = edited(doc, 'en', (rows, col) => {
      const r = rows[rowOf(rows, 'tp-booking-web')]!;
      for (const c of ['fromId', 'toId', 'stage', 'channel', 'device'] as const) r[col(c)] = '';
      r[col('action')] = 'Books';
    });
    expect(ok(importTouchpointsCsv(doc, csv)).updated).toBe(1);
    expect(readSnapshot(doc).touchpointById.get('tp-booking-web')).toMatchObject({
      from: 'stage-booking',
      to: 'ch-web',
      action: 'Books',
    });
  });

  it('replaces a hidden touchpoint (an end deleted by a peer) named by a new row', () => {
    const doc = airline();
    doc.transact(() => {
      const record = new Y.Map<unknown>();
      record.set('from', 'stage-gone');
      record.set('to', 'ch-web');
      doc.getMap<Y.Map<unknown>>('touchpoints').set('tp-hidden', record);
    });
    expect(readSnapshot(doc).touchpointById.has('tp-hidden')).toBe(false);
    const csv = edited(doc, 'en', (rows, col) => {
      const r = rows[0]!.map(() => '');
      Object.assign(r, {
        [col('id')]: 'tp-hidden',
        [col('stage')]: 'Flight',
        [col('channel')]: 'Website',
      });
      rows.push(r);
    });
    expect(ok(importTouchpointsCsv(doc, csv)).created).toBe(1);
    expect(readSnapshot(doc).touchpointById.get('tp-hidden')).toMatchObject({
      from: 'stage-flight',
      to: 'ch-web',
    });
  });

  it('never deletes: rows left out of the file leave their touchpoints alone', () => {
    const doc = airline();
    const before = content(readSnapshot(doc));
    const csv = edited(doc, 'en', (rows) => rows.splice(2));
    expect(ok(importTouchpointsCsv(doc, csv))).toMatchObject({ unchanged: 1, updated: 0 });
    expect(content(readSnapshot(doc))).toEqual(before);
  });
});

describe('importTouchpointsCsv: refused files change nothing', () => {
  /** Imports `csv`, checks the doc did not change, returns the messages. */
  function refuse(doc: Y.Doc, csv: string): string[] {
    const state = Y.encodeStateAsUpdate(doc);
    let messages!: string[];
    expect(updatesDuring(doc, () => (messages = refused(importTouchpointsCsv(doc, csv))))).toBe(0);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(state);
    return messages;
  }

  it('says row N, column X: message for every bad cell, N counting the header row', () => {
    const doc = airline();
    let n = 0;
    const csv = edited(doc, 'en', (rows, col) => {
      n = rowOf(rows, 'tp-booking-web') + 1;
      const r = rows[n - 1]!;
      r[col('emotion')] = '3';
      r[col('volume')] = 'lots';
      r[col('kpis')] = 'Happiness';
      r[col('action')] = 'x'.repeat(MAX_TEXT_CHARS + 1);
      r[col('owner')] = 'o'.repeat(MAX_LABEL_CHARS + 1);
      r[col('opportunities')] = Array.from({ length: MAX_LIST_ITEMS + 1 }, (_, i) => `o${i}`).join(
        '\n',
      );
      r[col('painPoints')] = `fine\n${'p'.repeat(MAX_TEXT_CHARS + 1)}`;
      const s = rows[n]!;
      s[col('id')] = 'not an id!';
      s[col('volume')] = '-5';
      s[col('emotion')] = '1.5';
      rows[n + 1]![col('id')] = 'tp-booking-web';
    });
    expect(refuse(doc, csv)).toEqual([
      `row ${n}, column Action: longer than ${MAX_TEXT_CHARS} characters`,
      `row ${n}, column Emotion (-2 to 2): "3" is not an emotion: a whole number from -2 to 2, or empty`,
      `row ${n}, column Pain points: line 2 is longer than ${MAX_TEXT_CHARS} characters`,
      `row ${n}, column Opportunities: more than ${MAX_LIST_ITEMS} lines`,
      `row ${n}, column Owner: longer than ${MAX_LABEL_CHARS} characters`,
      `row ${n}, column Volume per month: "lots" is not a number`,
      `row ${n}, column KPIs: the strategy has no KPI named "Happiness"`,
      `row ${n + 1}, column ID: "not an id!" is not a usable id (letters, digits and _ . : - only, at most 100 characters)`,
      `row ${n + 1}, column Emotion (-2 to 2): "1.5" is not an emotion: a whole number from -2 to 2, or empty`,
      `row ${n + 1}, column Volume per month: "-5" is not between 0 and 1000000000000`,
      `row ${n + 2}, column ID: touchpoint tp-booking-web is also in row ${n}`,
    ]);
  });

  it('refuses ends it cannot read, in the file language', () => {
    const doc = airline('it');
    addNode(doc, { kind: 'stage', label: 'Ricerca', x: 0, y: 0 }); // a second "Ricerca"
    const csv = edited(doc, 'it', (rows, col) => {
      const blank = () => rows[0]!.map(() => '');
      const a = blank();
      a[col('action')] = 'Nessun estremo';
      const b = blank();
      Object.assign(b, {
        [col('stage')]: 'Imbarco',
        [col('channel')]: 'App mobile',
        [col('device')]: 'PC',
      });
      const c = blank();
      Object.assign(c, { [col('fromId')]: 'stage-search', [col('toId')]: 'ch-nowhere' });
      const d = blank();
      Object.assign(d, { [col('stage')]: 'Ricerca', [col('channel')]: 'App mobile' });
      const e = blank();
      Object.assign(e, { [col('fromId')]: 'ch-web', [col('toId')]: 'ch-web' });
      const f = blank();
      Object.assign(f, {
        [col('stage')]: 'F'.repeat(MAX_LABEL_CHARS + 1),
        [col('channel')]: 'App mobile',
      });
      rows.push(a, b, c, d, e, f);
    });
    const n = readSnapshot(doc).touchpoints.length + 2;
    expect(refuse(doc, csv)).toEqual([
      `row ${n}, column Fase: fill two of stage, channel and device, or the from and to ids`,
      `row ${n + 1}, column Fase: fill two of stage, channel and device, or the from and to ids`,
      `row ${n + 2}, column ID destinazione: the map has no node with id "ch-nowhere"`,
      `row ${n + 3}, column Fase: several nodes of this kind are named "Ricerca": rename them in the map first`,
      `row ${n + 4}, column ID destinazione: a touchpoint joins two different nodes`,
      `row ${n + 5}, column Fase: longer than ${MAX_LABEL_CHARS} characters`,
    ]);
  });

  it('refuses files it cannot read as a table', () => {
    const doc = airline();
    expect(refuse(doc, '')).toEqual(['row 1, column A: the file is empty']);
    expect(refuse(doc, '\uFEFF\r\n \r\n')).toEqual(['row 1, column A: the file is empty']);
    expect(refuse(doc, 'Name,Colour\nx,y')).toEqual([
      'row 1, column A: no known column: the first row must name the columns (ID, Stage, Channel, Action…)',
    ]);
    expect(refuse(doc, 'ID,Action,Azione\ntp-booking-web,a,b')).toEqual([
      'row 1, column Azione: this column appears twice',
    ]);
    expect(refuse(doc, 'ID,Action\n\ntp-booking-web,"never closed\n')).toEqual([
      'row 3, column Action: a quoted cell is not closed',
    ]);
    expect(refuse(doc, 'ID,Action\ntp-booking-web,a,,extra')).toEqual([
      'row 2, column D: this cell has no column name in row 1',
    ]);
  });

  it('never throws on garbage cells, and changes nothing when it refuses them', () => {
    const rnd = seededRandom(16);
    const pieces = [
      '',
      ' ',
      '-1',
      '=1+1',
      "'",
      '"',
      ';',
      ',',
      '\n',
      '\r\n',
      'é',
      '😀',
      '1e999',
      'NaN',
      'tp-booking-web',
      'stage-booking',
      'ch-web',
      'Booking',
      'Website',
      '__proto__',
      'constructor',
      '\u0000',
    ];
    const cellOf = () =>
      Array.from({ length: rnd.int(0, 4) }, () => pieces[rnd.int(0, pieces.length - 1)]).join('');
    for (let round = 0; round < 40; round++) {
      const doc = airline();
      const before = content(readSnapshot(doc));
      const csv = edited(doc, round % 2 ? 'it' : 'en', (rows) => {
        for (let i = 0; i < 20; i++) {
          const r = rows[rnd.int(0, rows.length - 1)]!;
          r[rnd.int(0, r.length)] = cellOf();
        }
      });
      let result!: CsvImportResult;
      expect(() => (result = importTouchpointsCsv(doc, csv))).not.toThrow();
      if (!result.ok) {
        expect(content(readSnapshot(doc))).toEqual(before);
        for (const e of result.errors) expect(formatIssue(e)).toMatch(/^row \d+, column .+: .+/);
      }
    }
  });
});

describe('importTouchpointsCsv: a big file', () => {
  it('reads 10,000 rows and gives them back unchanged (no timing asserted)', () => {
    const doc = airline();
    const header = Object.values(CSV_HEADERS.en);
    const rows = [header];
    const stages = ['Inspiration', 'Search', 'Booking', 'Check-in', 'Airport', 'Flight'];
    const channels = ['Website', 'Mobile app', 'Call centre', 'E-mail', 'Web chat'];
    for (let i = 0; i < 10_000; i++) {
      const r = header.map(() => '');
      r[3] = stages[i % stages.length]!;
      r[4] = channels[i % channels.length]!;
      r[6] = `Action ${i}`;
      r[7] = String((i % 5) - 2);
      r[8] = `Pain ${i}\nAnother pain`;
      r[11] = String(i * 10);
      r[12] = 'Abandonment rate';
      rows.push(r);
    }
    let t = performance.now();
    expect(ok(importTouchpointsCsv(doc, csvOf(rows, ','))).created).toBe(10_000);
    const importMs = performance.now() - t;
    t = performance.now();
    const csv = touchpointsCsv(readSnapshot(doc), 'it');
    const exportMs = performance.now() - t;
    t = performance.now();
    expect(updatesDuring(doc, () => ok(importTouchpointsCsv(doc, csv)))).toBe(0);
    const reimportMs = performance.now() - t;
    console.info(
      `CSV 10,000 rows: import ${importMs.toFixed(0)} ms, export ${exportMs.toFixed(0)} ms, ` +
        `unchanged re-import ${reimportMs.toFixed(0)} ms, ${(csv.length / 1e6).toFixed(1)} MB`,
    );
  });
});

describe('cells', () => {
  it('reads numbers in both conventions and writes them without exponents', () => {
    const cases: [string, '.' | ',', number | undefined][] = [
      ['1234.5', '.', 1234.5],
      ['1,234.5', '.', 1234.5],
      ['1,5', '.', 1.5], // not a thousands group: read with the other mark
      ['1.234,5', ',', 1234.5],
      ['1.5', ',', 1.5],
      ['1 234', ',', 1234],
      ['\u22121', '.', -1],
      ['+2', '.', 2],
      ['1.2.3', '.', undefined],
      ['abc', '.', undefined],
      ['', '.', undefined],
    ];
    for (const [text, mark, n] of cases) expect(parseNumber(text, mark), text).toBe(n);
    for (const n of [0.0000001, 1e12, 0.1 + 0.2, 123456.789])
      for (const mark of ['.', ','] as const) {
        expect(formatNumber(n, mark)).not.toMatch(/e/i);
        expect(parseNumber(formatNumber(n, mark), mark)).toBe(n);
      }
    expect(decimalMarkOf(';')).toBe(',');
    expect(columnLetter(0)).toBe('A');
    expect(columnLetter(27)).toBe('AB');
  });
});

describe('decodeCsvBytes', () => {
  it('reads UTF-8 (with or without BOM) and falls back to Windows-1252', () => {
    const utf8 = new TextEncoder().encode('\uFEFFOpportunità;Città');
    expect(decodeCsvBytes(utf8)).toBe('Opportunità;Città'); // the BOM is dropped
    const ansi = Uint8Array.from([
      0x4f, 0x70, 0x70, 0x6f, 0x72, 0x74, 0x75, 0x6e, 0x69, 0x74, 0xe0,
    ]);
    expect(decodeCsvBytes(ansi)).toBe('Opportunità');
  });
});

describe('messages', () => {
  it('every error code is translated in en and it with the same placeholders', () => {
    const dir = join(import.meta.dirname, '../../app/i18n/locales');
    const params = (s: string, re: RegExp) => [...s.matchAll(re)].map((m) => m[1]).sort();
    for (const lang of ['en', 'it']) {
      const file = JSON.parse(readFileSync(join(dir, lang, 'csv.json'), 'utf8')) as {
        error: Record<string, string>;
      };
      expect(Object.keys(file.error).sort()).toEqual([...CSV_ERROR_CODES].sort());
      for (const code of CSV_ERROR_CODES)
        expect(params(file.error[code]!, /\{\{(\w+)\}\}/g), `${lang} ${code}`).toEqual(
          params(csvErrorTemplate(code), /\{(\w+)\}/g),
        );
      if (lang === 'en')
        for (const code of CSV_ERROR_CODES)
          expect(file.error[code]!.replace(/\{\{/g, '{').replace(/\}\}/g, '}')).toBe(
            csvErrorTemplate(code),
          );
    }
  });
});
