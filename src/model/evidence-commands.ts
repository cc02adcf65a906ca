/**
 * Setting how sure an item is (records/evidence.ts): a touchpoint, one of its pain points or
 * opportunities, a lane item. One transaction each; nothing written for an item that is gone.
 * A pain point's evidence sits at its index in `painPointEvidence`; when the list is edited,
 * `realignEvidence` moves each evidence with its item (updateTouchpoint).
 */
import * as Y from 'yjs';
import { gridItemsMap, touchpointsMap, writeFields, type YRecord } from './doc';
import { write } from './commands';
import { cleanEvidence, restoreEvidenceList } from './records/evidence';
import { EVIDENCE_LEVELS, type Evidence } from './types';

export type EvidenceTarget =
  | { readonly kind: 'touchpoint'; readonly id: string }
  | { readonly kind: 'painPoint' | 'opportunity'; readonly id: string; readonly index: number }
  | { readonly kind: 'laneItem'; readonly id: string };

/** The touchpoint field holding the evidence of each item of a list field. */
export const EVIDENCE_LIST_FIELD = {
  painPoint: { items: 'painPoints', evidence: 'painPointEvidence' },
  opportunity: { items: 'opportunities', evidence: 'opportunityEvidence' },
} as const;

function rec(map: Y.Map<YRecord>, id: string): YRecord | undefined {
  const r = map.get(id);
  return r instanceof Y.Map ? r : undefined;
}

/** A list with only nulls says nothing: stored as no list. */
const orNothing = (list: readonly (Evidence | null)[]) =>
  list.some((e) => e !== null) ? [...list] : undefined;

/** Sets (or, with undefined, clears) the evidence of one item. */
export function setEvidence(
  doc: Y.Doc,
  target: EvidenceTarget,
  evidence: Evidence | undefined,
): void {
  if (evidence !== undefined && !EVIDENCE_LEVELS.includes(evidence.level)) return;
  const value = evidence === undefined ? undefined : cleanEvidence(evidence);
  write(doc, () => {
    if (target.kind === 'laneItem' || target.kind === 'touchpoint') {
      const map = target.kind === 'laneItem' ? gridItemsMap(doc) : touchpointsMap(doc);
      const record = rec(map, target.id);
      if (record) writeFields(record, { evidence: value });
      return;
    }
    const record = rec(touchpointsMap(doc), target.id);
    if (!record) return;
    const field = EVIDENCE_LIST_FIELD[target.kind];
    const items: unknown = record.get(field.items);
    const count = Array.isArray(items) ? items.length : 0;
    if (!Number.isInteger(target.index) || target.index < 0 || target.index >= count) return;
    const list = [
      ...(restoreEvidenceList(record.get(field.evidence), field.evidence, count, []) ?? []),
    ];
    while (list.length <= target.index) list.push(null);
    list[target.index] = value ?? null;
    writeFields(record, { [field.evidence]: orNothing(list) });
  });
}

/**
 * The evidence of `before`'s items carried to `after`'s: an item keeps the evidence of an
 * equal item of `before` (the first one not taken yet), else, when the list kept its length
 * (one item retyped), the evidence at its own index. Undefined when none is left.
 */
export function realignEvidence(
  before: readonly string[],
  evidence: readonly (Evidence | null)[],
  after: readonly string[],
): (Evidence | null)[] | undefined {
  const taken = new Set<number>();
  const out = after.map(() => null as Evidence | null);
  after.forEach((item, i) => {
    const j = before.findIndex((b, k) => b === item && !taken.has(k));
    if (j >= 0) {
      taken.add(j);
      out[i] = evidence[j] ?? null;
    }
  });
  if (before.length === after.length)
    after.forEach((_, i) => {
      if (out[i] === null && !taken.has(i) && before[i] !== after[i]) {
        out[i] = evidence[i] ?? null;
        taken.add(i);
      }
    });
  return orNothing(out);
}
