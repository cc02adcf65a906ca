/**
 * The deck exports of the export menu: a vector PDF and an editable PowerPoint file, both
 * built from `deckContent` (model/deck.ts) with the UI language's labels and the app's own
 * font (Inter, view/fonts.ts). The overview is the journey grid drawn natively by the builders
 * (export/overviewLayout.ts), so no picture is rendered for a deck.
 * The builders are loaded on first use, never with the editor.
 */
import type { TFunction } from 'i18next';
import { downloadBlob } from '../../export/download';
import { deckLabelsFrom, rememberLabels } from '../../export/deckLabels';
import { exportFileName } from '../../export/fileName';
import { deckContent } from '../../model/deck';
import type { MapSnapshot } from '../../model/types';
import { breathe } from '../../export/breathe';
import { clearSpans, timed } from '../../export/spans';
import { loadDeckFonts } from '../fonts';
import { withFrequencyWords } from '../strategy/kpiFrequency';

export type DeckFormat = 'pdf' | 'pptx';
export type DeckPageSize = '16:9' | 'a4';

export interface DeckJob {
  readonly snapshot: MapSnapshot;
  readonly t: TFunction<'export'>;
  readonly language: string;
  readonly size: DeckPageSize;
  readonly signal: AbortSignal;
  progress(fraction: number): void;
}

/**
 * Each language's labels for each format, made once: the translations are bundled with the
 * app (they cannot change while it runs) and i18next spends kilobytes of objects on each of
 * the sixty-odd strings, every export.
 */
const labelsKept = new Map<string, unknown>();
function keptLabels<T extends object>(format: DeckFormat, language: string, make: () => T): T {
  const key = `${format}:${language}`;
  let labels = labelsKept.get(key) as T | undefined;
  if (!labels) labelsKept.set(key, (labels = rememberLabels(make())));
  return labels;
}

const MIME: Record<DeckFormat, string> = {
  pdf: 'application/pdf',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
};

/** Builds and downloads the deck; returns the file name. */
export async function exportDeck(format: DeckFormat, job: DeckJob): Promise<string> {
  const { signal } = job;
  const translate = (k: string, o?: Record<string, unknown>) => job.t(k as never, o) as string;
  clearSpans('deck:', 'pdf:', 'pptx:');
  // KPI frequencies are stored as codes ("daily"): in the deck, words of the map's language.
  const deck = await timed('deck:content', () =>
    withFrequencyWords(deckContent(job.snapshot), translate),
  );
  job.progress(0.02);
  await breathe(); // the deck's content and the build in tasks of their own (breathe.ts)
  signal.throwIfAborted();
  const fonts = await timed('deck:fonts', () => loadDeckFonts(signal));
  signal.throwIfAborted();
  const pages = (f: number) => job.progress(0.05 + 0.95 * f);
  job.progress(0.05);
  let bytes: Uint8Array;
  if (format === 'pdf') {
    const { buildPdf, pdfLabelsFrom } = await import('../../export/pdf');
    bytes = await timed('deck:build', () =>
      buildPdf(deck, {
        labels: keptLabels('pdf', job.language, () => pdfLabelsFrom(translate, job.language)),
        size: job.size,
        fonts,
        onProgress: (done, total) => pages(total > 0 ? done / total : 1),
        signal,
      }),
    );
  } else {
    const { buildPptx } = await import('../../export/pptx');
    bytes = await timed('deck:build', () =>
      buildPptx(deck, {
        labels: keptLabels('pptx', job.language, () => deckLabelsFrom(translate, job.language)),
        fontTtf: fonts.regular,
        fontBoldTtf: fonts.bold,
        onProgress: pages,
        signal,
      }),
    );
  }
  signal.throwIfAborted();
  const name = exportFileName(job.snapshot.meta.title, new Date(), format);
  downloadBlob(new Blob([bytes as BlobPart], { type: MIME[format] }), name);
  job.progress(1);
  return name;
}
