/**
 * CSV import of touchpoints (docs/csv-format.md): a team edits the export in a spreadsheet and
 * brings it back. `planTouchpointsCsv` is pure: it reads the whole file against a snapshot and
 * either refuses it with every problem as `row N, column X: message`, or returns what to write.
 * `importTouchpointsCsv` is the command: it writes that plan in one LOCAL transaction (one undo
 * step), or nothing at all when the file changes nothing or is refused.
 *
 * Rules:
 * - Columns are found by header, in English or Italian, in any order; unknown columns are
 *   ignored (and named in the result); a BOM, an Excel `sep=` line, `,` `;` or tab separators
 *   are all read.
 * - A row whose ID is a touchpoint of the map updates it; any other row creates a touchpoint
 *   (with the row's ID when it is a usable one). Touchpoints not in the file are left alone:
 *   the import never deletes.
 * - A cell that reads as the export writes the current value changes nothing (so odd values
 *   such as an empty pain-point line survive a round trip); an edited cell is parsed and
 *   checked against the touchpoint limits. A column the file lacks leaves that field alone.
 * - Ends: the From/To IDs are kept when they name two nodes and the Stage, Channel and Device
 *   cells still read as those nodes' labels. Otherwise the row's two filled label cells name
 *   the ends: a label keeps the current end of that kind when it is that end's, else finds the
 *   one node of that kind with that label (exactly, then ignoring case), else a new node of
 *   that kind is created with that label (one per label, placed in its lane like a node added
 *   from the toolbar; a new stage goes last in the journey).
 */
import Papa from 'papaparse';
import type * as Y from 'yjs';
import { write } from '../commands';
import { newRecord, nodesMap, touchpointsMap, writeFields } from '../doc';
import { newId } from '../ids';
import { inLimit, MAX_ID_CHARS, MAX_LABEL_CHARS, MAX_NODES, MAX_TOUCHPOINTS } from '../limits';
import { LOCAL, type Origin } from '../origins';
import { placeNewNode } from '../placement';
import { readSnapshot } from '../read';
import { isId } from '../records/support/fields';
import { NODE_LIMITS } from '../records/node';
import { TOUCHPOINT_LIMITS } from '../records/touchpoint';
import type {
  ChannelType,
  DeviceType,
  Emotion,
  JourneyNode,
  MapSnapshot,
  StageNode,
  Touchpoint,
} from '../types';
import { CHANNEL_TYPES, DEVICE_TYPES } from '../types';
import {
  columnLetter,
  columnOfHeader,
  CSV_HEADERS,
  END_KINDS,
  headerKey,
  type CsvColumn,
  type EndKind,
} from './columns';
import {
  decimalMarkOf,
  endLabel,
  END_RANK,
  kpiNames,
  parseNumber,
  splitLines,
  unneutralise,
  type DecimalMark,
} from './cells';
import { cellText, type CellContext } from './export';
import { issue, quoted, type CsvErrorCode, type CsvErrorParams, type CsvIssue } from './errors';

export type { CsvIssue } from './errors';

/** What a successful import did. */
export interface CsvImportSummary {
  /** Touchpoints of the map that the file changed. */
  readonly updated: number;
  readonly created: number;
  /** Rows of touchpoints of the map that the file left as they were. */
  readonly unchanged: number;
  /** Nodes created for labels the map did not have, by kind. */
  readonly createdNodes: Readonly<Record<EndKind, number>>;
  /** Headers of columns the import does not know, as in the file (their cells were not read). */
  readonly ignoredColumns: readonly string[];
  /** The separator the file used. */
  readonly delimiter: string;
}

export type CsvImportResult =
  | ({ readonly ok: true } & CsvImportSummary)
  | { readonly ok: false; readonly errors: readonly CsvIssue[] };

/** A node the import creates (fields as `newRecord` stores them). */
interface NewNodeRecord {
  readonly id: string;
  readonly fields: Record<string, unknown>;
}

/** What to write: the result of a file that passed every check. */
export interface CsvPlan {
  readonly nodes: readonly NewNodeRecord[];
  readonly creates: readonly { readonly id: string; readonly fields: Record<string, unknown> }[];
  readonly updates: readonly { readonly id: string; readonly patch: Record<string, unknown> }[];
  readonly summary: CsvImportSummary;
}

export type CsvPlanResult =
  | { readonly ok: true; readonly plan: CsvPlan }
  | { readonly ok: false; readonly errors: readonly CsvIssue[] };

const DELIMITERS = [';', ',', '\t'] as const;
const FIELD_COLUMNS = [
  'action',
  'emotion',
  'painPoints',
  'opportunities',
  'owner',
  'volume',
  'kpis',
] as const satisfies readonly CsvColumn[];
type FieldColumn = (typeof FIELD_COLUMNS)[number];
/** The touchpoint field each field column writes. */
const FIELD_OF: Readonly<Record<FieldColumn, keyof Touchpoint>> = {
  action: 'action',
  emotion: 'emotion',
  painPoints: 'painPoints',
  opportunities: 'opportunities',
  owner: 'owner',
  volume: 'volume',
  kpis: 'kpiIds',
};

/** The file split into rows of cells, its separator, and its header row's columns. */
interface Table {
  readonly rows: readonly (readonly string[])[];
  readonly delimiter: string;
}

/** Counts a header row's known columns when split with `delimiter`. */
function knownColumns(text: string, delimiter: string): number {
  const first = Papa.parse<string[]>(text, { delimiter, preview: 1 }).data[0] ?? [];
  return first.filter((h) => columnOfHeader(h) !== undefined).length;
}

function readTable(input: string): Table | CsvIssue {
  let text = input.replace(/^\uFEFF/, '');
  let delimiter: string | undefined;
  const sep = /^sep=(.)\r?\n/i.exec(text);
  if (sep) {
    delimiter = sep[1];
    text = text.slice(sep[0].length);
  }
  if (text.trim() === '') return issue(1, 'A', 'empty');
  if (delimiter === undefined) {
    // Headers hold no line breaks: the first line is enough (and papaparse scans less).
    const end = text.search(/\r?\n/);
    const first = end < 0 ? text : text.slice(0, end);
    let best = 0;
    for (const d of DELIMITERS) {
      const n = knownColumns(first, d);
      if (n > best) [best, delimiter] = [n, d];
    }
    if (delimiter === undefined) return issue(1, 'A', 'noColumns');
  }
  const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false });
  const quote = parsed.errors.find((e) => e.type === 'Quotes');
  if (quote) {
    const row = parsed.data[quote.row ?? 0] ?? [];
    const header = parsed.data[0] ?? [];
    const at = Math.max(0, row.length - 1);
    return issue((quote.row ?? 0) + 1, header[at]?.trim() || columnLetter(at), 'unclosedQuote');
  }
  return { rows: parsed.data, delimiter };
}

/** Nodes of one kind by label, exact (trimmed) and ignoring case, planned ones included. */
class LabelIndex {
  private readonly exact = new Map<string, JourneyNode[]>();
  private readonly loose = new Map<string, JourneyNode[]>();
  add(node: JourneyNode): void {
    for (const [map, key] of [
      [this.exact, node.label.trim()],
      [this.loose, node.label.trim().toLowerCase()],
    ] as const) {
      const list = map.get(key);
      if (list) list.push(node);
      else map.set(key, [node]);
    }
  }
  /** The nodes called `label`: the exact matches when any, else those equal ignoring case. */
  find(label: string): readonly JourneyNode[] {
    return this.exact.get(label) ?? this.loose.get(label.toLowerCase()) ?? [];
  }
}

/** A created channel's or device's type, when its label is a type's name; else 'other'. */
const TYPE_WORDS: Readonly<Record<string, ChannelType | DeviceType>> = {
  telefono: 'phone',
  'call centre': 'phone',
  'call center': 'phone',
  'mobile app': 'app',
  'app mobile': 'app',
  'web chat': 'chat',
  'chat web': 'chat',
  whatsapp: 'messaging',
  messenger: 'messaging',
  telegram: 'messaging',
  sms: 'messaging',
  'e-mail': 'email',
  mail: 'email',
  sito: 'web',
  website: 'web',
  'sito web': 'web',
  negozio: 'store',
  social: 'social',
  'social network': 'social',
  pc: 'pc',
  computer: 'pc',
  desktop: 'pc',
  laptop: 'pc',
  tv: 'tv',
  chiosco: 'kiosk',
};
function typeOf<T extends string>(label: string, types: readonly T[]): T {
  const key = headerKey(label);
  if ((types as readonly string[]).includes(key)) return key as T;
  const word = TYPE_WORDS[key];
  return word !== undefined && (types as readonly string[]).includes(word)
    ? (word as T)
    : ('other' as T);
}

/** Plans the import of CSV `text` into the map of `snapshot` (see the file header). */
export function planTouchpointsCsv(snapshot: MapSnapshot, text: string): CsvPlanResult {
  const table = readTable(text);
  if (!('rows' in table)) return { ok: false, errors: [table] };
  const errors: CsvIssue[] = [];
  const header = table.rows[0] ?? [];
  const columnAt = new Map<CsvColumn, number>();
  const headerOf = (i: number) => header[i]?.trim() || columnLetter(i);
  const ignoredColumns: string[] = [];
  header.forEach((h, i) => {
    const column = columnOfHeader(h);
    if (column === undefined) {
      if (h.trim() !== '') ignoredColumns.push(h.trim());
    } else if (columnAt.has(column)) errors.push(issue(1, headerOf(i), 'duplicateColumn'));
    else columnAt.set(column, i);
  });
  if (columnAt.size === 0) return { ok: false, errors: [issue(1, 'A', 'noColumns')] };
  if (errors.length) return { ok: false, errors };
  const has = (c: CsvColumn) => columnAt.has(c);
  /** A column's header as in the file; the English one for a column the file lacks. */
  const colName = (c: CsvColumn) => (has(c) ? headerOf(columnAt.get(c)!) : CSV_HEADERS.en[c]);

  const mark: DecimalMark = decimalMarkOf(table.delimiter);
  const ctx: CellContext = { snapshot, kpiNames: kpiNames(snapshot.strategy.kpis), mark };

  // Lookups of the map as it is.
  const labels: Record<EndKind, LabelIndex> = {
    stage: new LabelIndex(),
    channel: new LabelIndex(),
    device: new LabelIndex(),
  };
  for (const n of snapshot.nodes) if (n.kind !== 'note') labels[n.kind].add(n);
  const kpiById = new Map(snapshot.strategy.kpis.map((k) => [k.id, k]));
  const kpisByName = new Map<string, string[]>();
  const kpisByLooseName = new Map<string, string[]>();
  for (const k of snapshot.strategy.kpis) {
    for (const [map, key] of [
      [kpisByName, k.name.trim()],
      [kpisByLooseName, k.name.trim().toLowerCase()],
    ] as const)
      if (key !== '') map.set(key, [...(map.get(key) ?? []), k.id]);
  }

  const placed: JourneyNode[] = [...snapshot.nodes];
  let stageOrder = Math.max(
    0,
    ...snapshot.nodes.filter((n): n is StageNode => n.kind === 'stage').map((s) => s.order),
  );
  const nodes: NewNodeRecord[] = [];
  const createdNodes: Record<EndKind, number> = { stage: 0, channel: 0, device: 0 };
  const creates: { id: string; fields: Record<string, unknown> }[] = [];
  const updates: { id: string; patch: Record<string, unknown> }[] = [];
  let unchanged = 0;
  const rowOfId = new Map<string, number>();
  let touchpointCount = snapshot.touchpoints.length;
  let dataRows = 0;

  for (let r = 1; r < table.rows.length; r++) {
    const cells = table.rows[r]!;
    const row = r + 1;
    if (cells.every((c) => c.trim() === '')) continue;
    if (++dataRows > MAX_TOUCHPOINTS) {
      const tooMany = issue(row, colName('id'), 'tooManyRows', { max: MAX_TOUCHPOINTS });
      return { ok: false, errors: [tooMany] };
    }
    const before = errors.length;
    const fail = (column: CsvColumn, code: CsvErrorCode, params?: CsvErrorParams) =>
      errors.push(issue(row, colName(column), code, params));
    for (let i = header.length; i < cells.length; i++)
      if (cells[i]!.trim() !== '') errors.push(issue(row, columnLetter(i), 'noHeader'));
    const cell = (c: CsvColumn): string | undefined => {
      const i = columnAt.get(c);
      return i === undefined ? undefined : unneutralise(cells[i] ?? '');
    };

    // The touchpoint this row is.
    const id = cell('id')?.trim() ?? '';
    let existing: Touchpoint | undefined;
    if (id !== '') {
      if (!isId(id, MAX_ID_CHARS)) fail('id', 'badId', { value: quoted(id), max: MAX_ID_CHARS });
      else if (rowOfId.has(id)) fail('id', 'duplicateId', { value: id, other: rowOfId.get(id)! });
      else {
        rowOfId.set(id, row);
        existing = snapshot.touchpointById.get(id);
      }
    }

    // Its ends.
    const ends = resolveEnds();
    function resolveEnds(): { from: string; to: string } | undefined {
      const fromId = cell('fromId')?.trim() ?? '';
      const toId = cell('toId')?.trim() ?? '';
      const byIds =
        fromId !== '' && toId !== '' && fromId !== toId
          ? [snapshot.nodeById.get(fromId), snapshot.nodeById.get(toId)]
          : undefined;
      const idEnds = byIds?.[0] && byIds[1] ? { from: byIds[0].id, to: byIds[1].id } : undefined;
      const ref = idEnds ?? (fromId === '' && toId === '' && existing ? existing : undefined);
      const filled = END_KINDS.filter((k) => (cell(k)?.trim() ?? '') !== '');
      const labelOf = (tp: Pick<Touchpoint, 'from' | 'to'>, k: EndKind) =>
        endLabel(snapshot, tp, k).trim();
      if (ref && END_KINDS.every((k) => !has(k) || cell(k)!.trim() === labelOf(ref, k)))
        return { from: ref.from, to: ref.to };
      if (filled.length === 0) {
        // No end named at all: an existing touchpoint keeps its ends.
        if (existing && fromId === '' && toId === '') return existing;
        if (fromId !== '' && toId !== '' && fromId === toId) fail('toId', 'sameNode');
        else if (fromId !== '' || toId !== '') {
          if (fromId !== '' && !snapshot.nodeById.has(fromId))
            fail('fromId', 'unknownNode', { value: quoted(fromId) });
          if (toId !== '' && !snapshot.nodeById.has(toId))
            fail('toId', 'unknownNode', { value: quoted(toId) });
          if (fromId === '' || toId === '') fail(fromId === '' ? 'fromId' : 'toId', 'ends');
        } else fail(firstEndColumn(), 'ends');
        return undefined;
      }
      if (filled.length !== 2) {
        fail(filled[0]!, 'ends');
        return undefined;
      }
      const current = ref ? [ref.from, ref.to].map((e) => snapshot.nodeById.get(e)) : [];
      const picked: string[] = [];
      for (const kind of filled) {
        const label = cell(kind)!.trim();
        const keep = current.find((n) => n?.kind === kind && n.label.trim() === label);
        if (keep) {
          picked.push(keep.id);
          continue;
        }
        const found = labels[kind].find(label);
        if (found.length > 1) fail(kind, 'ambiguousLabel', { value: quoted(label) });
        else if (found.length === 1) picked.push(found[0]!.id);
        else if (label.length > MAX_LABEL_CHARS) fail(kind, 'tooLong', { max: MAX_LABEL_CHARS });
        else picked.push(createNode(kind, label, row, colName(kind)));
      }
      if (picked.length !== 2) return undefined;
      // Lower rank first (stage → channel → device), unless the touchpoint ran the other way.
      const [a, b] = picked as [string, string];
      const reversed =
        existing !== undefined &&
        snapshot.nodeById.get(existing.from)?.kind === filled[1] &&
        snapshot.nodeById.get(existing.to)?.kind === filled[0];
      return END_RANK[filled[0]!] < END_RANK[filled[1]!] !== reversed
        ? { from: a, to: b }
        : { from: b, to: a };
    }
    function firstEndColumn(): CsvColumn {
      return (['stage', 'channel', 'device', 'fromId', 'toId'] as const).find(has) ?? 'id';
    }

    // Its fields.
    const values: Partial<Record<FieldColumn, unknown>> = {};
    for (const column of FIELD_COLUMNS) {
      const text = cell(column);
      if (text === undefined) continue;
      if (existing && text === cellText(existing, column, ctx)) continue;
      const parsed = parseField(column, text, existing);
      if (parsed.ok) values[column] = parsed.value;
      else fail(column, parsed.code, parsed.params);
    }
    if (errors.length > before) continue;
    if (ends === undefined) continue;

    if (existing) {
      const patch: Record<string, unknown> = {};
      if (ends.from !== existing.from || ends.to !== existing.to) Object.assign(patch, ends);
      for (const column of FIELD_COLUMNS) {
        if (!(column in values)) continue;
        const field = FIELD_OF[column];
        const value = values[column];
        if (JSON.stringify(value) !== JSON.stringify(existing[field])) patch[field] = value;
      }
      if (Object.keys(patch).length) updates.push({ id: existing.id, patch });
      else unchanged++;
    } else {
      if (++touchpointCount > MAX_TOUCHPOINTS) {
        fail('id', 'tooManyTouchpoints', { max: MAX_TOUCHPOINTS });
        continue;
      }
      const fields: Record<string, unknown> = { ...ends, action: '' };
      for (const column of FIELD_COLUMNS) {
        const value = values[column];
        if (value === undefined || (Array.isArray(value) && value.length === 0)) continue;
        fields[FIELD_OF[column]] = value;
      }
      // The row's id when it has one: a hidden touchpoint under it (an end deleted) is replaced.
      creates.push({ id: id !== '' ? id : newId('tp'), fields });
    }
  }

  function createNode(kind: EndKind, label: string, row: number, column: string): string {
    if (placed.length >= MAX_NODES) {
      errors.push(issue(row, column, 'tooManyNodes', { max: MAX_NODES }));
      return '';
    }
    const id = newId(kind === 'stage' ? 'stage' : kind === 'channel' ? 'ch' : 'dev');
    const at = placeNewNode(placed, kind, { x: 0, y: 0 });
    const fields: Record<string, unknown> = {
      kind,
      label,
      x: Math.round(at.x),
      y: Math.round(at.y),
    };
    if (kind === 'stage') fields.order = Math.min(++stageOrder, NODE_LIMITS.order.max);
    if (kind === 'channel') fields.channelType = typeOf(label, CHANNEL_TYPES);
    if (kind === 'device') fields.deviceType = typeOf(label, DEVICE_TYPES);
    const node = { id, ...fields } as unknown as JourneyNode;
    placed.push(node);
    labels[kind].add(node);
    nodes.push({ id, fields });
    createdNodes[kind]++;
    return id;
  }

  type Parsed =
    { ok: true; value: unknown } | { ok: false; code: CsvErrorCode; params?: CsvErrorParams };
  function parseField(column: FieldColumn, raw: string, existing?: Touchpoint): Parsed {
    const L = TOUCHPOINT_LIMITS;
    const text = raw.trim();
    switch (column) {
      case 'action':
        return text.length > L.action.chars
          ? { ok: false, code: 'tooLong', params: { max: L.action.chars } }
          : { ok: true, value: text };
      case 'owner':
        if (text.length > L.owner.chars)
          return { ok: false, code: 'tooLong', params: { max: L.owner.chars } };
        return { ok: true, value: text === '' ? undefined : text };
      case 'emotion': {
        if (text === '') return { ok: true, value: undefined };
        const n = parseNumber(text, mark);
        return n !== undefined && inLimit(n, L.emotion)
          ? { ok: true, value: n as Emotion }
          : { ok: false, code: 'badEmotion', params: { value: quoted(text) } };
      }
      case 'volume': {
        if (text === '') return { ok: true, value: undefined };
        const n = parseNumber(text, mark);
        if (n === undefined)
          return { ok: false, code: 'notNumber', params: { value: quoted(text) } };
        return inLimit(n, L.volume)
          ? { ok: true, value: n }
          : {
              ok: false,
              code: 'outOfRange',
              params: { value: quoted(text), min: L.volume.min, max: L.volume.max },
            };
      }
      case 'painPoints':
      case 'opportunities':
        return list(splitLines(raw), L[column]);
      case 'kpis': {
        const ids: string[] = [];
        for (const name of splitLines(raw)) {
          const exact = kpisByName.get(name);
          const loose = kpisByLooseName.get(name.toLowerCase());
          const found =
            exact?.length === 1
              ? exact[0]
              : kpiById.has(name)
                ? name
                : !exact && loose?.length === 1
                  ? loose[0]
                  : existing?.kpiIds.includes(name)
                    ? name
                    : undefined;
          if (found === undefined)
            return {
              ok: false,
              code: (exact ?? loose) ? 'ambiguousKpi' : 'unknownKpi',
              params: { value: quoted(name) },
            };
          if (!ids.includes(found)) ids.push(found);
        }
        return list(ids, L.kpiIds);
      }
    }
  }
  function list(items: string[], limit: { items: number; chars: number }): Parsed {
    if (items.length > limit.items)
      return { ok: false, code: 'tooManyItems', params: { max: limit.items } };
    const long = items.findIndex((s) => s.length > limit.chars);
    if (long >= 0)
      return { ok: false, code: 'itemTooLong', params: { line: long + 1, max: limit.chars } };
    return { ok: true, value: items };
  }

  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    plan: {
      nodes,
      creates,
      updates,
      summary: {
        updated: updates.length,
        created: creates.length,
        unchanged,
        createdNodes,
        ignoredColumns,
        delimiter: table.delimiter,
      },
    },
  };
}

/** Writes a plan in one transaction; nothing at all when it changes nothing. */
export function applyCsvPlan(doc: Y.Doc, plan: CsvPlan, origin: Origin = LOCAL): void {
  if (!plan.nodes.length && !plan.creates.length && !plan.updates.length) return;
  write(
    doc,
    () => {
      const nodeRecords = nodesMap(doc);
      for (const n of plan.nodes) nodeRecords.set(n.id, newRecord(n.fields));
      const tps = touchpointsMap(doc);
      for (const c of plan.creates) tps.set(c.id, newRecord(c.fields));
      for (const u of plan.updates) {
        const record = tps.get(u.id);
        if (record) writeFields(record, u.patch);
      }
    },
    origin,
  );
}

/**
 * The command: imports CSV `text` into the map of `doc` (see the file header). A refused file
 * changes nothing and returns every problem; an accepted one is one undo step.
 */
export function importTouchpointsCsv(
  doc: Y.Doc,
  text: string,
  origin: Origin = LOCAL,
): CsvImportResult {
  const snapshot = readSnapshot(doc);
  const result = planTouchpointsCsv(snapshot, text);
  if (!result.ok) return result;
  applyCsvPlan(doc, result.plan, origin);
  return { ok: true, ...result.plan.summary };
}
