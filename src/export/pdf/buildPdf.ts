/**
 * The vector PDF deck of a map (issue 16): title, overview, one page per stage (more when its
 * touchpoints need them), the emotion curve and the strategy one-pager, with Inter embedded
 * (cut to the characters used) so the text is real text — selectable, searchable — and looks the same everywhere.
 * Pure: no DOM, no React; runs in the browser and in Node (tests, bench).
 */
import { PDFDocument } from 'pdf-lib';
import type { Deck } from '../../model/deck';
import { flushContent } from './content';
import { reuseFontStreams } from './fontStreams';
import { safeLocale } from '../../model/intl';
import { formatDate } from './format';
import type { DeckLabels } from './labels';
import {
  curvePage,
  drawFooters,
  overviewPages,
  stagePages,
  strategyPage,
  titlePage,
  type Ctx,
} from './pages';
import { cachingFontkit } from './fontkit';
import { deckCodePoints, subsetTtf } from './subset';
import { breathe } from '../breathe';
import { span, timed } from '../spans';
import { FontKit } from './text';

export type PdfSize = '16:9' | 'a4';

/** Page sizes in points, landscape: 16:9 at 960 × 540, A4 at 297 × 210 mm. */
export const PDF_SIZES: Readonly<Record<PdfSize, readonly [number, number]>> = {
  '16:9': [960, 540],
  a4: [841.89, 595.28],
};

export interface PdfOptions {
  readonly labels: DeckLabels;
  readonly size: PdfSize;
  /** The TTF files of the app's font (Inter 400 and 700). */
  readonly fonts: { readonly regular: Uint8Array; readonly bold: Uint8Array };
  /** The date printed on the title page (now by default). */
  readonly now?: Date;
  onProgress?(done: number, total: number): void;
  readonly signal?: AbortSignal;
}

function abortError(): Error {
  return new DOMException('The PDF export was cancelled.', 'AbortError');
}

/** Ends the drawn pages' content (content.ts) from page `from` on; returns the page count. */
function flushPages(pdf: PDFDocument, from: number): number {
  const pages = pdf.getPages();
  for (let i = from; i < pages.length; i++) flushContent(pdf, pages[i]!);
  return pages.length;
}

export async function buildPdf(deck: Deck, opts: PdfOptions): Promise<Uint8Array> {
  const { labels, signal } = opts;
  const check = () => {
    if (signal?.aborted) throw abortError();
  };
  check();
  const [W, H] = PDF_SIZES[opts.size] ?? PDF_SIZES['16:9'];
  const locale = safeLocale(labels.locale);
  const now = opts.now ?? new Date();
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(cachingFontkit);
  // Cut to what the deck prints (subset.ts says why not pdf-lib's own subsetting).
  const cps = deckCodePoints(deck, labels, [formatDate(now, locale)]);
  const [regTtf, boldTtf] = await timed('pdf:subset', () => [
    subsetTtf(opts.fonts.regular, cps),
    subsetTtf(opts.fonts.bold, cps),
  ]);
  check();
  const endEmbed = span('pdf:embed-fonts');
  const regular = await pdf.embedFont(regTtf, { subset: false });
  const bold = await pdf.embedFont(boldTtf, { subset: false });
  reuseFontStreams(regular);
  reuseFontStreams(bold);
  endEmbed();
  check();
  const ctx: Ctx = {
    pdf,
    deck,
    labels,
    locale,
    reg: new FontKit(regular),
    bold: new FontKit(bold),
    W,
    H,
  };

  const title = ctx.reg.clean(deck.title).replace(/\s+/g, ' ').trim();
  pdf.setTitle(title || labels.customerJourney, { showInWindowTitleBar: true });
  pdf.setSubject(labels.customerJourney);
  pdf.setCreator(labels.creator ?? 'Itinera');
  pdf.setProducer('Itinera (pdf-lib)');
  pdf.setLanguage(locale);
  pdf.setCreationDate(now);
  pdf.setModificationDate(now);

  const jobs: Array<() => void | Promise<unknown>> = [
    () => titlePage(ctx, now),
    () => timed('pdf:overview', () => overviewPages(ctx)),
    ...deck.stages.map((s) => () => stagePages(ctx, s)),
    ...(deck.stages.length ? [() => curvePage(ctx)] : []),
    ...(deck.strategy.hasContent ? [() => strategyPage(ctx)] : []),
  ];
  // Saving (font subsetting, compression) counts as two steps of the bar.
  const total = jobs.length + 2;
  let last = Date.now();
  const endPages = span('pdf:pages');
  let flushed = 0;
  for (const [i, job] of jobs.entries()) {
    check();
    await job();
    flushed = flushPages(ctx.pdf, flushed); // a job never draws on an earlier job's pages
    opts.onProgress?.(i + 1, total);
    // A new task every 24 ms at least (breathe.ts says why; one per page costs more time).
    if (Date.now() - last > 24) {
      await breathe();
      last = Date.now();
    }
  }
  drawFooters(ctx);
  flushPages(ctx.pdf, 0);
  endPages();
  check();
  await breathe();
  check();
  const bytes = await timed('pdf:save', () => pdf.save());
  check();
  opts.onProgress?.(total, total);
  return bytes;
}
