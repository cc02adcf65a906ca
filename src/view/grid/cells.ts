/**
 * What each cell of a row shows, taken from the grid model (model/grid.ts), and how a row or a
 * cell tells that its data did not change: records keep their identity across snapshots when
 * unchanged, so shallow comparisons let a remote edit re-render only the cells it touched.
 */
import { meanEmotion, type GridModel, type GridRow, type GatheredText } from '../../model/grid';
import type { DeviceNode, Kpi, LaneItem, Touchpoint } from '../../model/types';
import { worstMoment } from '../../model/emotion';
import type { CurveStyle } from '../canvas/curveStyles';
import type { PersonaLane } from './personaLines';

/** One persona's line through an Emotion cell (personaLines.ts). */
export interface PersonaEmotion {
  readonly id: string;
  readonly name: string;
  readonly color: string;
  readonly style: CurveStyle;
  readonly mean: number | null;
  readonly prev: number | null;
  readonly next: number | null;
}

export interface EmotionCell {
  readonly mean: number | null;
  /** The neighbouring stages' means, for the curve's halves on each side. */
  readonly prev: number | null;
  readonly next: number | null;
  readonly count: number;
  /** The stage's lowest and highest rating (null when unrated). */
  readonly min: number | null;
  readonly max: number | null;
  /** The journey's worst moment is at this stage (model/emotion.ts `worstMoment`). */
  readonly worst: boolean;
  /** Each persona's line through the cell (none when the map has no personas). */
  readonly personas: readonly PersonaEmotion[];
}

export type CellValue =
  | readonly Touchpoint[]
  | readonly DeviceNode[]
  | readonly GatheredText[]
  | readonly Kpi[]
  | readonly LaneItem[]
  | EmotionCell;

const NONE: readonly never[] = [];

/** The cells of `row`, one per stage in order. */
export function rowCells(
  row: GridRow,
  model: GridModel,
  personas: readonly PersonaLane[] = NONE,
): CellValue[] {
  const cols = model.stages.map((s) => model.columns.get(s.id));
  switch (row.type) {
    case 'actions':
      return cols.map((c) => c?.touchpoints.filter((tp) => tp.action.trim() !== '') ?? NONE);
    case 'channel':
      return cols.map((c) => (row.channel && c?.byChannel.get(row.channel.id)) || NONE);
    case 'devices':
      return cols.map((c) => c?.devices ?? NONE);
    case 'painPoints':
      return cols.map((c) => c?.painPoints ?? NONE);
    case 'opportunities':
      return cols.map((c) => c?.opportunities ?? NONE);
    case 'kpis':
      return cols.map((c) => c?.kpis ?? NONE);
    case 'emotion': {
      const means = cols.map((c) => (c ? meanEmotion(c.emotions) : null));
      const ranges = cols.map((c) =>
        c && c.emotions.length
          ? { min: Math.min(...c.emotions), max: Math.max(...c.emotions) }
          : { min: null, max: null },
      );
      const worst = worstMoment(ranges);
      return cols.map((c, i) => ({
        mean: means[i] ?? null,
        prev: means[i - 1] ?? null,
        next: means[i + 1] ?? null,
        count: c?.emotions.length ?? 0,
        ...ranges[i]!,
        worst: worst === i,
        personas: personas.map((p) => ({
          id: p.id,
          name: p.name,
          color: p.color,
          style: p.style,
          mean: p.means[i] ?? null,
          prev: p.means[i - 1] ?? null,
          next: p.means[i + 1] ?? null,
        })),
      }));
    }
    default:
      return cols.map((c) => (row.laneId && c?.items.get(row.laneId)) || NONE);
  }
}

const isGathered = (v: unknown): v is GatheredText =>
  typeof v === 'object' && v !== null && 'touchpointId' in v && 'text' in v;

/** Same data for a cell: same records (or gathered texts with the same text and source). */
export function sameCell(a: CellValue, b: CellValue): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) {
      const x: unknown = a[i];
      const y: unknown = b[i];
      if (x === y) continue;
      if (
        isGathered(x) &&
        isGathered(y) &&
        x.text === y.text &&
        x.touchpointId === y.touchpointId &&
        x.evidence?.level === y.evidence?.level &&
        x.evidence?.source === y.evidence?.source
      )
        continue;
      return false;
    }
    return true;
  }
  if (Array.isArray(a) || Array.isArray(b)) return false;
  const e = a as EmotionCell;
  const f = b as EmotionCell;
  return (
    e.mean === f.mean &&
    e.prev === f.prev &&
    e.next === f.next &&
    e.count === f.count &&
    e.min === f.min &&
    e.max === f.max &&
    e.worst === f.worst &&
    e.personas.length === f.personas.length &&
    e.personas.every((x, i) => {
      const y = f.personas[i]!;
      return (
        x.id === y.id &&
        x.name === y.name &&
        x.color === y.color &&
        x.style.dash === y.style.dash &&
        x.style.marker === y.style.marker &&
        x.mean === y.mean &&
        x.prev === y.prev &&
        x.next === y.next
      );
    })
  );
}

export function sameCells(a: readonly CellValue[], b: readonly CellValue[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!sameCell(a[i]!, b[i]!)) return false;
  return true;
}

export function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The ids a cell's entries refer to (for its selection and peers' marks). */
export function cellIds(value: CellValue): string[] {
  if (!Array.isArray(value)) return [];
  return (value as readonly unknown[]).map((v) =>
    isGathered(v) ? v.touchpointId : (v as { id: string }).id,
  );
}

/** Does a change from `a` to `b` of a set of marked ids matter to a cell with `ids`? */
export function sameMarks<T>(
  ids: readonly string[],
  a: ReadonlySet<string> | ReadonlyMap<string, T>,
  b: ReadonlySet<string> | ReadonlyMap<string, T>,
): boolean {
  if (a === b) return true;
  for (const id of ids) {
    const x = a instanceof Map ? a.get(id) : a.has(id);
    const y = b instanceof Map ? b.get(id) : b.has(id);
    if (x !== y) return false;
  }
  return true;
}
