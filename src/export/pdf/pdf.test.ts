// @vitest-environment node
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef } from 'pdf-lib';
import { PDFParse } from 'pdf-parse';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { deckContent, type Deck, type DeckStage, type DeckTouchpoint } from '../../model/deck';
import { readSnapshot } from '../../model/read';
import { seedTemplate } from '../../model/templates';
import { buildPdf, PDF_SIZES, type PdfOptions } from './index';
import { EN_LABELS, IT_LABELS } from './testLabels';
import { EVIDENCE_SOURCES, evidenceDeck } from '../testDecks';

const require = createRequire(import.meta.url);
const ttf = (p: string) =>
  new Uint8Array(readFileSync(require.resolve(`@expo-google-fonts/inter/${p}`)));
const FONTS = {
  regular: ttf('400Regular/Inter_400Regular.ttf'),
  bold: ttf('700Bold/Inter_700Bold.ttf'),
};
const NOW = new Date('2026-03-15T12:00:00Z');
const opts = (o: Partial<PdfOptions> = {}): PdfOptions => ({
  labels: EN_LABELS,
  size: '16:9',
  fonts: FONTS,
  now: NOW,
  ...o,
});

function airline(locale: 'en' | 'it' = 'en'): Deck {
  const doc = new Y.Doc();
  seedTemplate(doc, 'airline', locale === 'it' ? 'Viaggio in aereo' : 'Airline trip', NOW, locale);
  return deckContent(readSnapshot(doc));
}

async function pdfText(bytes: Uint8Array): Promise<string> {
  const parser = new PDFParse({ data: bytes.slice() }); // pdf.js detaches the buffer it gets
  try {
    return (await parser.getText()).text;
  } finally {
    await parser.destroy();
  }
}

async function pdfPages(bytes: Uint8Array): Promise<string[]> {
  const parser = new PDFParse({ data: bytes.slice() });
  try {
    return (await parser.getText()).pages.map((p) => p.text);
  } finally {
    await parser.destroy();
  }
}

/** Whitespace-normalised: a wrapped line may split an action anywhere between words. */
const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

function withStage(deck: Deck, patch: Partial<DeckStage>): Deck {
  return { ...deck, stages: [{ ...deck.stages[0]!, ...patch }, ...deck.stages.slice(1)] };
}
const tp = (i: number, extra: Partial<DeckTouchpoint> = {}): DeckTouchpoint => ({
  id: `tp-${i}`,
  action: `Action number ${i}`,
  painPoints: [],
  opportunities: [],
  kpis: [],
  ...extra,
});

describe('buildPdf', () => {
  it('holds every stage name and every touchpoint action of the airline map as text', async () => {
    const deck = airline();
    const bytes = await buildPdf(deck, opts());
    const text = norm(await pdfText(bytes));
    expect(deck.stages.length).toBeGreaterThan(3);
    for (const stage of deck.stages) {
      expect(text).toContain(norm(stage.title));
      expect(stage.touchpoints.length).toBeGreaterThan(0);
      for (const t of stage.touchpoints) expect(text).toContain(norm(t.action));
    }
    // The pages: title, overview, one per stage, curve, strategy; labels and figures as text.
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getPageCount()).toBe(deck.stages.length + 4);
    for (const label of ['Customer journey', 'Overview', 'Stage 1 of 7', 'Emotion curve'])
      expect(text).toContain(label);
    expect(text).toContain('Strategy');
    expect(text).toContain('March 15, 2026');
    expect(text).toContain('€21,154'); // the monthly saving, as money
    expect(text).toContain("17.6% of today's cost"); // savingPct, not shiftPct (20%)
    expect(text).toContain('Reduce call volume to the call centre');
    expect(text).toContain('Abandonment rate');
    expect(text).toContain(`${deck.stages.length + 4} / ${deck.stages.length + 4}`);
    expect(pdf.getTitle()).toBe('Airline trip');
    expect(pdf.getCreator()).toBe('Itinera');
  });

  it('prints the evidence and sources of touchpoints, pain points and lane items', async () => {
    const en = norm(await pdfText(await buildPdf(evidenceDeck(), opts())));
    expect(en).toContain(`Evidence: Observed: ${EVIDENCE_SOURCES.touchpoint}`);
    expect(en).toContain(`Waits 40 minutes Evidence: Reported: ${EVIDENCE_SOURCES.painPoint}`);
    expect(en).toContain('Rebook in the app Evidence: Assumed');
    expect(en).toContain(
      `Agent checks the fare rules Evidence: Observed: ${EVIDENCE_SOURCES.laneItem}`,
    );
    const it = norm(await pdfText(await buildPdf(evidenceDeck(), opts({ labels: IT_LABELS }))));
    expect(it).toContain(`Evidenza: Osservato: ${EVIDENCE_SOURCES.touchpoint}`);
  });

  it('prints the labels of the UI language, and the Italian map in Italian', async () => {
    const deck = airline('it');
    const bytes = await buildPdf(deck, opts({ labels: IT_LABELS }));
    const text = norm(await pdfText(bytes));
    for (const label of [
      'Percorso del cliente',
      'Panoramica',
      'Fase 1 di 7',
      'Punti critici',
      'Opportunità',
      'Curva delle emozioni',
      'Strategia',
      'Risparmio mensile',
    ])
      expect(text).toContain(label);
    expect(text).toContain('15 marzo 2026');
    expect(text).toContain('21.154 €');
    expect(text).toContain('17,6% del costo attuale');
    for (const stage of deck.stages) {
      expect(text).toContain(norm(stage.title));
      for (const t of stage.touchpoints) expect(text).toContain(norm(t.action));
    }
    expect(text).not.toContain('Pain points');
    const pdf = await PDFDocument.load(bytes);
    expect(String(pdf.catalog.get(PDFName.of('Lang')))).toBe('(it)');
  });

  it.each(['16:9', 'a4'] as const)('lays out %s landscape pages', async (size) => {
    const bytes = await buildPdf(airline(), opts({ size }));
    const pdf = await PDFDocument.load(bytes);
    for (const page of pdf.getPages()) {
      const { width, height } = page.getSize();
      expect([width, height]).toEqual([...PDF_SIZES[size]]);
    }
    expect(PDF_SIZES.a4[0]).toBeCloseTo(841.89);
  });

  it('embeds Inter (regular and bold) as TrueType font files, cut to what it prints', async () => {
    const bytes = await buildPdf(airline(), opts());
    const pdf = await PDFDocument.load(bytes);
    const files: number[] = [];
    const names: string[] = [];
    for (const [, obj] of pdf.context.enumerateIndirectObjects()) {
      if (!(obj instanceof PDFDict)) continue;
      const file = obj.lookup(PDFName.of('FontFile2'));
      if (file instanceof PDFRawStream) {
        files.push(file.getContents().length);
        names.push(String(obj.get(PDFName.of('FontName'))));
      }
    }
    expect(files).toHaveLength(2);
    expect(names.join(' ')).toMatch(/Inter/);
    // Far smaller than the 340 KB font files: only the glyphs the deck can print.
    for (const size of files) expect(size).toBeLessThan(120_000);
    expect(bytes.length).toBeLessThan(250_000);
  });

  it('exports again from the kept font, its streams and one resource dictionary, with the same text', async () => {
    const fontStreams = async (bytes: Uint8Array) => {
      const pdf = await PDFDocument.load(bytes);
      const out: string[] = [];
      for (const [, obj] of pdf.context.enumerateIndirectObjects()) {
        if (!(obj instanceof PDFDict)) continue;
        for (const key of ['FontFile2', 'ToUnicode']) {
          const s = obj.lookup(PDFName.of(key));
          if (s instanceof PDFRawStream)
            out.push(`${key}:${Buffer.from(s.getContents()).toString('base64')}`);
        }
      }
      return { pdf, streams: out.sort() };
    };
    const en = airline();
    const it = airline('it');
    const first = await buildPdf(en, opts());
    const italian = await buildPdf(it, opts({ labels: IT_LABELS }));
    const again = await buildPdf(en, opts());
    expect(norm(await pdfText(again))).toBe(norm(await pdfText(first)));
    const a = await fontStreams(first);
    const b = await fontStreams(again);
    expect(a.streams).toHaveLength(4); // two font files, two ToUnicode maps
    expect(b.streams).toEqual(a.streams);
    // The Italian deck in between had its own text (and its own cut of the font).
    const itText = norm(await pdfText(italian));
    for (const stage of it.stages) expect(itText).toContain(norm(stage.title));
    // Every page draws from one shared resource dictionary (a reference) holding both fonts.
    const resources = new Set<string>();
    for (const [, obj] of b.pdf.context.enumerateIndirectObjects())
      if (obj instanceof PDFDict && obj.get(PDFName.of('Type')) === PDFName.of('Page'))
        resources.add(String(obj.get(PDFName.of('Resources'))));
    expect([...resources]).toHaveLength(1);
    const shared = b.pdf.context.lookup(
      PDFRef.of(Number([...resources][0]!.split(' ')[0])),
      PDFDict,
    );
    const fonts = shared.lookup(PDFName.of('Font'), PDFDict);
    expect(fonts.keys().map(String).sort()).toEqual(['/F0', '/F1']);
  });

  it('draws the overview natively: stage and lane names and actions as text, no picture', async () => {
    const deck = airline();
    const bytes = await buildPdf(deck, opts());
    const pdf = await PDFDocument.load(bytes);
    let images = 0;
    for (const [, obj] of pdf.context.enumerateIndirectObjects())
      if (obj instanceof PDFRawStream && String(obj.dict.get(PDFName.of('Subtype'))) === '/Image')
        images++;
    expect(images).toBe(0);
    const overview = norm((await pdfPages(bytes))[1]!);
    expect(overview).toContain('Overview');
    expect(overview).toContain('Lanes');
    for (const stage of deck.stages)
      expect(overview).toContain(norm(`${stage.index}. ${stage.title}`));
    for (const lane of ['Customer actions', 'Pain points', 'Opportunities', 'Emotion'])
      expect(overview).toContain(lane);
    // The airline grid fits one page: the first touchpoint of every stage is on it.
    for (const stage of deck.stages)
      expect(overview).toContain(norm(stage.touchpoints[0]!.action).slice(0, 12));
  });

  it('shows a crowded grid as counts on one overview page, every stage and lane named', async () => {
    const base = airline();
    const stages = Array.from({ length: 24 }, (_, i) => ({
      ...base.stages[0]!,
      stageId: `s${i}`,
      title: `Phase ${i + 1}`,
      index: i + 1,
    }));
    const actions = Array.from({ length: 40 }, (_, i) => ({
      text: `Crowded action ${i}`,
      touchpoint: true as const,
      emotion: ((i % 5) - 2) as -2 | -1 | 0 | 1 | 2,
    }));
    const deck: Deck = {
      ...base,
      stages,
      grid: [
        { key: 'actions', type: 'actions', title: '', cells: stages.map(() => actions) },
        ...Array.from({ length: 30 }, (_, r) => ({
          key: `channel:c${r}` as const,
          type: 'channel' as const,
          title: `Channel ${r}`,
          cells: stages.map(() => actions.slice(0, 2)),
        })),
      ] as Deck['grid'],
    };
    const pages = (await pdfPages(await buildPdf(deck, opts()))).map(norm);
    const overview = pages.filter((p) => p.includes('Overview') && p.includes('Lanes'));
    expect(overview).toHaveLength(1);
    const all = overview[0]!;
    for (const s of stages) expect(all).toContain(`${s.index}.`);
    for (let r = 0; r < 30; r++) expect(all).toContain(`Channel ${r}`);
    expect(all).toContain(' 40 '); // the actions row's count in each stage
    expect(all).not.toContain('Crowded action');
  });

  it('builds an empty map, odd text, huge actions and crowded stages without throwing', async () => {
    const empty = deckContent(readSnapshot(new Y.Doc()));
    const emptyPdf = await buildPdf(empty, opts());
    expect((await PDFDocument.load(emptyPdf)).getPageCount()).toBe(2);
    expect(norm(await pdfText(emptyPdf))).toContain('None yet');

    const base = airline();
    const long = 'Lorem ipsum dolor sit amet '.repeat(185).slice(0, 5000);
    const odd = 'Paga 🙂 in 👨‍👩‍👧 contanti 漢字 مرحبا \u0000\u0007 tab\there \ud800 ok';
    const oneWord = 'x'.repeat(3000);
    const crowded = Array.from({ length: 80 }, (_, i) =>
      tp(i, {
        emotion: ((i % 5) - 2) as -2,
        painPoints:
          i % 3 ? [] : ['A pain point that goes on for a while, several times over. '.repeat(5)],
        opportunities: i === 1 ? Array.from({ length: 12 }, (_, k) => `Opportunity ${k}`) : [],
        ...(i === 2 ? { owner: odd, volume: Number.NaN } : {}),
      }),
    );
    const deck = withStage(base, {
      title: odd,
      description: long,
      touchpoints: [
        tp(1000, { action: long }),
        tp(1001, { action: odd }),
        tp(1002, { action: oneWord }),
        ...crowded,
      ],
      lanes: [
        {
          key: 'lane:x',
          type: 'backstage',
          title: '',
          items: [long, odd, ...Array.from({ length: 40 }, (_, k) => `Item ${k}`)],
        },
      ],
      kpis: [{ id: 'k', name: odd, family: 'quality', target: Infinity, unit: '🙂' }],
    });
    const weird: Deck = {
      ...deck,
      title: `${odd} ${long}`,
      strategy: {
        ...deck.strategy,
        costs: { ...deck.strategy.costs, currency: 'NOT-A-CODE', saving: Number.NaN },
        goLiveDate: '2026-02-31',
        goals: Array.from({ length: 30 }, (_, k) => ({
          id: `g${k}`,
          title: `${k} ${odd}`,
          deadline: 'soon',
        })),
      },
    };
    const bytes = await buildPdf(
      weird,
      opts({ labels: { ...EN_LABELS, locale: 'xx-not_a-locale!!' } }),
    );
    const pdf = await PDFDocument.load(bytes);
    const text = norm(await pdfText(bytes));
    // 83 cards in one stage continue over pages, numbered "(n/m)".
    expect(text).toMatch(/\(2\/\d+\)/);
    expect(pdf.getPageCount()).toBeGreaterThan(base.stages.length + 6);
    expect(text).toContain('Paga ');
    expect(text).toContain('contanti');
    expect(text).toContain('Action number 79');
    expect(text).toContain('Backstage'); // an untitled content lane, named by its type
    expect(text).toContain('Item 0');
    expect(text).toContain('…'); // the long action was cut to its card
    expect(text).toContain('2026-02-31'); // not a date: printed as typed
  });

  it('reports progress and stops with an AbortError when cancelled', async () => {
    const seen: Array<[number, number]> = [];
    await buildPdf(airline(), opts({ onProgress: (d, t) => seen.push([d, t]) }));
    expect(seen.length).toBeGreaterThan(5);
    expect(seen.at(-1)![0]).toBe(seen.at(-1)![1]);
    for (let i = 1; i < seen.length; i++) expect(seen[i]![0]).toBeGreaterThan(seen[i - 1]![0]);

    const before = new AbortController();
    before.abort();
    await expect(buildPdf(airline(), opts({ signal: before.signal }))).rejects.toMatchObject({
      name: 'AbortError',
    });

    const during = new AbortController();
    const run = buildPdf(
      airline(),
      opts({ signal: during.signal, onProgress: (d) => d === 2 && during.abort() }),
    );
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
  });
});
