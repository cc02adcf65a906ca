// @vitest-environment node
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import JSZip from 'jszip';
import { PDFParse } from 'pdf-parse';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { deckContent, type Deck, type DeckStage } from '../../model/deck';
import { metaMap, newRecord, nodesMap, touchpointsMap } from '../../model/doc';
import { readSnapshot } from '../../model/read';
import { seedTemplate } from '../../model/templates';
import { ENGLISH_DECK_LABELS } from '../deckLabels';
import { EVIDENCE_SOURCES, evidenceDeck } from '../testDecks';
import { buildPptx } from './buildPptx';
import { emotionHex, tint } from './draw';
import { fitText, textWidthIn, wrap } from './fit';
import { BOLD_FONT_PART, FONT_PART } from './patch';

const require = createRequire(import.meta.url);
const ttf = (path: string) => new Uint8Array(readFileSync(require.resolve(path)));
const interTtf = () => ttf('@expo-google-fonts/inter/400Regular/Inter_400Regular.ttf');
const interBoldTtf = () => ttf('@expo-google-fonts/inter/700Bold/Inter_700Bold.ttf');
const labels = ENGLISH_DECK_LABELS;

function airlineDeck(): Deck {
  const doc = new Y.Doc();
  seedTemplate(doc, 'airline', 'Airline journey', new Date('2026-11-24T10:00:00Z'));
  return deckContent(readSnapshot(doc));
}

/** A map written record by record, values unchecked (the reader restores them). */
function rawDeck(
  title: unknown,
  nodes: Record<string, Record<string, unknown>>,
  tps: Record<string, Record<string, unknown>>,
): Deck {
  const doc = new Y.Doc();
  doc.transact(() => {
    metaMap(doc).set('schemaVersion', 2);
    metaMap(doc).set('title', title);
    metaMap(doc).set('createdAt', '2026-01-01T00:00:00.000Z');
    for (const [id, f] of Object.entries(nodes)) nodesMap(doc).set(id, newRecord(f));
    for (const [id, f] of Object.entries(tps)) touchpointsMap(doc).set(id, newRecord(f));
  });
  return deckContent(readSnapshot(doc));
}

const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

interface Opened {
  zip: JSZip;
  slides: string[];
  notes: string[];
  /** The text runs of every slide, decoded. */
  runs: string[][];
}

async function open(bytes: Uint8Array): Promise<Opened> {
  const zip = await JSZip.loadAsync(bytes);
  const num = (p: string) => Number(/(\d+)\.xml$/.exec(p)![1]);
  const files = (re: RegExp) =>
    Object.keys(zip.files)
      .filter((p) => re.test(p))
      .sort((a, b) => num(a) - num(b));
  const slides = await Promise.all(
    files(/^ppt\/slides\/slide\d+\.xml$/).map((p) => zip.file(p)!.async('string')),
  );
  const notes = await Promise.all(
    files(/^ppt\/notesSlides\/notesSlide\d+\.xml$/).map((p) => zip.file(p)!.async('string')),
  );
  const runs = slides.map((x) => [...x.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => decode(m[1]!)));
  return { zip, slides, notes, runs };
}

const notesText = (xml: string) =>
  [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => decode(m[1]!)).join('\n');

/** Whether `xml` parses as XML (xmldom reports any error through `onError`). */
function wellFormed(xml: string): boolean {
  new DOMParser({
    onError: (level, message) => {
      throw new Error(`${level}: ${message}`);
    },
  }).parseFromString(xml, 'text/xml');
  return true;
}

/** Every shape's box stays on the 16:9 slide (EMU: 914400 per inch). */
function offSlide(xml: string): string[] {
  const W = 10 * 914400;
  const H = 5.625 * 914400;
  const out: string[] = [];
  for (const m of xml.matchAll(
    /<a:off x="(-?\d+)" y="(-?\d+)"\/><a:ext cx="(\d+)" cy="(\d+)"\/>/g,
  )) {
    const [x, y, w, h] = m.slice(1).map(Number) as [number, number, number, number];
    if (x < -1 || y < -1 || x + w > W + 1 || y + h > H + 1) out.push(m[0]);
  }
  return out;
}

describe('buildPptx: the airline deck', async () => {
  const deck = airlineDeck();
  const bytes = await buildPptx(deck, {
    labels,
    size: '16:9',
    fontTtf: interTtf(),
    fontBoldTtf: interBoldTtf(),
  });
  const opened = await open(bytes);
  const allRuns = opened.runs.flat();

  it('has a title, an overview, a slide per stage, the curve and the strategy', () => {
    expect(deck.stages).toHaveLength(7);
    expect(opened.slides.length).toBe(2 + 7 + 1 + (deck.strategy.hasContent ? 1 : 0));
    expect(opened.runs[0]).toContain('Airline journey');
    expect(opened.runs[1]).toContain('Overview');
  });

  it('holds every stage name and touchpoint action as text runs', () => {
    const joined = allRuns.join('\n');
    for (const st of deck.stages) {
      expect(joined).toContain(st.title);
      for (const tp of st.touchpoints) expect(joined).toContain(tp.action);
    }
    // Each stage slide names its stage and shows its own actions.
    deck.stages.forEach((st, i) => {
      const runs = opened.runs[2 + i]!;
      expect(runs).toContain(`${st.index}. ${st.title}`);
      for (const tp of st.touchpoints) expect(runs).toContain(tp.action);
    });
  });

  it('draws cards and faces as native shapes in the emotion colours, in Inter', () => {
    const booking = opened.slides[2 + deck.stages.findIndex((s) => s.touchpoints.length)]!;
    expect(booking).toContain('prst="roundRect"');
    expect(booking).toContain('prst="ellipse"');
    expect(booking).toContain('<a:custGeom>');
    expect(booking).toMatch(/D1453B|EE8A3C|8D99A6|6CBF5A|2E9E48/);
    expect(booking).toContain('typeface="Inter"');
    expect(opened.slides.every((x) => !x.includes('<p:pic>') || x === opened.slides[1])).toBe(true);
  });

  it('draws the emotion curve with lines and faces', () => {
    const curve = opened.slides[2 + deck.stages.length]!;
    expect(opened.runs[2 + deck.stages.length]).toContain('Emotion curve');
    const lines = curve.match(/prst="line"/g) ?? [];
    expect(lines.length).toBeGreaterThanOrEqual(5 + deck.stages.length);
    expect(curve.match(/prst="ellipse"/g)!.length).toBeGreaterThanOrEqual(deck.stages.length);
  });

  it('writes speaker notes with the pain points, opportunities and sources', () => {
    expect(opened.notes.length).toBe(opened.slides.length);
    deck.stages.forEach((st, i) => {
      const n = notesText(opened.notes[2 + i]!);
      for (const p of st.painPoints) expect(n).toContain(p);
      for (const o of st.opportunities) expect(n).toContain(o);
    });
    const overview = notesText(opened.notes[1]!);
    expect(overview).toContain('Notes and sources');
    expect(overview).toContain('Convince & Convert');
    // One paragraph per line, not one run with line breaks in it.
    expect(opened.notes[2]!.match(/<a:p>/g)!.length).toBeGreaterThan(3);
  });

  it('puts the strategy one-pager with the true saving share', () => {
    const i = opened.slides.length - 1;
    const runs = opened.runs[i]!.join('\n');
    expect(runs).toContain('Strategy map');
    for (const g of deck.strategy.goals) expect(runs).toContain(g.title);
    const c = deck.strategy.costs;
    if (c.totalToday > 0) {
      expect(runs).toContain(labels.money(c.saving, c.currency));
      expect(runs).toContain(labels.savingShare(Math.round(c.savingPct * 10) / 10));
    }
  });

  it('keeps every shape on the slide, every slide well-formed XML', () => {
    for (const x of opened.slides) {
      expect(offSlide(x)).toEqual([]);
      expect(wellFormed(x)).toBe(true);
    }
  });

  it('embeds Inter as EOT and lists it in the presentation', async () => {
    const eot = await opened.zip.file(FONT_PART)!.async('uint8array');
    expect(eot.byteLength).toBeGreaterThan(300_000);
    // EOT header: MagicNumber 0x504C at byte 34.
    expect(eot[34]).toBe(0x4c);
    expect(eot[35]).toBe(0x50);
    expect(opened.zip.file(BOLD_FONT_PART)).not.toBeNull();
    const pres = await opened.zip.file('ppt/presentation.xml')!.async('string');
    expect(pres).toContain('embedTrueTypeFonts="1"');
    expect(pres).toMatch(
      /<p:notesSz[^>]*\/><p:embeddedFontLst><p:embeddedFont><p:font typeface="Inter"\/><p:regular r:id="[^"]+"\/><p:bold r:id="[^"]+"\/><\/p:embeddedFont>/,
    );
    const ct = await opened.zip.file('[Content_Types].xml')!.async('string');
    expect(ct).toContain('Extension="fntdata"');
    const rels = await opened.zip.file('ppt/_rels/presentation.xml.rels')!.async('string');
    expect(rels).toContain('Target="fonts/font1.fntdata"');
  });

  it('opens in LibreOffice (converted to PDF, a page per slide, every stage named) when soffice is installed', async (ctx) => {
    const soffice = ['soffice', 'libreoffice'].find(
      (bin) => spawnSync(bin, ['--version'], { stdio: 'ignore' }).status === 0,
    );
    if (!soffice) {
      ctx.skip('LibreOffice (soffice) is not installed here: the conversion check cannot run');
      return;
    }
    const dir = mkdtempSync(join(tmpdir(), 'itinera-pptx-'));
    try {
      writeFileSync(join(dir, 'deck.pptx'), bytes);
      execFileSync(
        soffice,
        ['--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'deck.pptx')],
        {
          timeout: 120_000,
          stdio: 'ignore',
        },
      );
      expect(existsSync(join(dir, 'deck.pdf'))).toBe(true);
      const pdf = new Uint8Array(readFileSync(join(dir, 'deck.pdf')));
      expect(new TextDecoder().decode(pdf.subarray(0, 5))).toBe('%PDF-');
      // LibreOffice read the shapes' text: each slide is a page, and it holds what the slide says.
      const parser = new PDFParse({ data: pdf });
      try {
        const pages = (await parser.getText()).pages.map((p) => p.text.replace(/\s+/g, ' '));
        expect(pages).toHaveLength(opened.slides.length);
        deck.stages.forEach((st, i) => expect(pages[2 + i]).toContain(`${st.index}. ${st.title}`));
        expect(pages[2 + deck.stages.length]).toContain('Emotion curve');
      } finally {
        await parser.destroy();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 150_000);
});

describe('buildPptx: evidence and sources', () => {
  it('writes each evidence and its source in the speaker notes, beside its item', async () => {
    const opened = await open(
      await buildPptx(evidenceDeck(), {
        labels,
        size: '16:9',
        fontTtf: interTtf(),
        fontBoldTtf: interBoldTtf(),
      }),
    );
    const stageNotes = notesText(opened.notes[2]!);
    expect(stageNotes).toContain(`Evidence: Observed: ${EVIDENCE_SOURCES.touchpoint}`);
    expect(stageNotes).toContain(
      `Waits 40 minutes (Evidence: Reported: ${EVIDENCE_SOURCES.painPoint}); Repeats the booking code`,
    );
    expect(stageNotes).toContain('Rebook in the app (Evidence: Assumed)');
    expect(stageNotes).toContain(
      `Agent checks the fare rules (Evidence: Observed: ${EVIDENCE_SOURCES.laneItem})`,
    );
  });
});

describe('buildPptx: odd maps still build', () => {
  it('an empty map: title and overview only', async () => {
    const deck = deckContent(readSnapshot(new Y.Doc()));
    const o = await open(await buildPptx(deck, { labels }));
    expect(o.slides).toHaveLength(2);
    expect(o.runs[0]).toContain('Untitled map');
  });

  it('a stage with 60 touchpoints continues on more slides, all actions kept', async () => {
    const nodes: Record<string, Record<string, unknown>> = {
      s1: { kind: 'stage', label: 'Crowded', x: 0, y: 0, order: 1 },
      c1: { kind: 'channel', label: 'Web', x: 0, y: 200, channelType: 'web' },
    };
    const tps: Record<string, Record<string, unknown>> = {};
    for (let i = 0; i < 60; i++)
      tps[`t${i}`] = { from: 's1', to: 'c1', action: `Action number ${i}`, emotion: (i % 5) - 2 };
    const deck = rawDeck('Crowded map', nodes, tps);
    expect(deck.stages[0]!.touchpoints).toHaveLength(60);
    const o = await open(await buildPptx(deck, { labels }));
    const parts = o.runs.flatMap((r) => r.filter((t) => t.startsWith('1. Crowded (')));
    expect(parts.length).toBeGreaterThan(1);
    expect(parts[1]).toBe(`1. Crowded (2/${parts.length})`);
    const joined = o.runs.flat();
    for (let i = 0; i < 60; i++) expect(joined).toContain(`Action number ${i}`);
    for (const x of o.slides) expect(offSlide(x)).toEqual([]);
  });

  it('5,000-character texts, odd emotions and garbage values are cut to fit, never crash', async () => {
    const long = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(90);
    const word = 'x'.repeat(5000);
    const nodes: Record<string, Record<string, unknown>> = {
      s1: { kind: 'stage', label: long, x: 0, y: 0, order: 1, description: long },
      s2: { kind: 'stage', label: word, x: 300, y: 0, order: 2 },
      s3: { kind: 'stage', label: '', x: 600, y: 0, order: 3 },
      c1: { kind: 'channel', label: long, x: 0, y: 200, channelType: 'web' },
      n1: { kind: 'note', label: 'Bell\u0007 and \uD800 lone surrogate', x: 0, y: 400 },
    };
    const tps: Record<string, Record<string, unknown>> = {
      t1: { from: 's1', to: 'c1', action: long, emotion: 7, painPoints: [long, long, long] },
      t2: { from: 's2', to: 'c1', action: word, emotion: 'happy', opportunities: [word] },
      t3: { from: 's1', to: 'c1', action: 42, emotion: -1.5, volume: Number.NaN, owner: long },
      t4: { from: 's3', to: 'c1', action: '<&>"\u0000', emotion: null },
    };
    const deck = rawDeck({ not: 'a title' }, nodes, tps);
    const o = await open(await buildPptx(deck, { labels, fontTtf: interTtf() }));
    expect(o.slides.length).toBeGreaterThanOrEqual(5);
    for (const x of o.slides) {
      expect(offSlide(x)).toEqual([]);
      // eslint-disable-next-line no-control-regex -- control characters must not reach the XML
      expect(x).not.toMatch(/[\u0000-\u0008]/);
      expect(wellFormed(x)).toBe(true);
    }
    // The long texts were cut on the slides (the notes keep them whole).
    expect(o.runs.flat().some((t) => t.endsWith('…'))).toBe(true);
    const pain = deck.stages[0]!.painPoints[0]!;
    expect(pain.length).toBeGreaterThan(1000);
    expect(notesText(o.notes[2]!).includes(pain)).toBe(true);
  });

  it('a deck object with values the types forbid still builds', async () => {
    const stage = (i: number): DeckStage => ({
      stageId: `s${i}`,
      title: `Stage ${i}`,
      index: i,
      emotion: i === 2 ? Number.NaN : i === 3 ? 99 : null,
      worstEmotion: null,
      touchpoints: [
        {
          id: `t${i}`,
          action: `Do ${i}`,
          emotion: 5 as never,
          painPoints: ['', 'a'],
          opportunities: [],
          kpis: [],
          volume: Infinity,
        },
      ],
      devices: [],
      painPoints: [],
      opportunities: [],
      kpis: [{ id: 'k', name: 'K', family: 'odd' as never, target: Number.NaN }],
      lanes: [{ key: 'x' as never, type: 'weird' as never, title: '', items: ['item'] }],
    });
    const deck: Deck = {
      ...airlineDeck(),
      stages: Array.from({ length: 40 }, (_, i) => stage(i + 1)),
    };
    const o = await open(await buildPptx(deck, { labels }));
    expect(o.runs.flat()).toContain('Do 40');
    for (const x of o.slides) expect(offSlide(x)).toEqual([]);
  });

  it('draws the overview as native shapes and text boxes, no picture; progress reaches 1', async () => {
    const deck = airlineDeck();
    const seen: number[] = [];
    const o = await open(await buildPptx(deck, { labels, onProgress: (f) => seen.push(f) }));
    const overview = o.slides[1]!;
    expect(overview).not.toContain('<p:pic>');
    expect(Object.keys(o.zip.files).some((p) => /^ppt\/media\/.+/.test(p))).toBe(false);
    const runs = o.runs[1]!.join(' ');
    expect(runs).toContain('Overview');
    expect(runs).toContain('Lanes');
    for (const st of deck.stages) expect(runs).toContain(`${st.index}. ${st.title}`);
    for (const lane of ['Customer actions', 'Pain points', 'Opportunities', 'Emotion'])
      expect(runs).toContain(lane);
    // Touchpoint cards: rectangles in emotion colours holding the start of an action.
    expect(runs).toContain(deck.stages[0]!.touchpoints[0]!.action.slice(0, 10));
    expect(overview).toContain('prstGeom prst="rect"');
    expect(offSlide(overview)).toEqual([]);
    expect(seen.at(-1)).toBe(1);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(o.zip.file(FONT_PART)).toBeNull();
  });

  it('shows a big grid as counts on as few overview slides as stay readable', async () => {
    const base = airlineDeck();
    const stages = Array.from({ length: 30 }, (_, i) => ({
      ...base.stages[0]!,
      stageId: `s${i}`,
      title: `Phase ${i + 1}`,
      index: i + 1,
    }));
    const cards = Array.from({ length: 30 }, (_, i) => ({
      text: `Crowded action ${i}`,
      touchpoint: true as const,
      emotion: -2 as const,
    }));
    const deck: Deck = {
      ...base,
      stages,
      grid: Array.from({ length: 40 }, (_, r) => ({
        key: `channel:c${r}` as never,
        type: 'channel' as const,
        title: `Channel ${r}`,
        cells: stages.map(() => cards),
      })),
    };
    const o = await open(await buildPptx(deck, { labels }));
    const overview = o.runs.map((r) => r.join(' ')).filter((r) => r.includes('Overview'));
    expect(overview.length).toBeGreaterThan(0);
    expect(overview.length).toBe(1);
    const all = overview.join(' ');
    for (const st of stages) expect(all).toContain(`${st.index}.`);
    for (let r = 0; r < 40; r++) expect(all).toContain(`Channel ${r}`);
    expect(all).toContain(' 30 '); // each cell's count
    expect(o.slides[1]).toContain(tint(emotionHex(-2), 0.82)); // an angry cell's fill
  });

  it('stops with an AbortError when cancelled', async () => {
    const ctl = new AbortController();
    const p = buildPptx(airlineDeck(), {
      labels,
      signal: ctl.signal,
      onProgress: (f) => f > 0.2 && ctl.abort(),
    });
    await expect(p).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('fit', () => {
  it('measures each character by its width class, a surrogate pair as one character', () => {
    const em = (t: string) => Math.round(textWidthIn(t, 72 / 1.06) * 1000) / 1000;
    const classes: [string, number][] = [
      ['i', 0.31],
      ['I', 0.31],
      [' ', 0.31],
      ['\u00a0', 0.31],
      ['.', 0.31],
      ['m', 0.9],
      ['W', 0.9],
      ['Æ', 0.9],
      ['œ', 0.9],
      ['Œ', 0.9],
      ['—', 0.9],
      ['@', 0.9],
      ['A', 0.7],
      ['Z', 0.7],
      ['0', 0.62],
      ['9', 0.62],
      ['a', 0.58],
      ['è', 0.58],
      ['ł', 0.58],
      ['€', 1],
      ['中', 1],
      ['🙂', 1],
      ['\uD83D', 1],
      ['\uDE42', 1],
    ];
    for (const [ch, want] of classes) expect([ch, em(ch)]).toEqual([ch, want]);
    // A lone high surrogate before a letter is one character, and the letter another.
    expect(em('\uD83Da')).toBe(1.58);
    expect(em('a🙂b')).toBe(2.16);
    // Bold is 4 % wider.
    expect(textWidthIn('ab', 10, true) / textWidthIn('ab', 10)).toBeCloseTo(1.04, 9);
  });
  it('wraps words and breaks words longer than the line', () => {
    expect(wrap('aa bb cc', textWidthIn('aa bb', 10) + 0.001, 10)).toEqual(['aa bb', 'cc']);
    expect(wrap('x'.repeat(50), textWidthIn('x'.repeat(10), 10) + 0.001, 10)).toHaveLength(5);
  });
  it('shrinks first, then cuts with an ellipsis', () => {
    expect(fitText('Short', 2, 0.4, { max: 12, min: 8 })).toEqual({
      text: 'Short',
      fontSize: 12,
      cut: false,
    });
    const f = fitText('word '.repeat(200), 2, 0.5, { max: 12, min: 8 });
    expect(f.cut).toBe(true);
    expect(f.fontSize).toBe(8);
    expect(f.text.endsWith('…')).toBe(true);
  });
});
