/**
 * A hook for the bench: builds the deck of `deck` in the current page (or in Node) with the
 * English labels and reports how long it took and how big the file is. The bench page calls it
 * with the deck of its generated map (`deckContent(snapshot)`) and, to count the font's cost,
 * the Inter TTF bytes.
 */
import type { Deck } from '../../model/deck';
import { ENGLISH_DECK_LABELS } from '../deckLabels';
import { buildPptx } from './buildPptx';

export interface PptxBenchResult {
  readonly ms: number;
  readonly bytes: number;
}

export async function benchPptx(
  deck: Deck,
  opts: { fontTtf?: Uint8Array; fontBoldTtf?: Uint8Array } = {},
): Promise<PptxBenchResult> {
  const started = performance.now();
  const out = await buildPptx(deck, { labels: ENGLISH_DECK_LABELS, ...opts });
  return { ms: performance.now() - started, bytes: out.byteLength };
}
