/**
 * The cells of the grid, one component per lane type. Each is memoized on its own data (see
 * cells.ts): a remote edit re-renders the cells it touched, not the grid. Controls inside a
 * cell are out of the Tab order (tabIndex -1): the grid's roving focus reaches the cell, Enter
 * goes in (GridView).
 */
import {
  memo,
  useRef,
  useState,
  type DragEvent,
  type FocusEvent,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import type { GatheredText, GridRow } from '../../model/grid';
import { LANE_ITEM_LIMITS } from '../../model/records/lane-item';
import type { DeviceNode, Kpi, LaneItem, StageNode, Touchpoint } from '../../model/types';
import { TypeIcon } from '../canvas/icons';
import { CurveMarker } from '../canvas/curveStyles';
import { Face } from '../Face';
import { CellComments, CommentBadge } from '../comments/GridComments';
import {
  ITEM_MIME,
  rowTitle,
  stageTitle,
  TOUCHPOINT_MIME,
  type Direction,
  type GridApi,
} from './api';
import { cellIds, sameCell, sameMarks, type CellValue, type EmotionCell } from './cells';
import { useStore } from '../hooks/useStore';
import { dimClass } from '../personas/evidence';
import { evidenceUi } from '../personas/evidenceUi';
import { EvidenceMark } from '../personas/EvidenceMark';
import { EvidenceControls } from '../personas/ItemEvidence';
import { kpiTarget } from '../../model/strategy/kpiTarget';
import '../screen-reader.css';

export interface PeerMark {
  readonly color: string;
  readonly name: string;
}

export interface CellProps {
  readonly row: GridRow;
  readonly stage: StageNode;
  readonly value: CellValue;
  readonly r: number;
  readonly c: number;
  readonly active: boolean;
  readonly selected: ReadonlySet<string>;
  readonly peers: ReadonlyMap<string, PeerMark>;
  readonly api: GridApi;
}

/** Same lane as far as its cells care (rows are new objects with each snapshot). */
export function sameRowData(a: GridRow, b: GridRow): boolean {
  return (
    a === b ||
    (a.key === b.key &&
      a.title === b.title &&
      a.type === b.type &&
      a.channel === b.channel &&
      a.laneId === b.laneId)
  );
}

function sameCellProps(a: CellProps, b: CellProps): boolean {
  if (
    !sameRowData(a.row, b.row) ||
    a.stage !== b.stage ||
    a.r !== b.r ||
    a.c !== b.c ||
    a.active !== b.active ||
    a.api !== b.api ||
    !sameCell(a.value, b.value)
  )
    return false;
  if (a.selected === b.selected && a.peers === b.peers) return true;
  const ids = cellIds(a.value);
  return sameMarks(ids, a.selected, b.selected) && sameMarks(ids, a.peers, b.peers);
}

const ARROWS: Record<string, Direction> = {
  ArrowLeft: 'left',
  ArrowRight: 'right',
  ArrowUp: 'up',
  ArrowDown: 'down',
};

function Td({
  p,
  className,
  children,
  onDragOver,
  onDragLeave,
  onDrop,
}: {
  p: CellProps;
  className: string;
  children: ReactNode;
  onDragOver?: (e: DragEvent) => void;
  onDragLeave?: (e: DragEvent) => void;
  onDrop?: (e: DragEvent) => void;
}) {
  return (
    <td
      role="gridcell"
      className={`grid-cell ${className}`}
      data-r={p.r}
      data-c={p.c}
      aria-colindex={p.c + 1}
      tabIndex={p.active ? 0 : -1}
      onDragOver={onDragOver}
      onDragLeave={onDragLeave}
      onDrop={onDrop}
    >
      {children}
      <CellComments stageId={p.stage.id} laneKey={p.row.key} />
    </td>
  );
}

function peerStyle(mark: PeerMark | undefined) {
  return mark ? ({ '--peer-color': mark.color } as React.CSSProperties) : undefined;
}

/** Customer actions: the actions of the stage's touchpoints; a click selects the touchpoint. */
const ActionsCell = memo(function ActionsCell(p: CellProps) {
  const tps = p.value as readonly Touchpoint[];
  const assumedOnly = useStore(evidenceUi);
  return (
    <Td p={p} className="grid-cell-actions">
      {tps.length ? (
        <ul className="grid-list">
          {tps.map((tp) => (
            <li key={tp.id} className={dimClass(tp.evidence, assumedOnly).trim() || undefined}>
              <button
                type="button"
                tabIndex={-1}
                className={`grid-link${p.selected.has(tp.id) ? ' is-selected' : ''}`}
                onClick={() => p.api.selectTouchpoint(tp.id)}
              >
                {tp.action}
                {tp.evidence ? <span className="sr-only">, </span> : null}
                <EvidenceMark evidence={tp.evidence} />
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </Td>
  );
}, sameCellProps);

/** One touchpoint of a channel row: face, action, pain-point count, KPI marks. */
function Card({ tp, p, channelId }: { tp: Touchpoint; p: CellProps; channelId: string }) {
  const { text, readOnly } = p.api;
  const emotion = tp.emotion;
  const pains = tp.painPoints.filter((s) => s.trim()).length;
  const kpis = tp.kpiIds.length;
  const mark = p.peers.get(tp.id);
  const selected = p.selected.has(tp.id);
  const dim = dimClass(tp.evidence, useStore(evidenceUi));
  const emotionName =
    emotion === undefined ? text('cell.unrated') : text(`editor:emotion.${emotion}`);
  const onKey = (e: KeyboardEvent) => {
    if (readOnly) return;
    const dir = ARROWS[e.key];
    if (e.altKey && dir) {
      e.preventDefault();
      e.stopPropagation();
      p.api.moveCard(tp.id, p.stage.id, channelId, dir);
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      e.stopPropagation();
      p.api.deleteTouchpoint(tp.id);
    }
  };
  return (
    <li
      className={`grid-card${selected ? ' is-selected' : ''}${mark ? ' is-peer' : ''}${dim}`}
      data-tp={tp.id}
      style={peerStyle(mark)}
      draggable={!readOnly}
      onDragStart={(e) => {
        e.dataTransfer.setData(TOUCHPOINT_MIME, tp.id);
        e.dataTransfer.effectAllowed = 'move';
      }}
    >
      <button
        type="button"
        tabIndex={-1}
        className="grid-card-main"
        aria-keyshortcuts={
          readOnly ? undefined : 'Alt+ArrowLeft Alt+ArrowRight Alt+ArrowUp Alt+ArrowDown'
        }
        onClick={() => p.api.selectTouchpoint(tp.id)}
        onKeyDown={onKey}
      >
        <span className="grid-card-face" aria-hidden="true">
          {emotion === undefined ? (
            <span className="grid-face-unrated" />
          ) : (
            <Face emotion={emotion} size={20} />
          )}
        </span>
        <span className={`grid-card-action${tp.action.trim() ? '' : ' is-empty'}`}>
          {tp.action.trim() || text('cell.noAction')}
          {/* The name reads "action, emotion, 2 pain points, 1 KPI, peer". */}
          <span className="sr-only">, {emotionName}</span>
          {tp.evidence ? <span className="sr-only">, </span> : null}
          <EvidenceMark evidence={tp.evidence} />
        </span>
        {pains || kpis ? (
          <span className="grid-card-meta">
            {pains ? (
              <span className="grid-badge grid-badge-pain">
                <span className="sr-only">, </span>
                {text('cell.painCount', pains)}
              </span>
            ) : null}
            {kpis ? (
              <span className="grid-badge grid-badge-kpi">
                <span className="sr-only">, </span>
                {text('cell.kpiCount', kpis)}
              </span>
            ) : null}
          </span>
        ) : null}
        {mark ? <span className="sr-only">, {mark.name}</span> : null}
      </button>
      <CommentBadge anchor={{ kind: 'touchpoint', id: tp.id }} />
    </li>
  );
}

/** A channel row's cell: the touchpoints joining the stage and the channel, and Add touchpoint. */
const ChannelCell = memo(function ChannelCell(p: CellProps) {
  const tps = p.value as readonly Touchpoint[];
  const channel = p.row.channel;
  const [over, setOver] = useState(false);
  if (!channel)
    return (
      <Td p={p} className="grid-cell-channel">
        {null}
      </Td>
    );
  const { t, readOnly } = p.api;
  const canDrop = (e: DragEvent) => !readOnly && e.dataTransfer.types.includes(TOUCHPOINT_MIME);
  return (
    <Td
      p={p}
      className={`grid-cell-channel${tps.length ? '' : ' is-empty'}${over ? ' is-drop' : ''}`}
      onDragOver={(e) => {
        if (!canDrop(e)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'move';
        if (!over) setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        setOver(false);
        if (!canDrop(e)) return;
        e.preventDefault();
        const id = e.dataTransfer.getData(TOUCHPOINT_MIME);
        if (id) p.api.relink(id, p.stage.id, channel.id);
      }}
    >
      {tps.length ? (
        <ul className="grid-cards">
          {tps.map((tp) => (
            <Card key={tp.id} tp={tp} p={p} channelId={channel.id} />
          ))}
        </ul>
      ) : null}
      {readOnly ? null : (
        <button
          type="button"
          tabIndex={-1}
          className="grid-add"
          aria-label={p.api.fill('cell.addTouchpoint', {
            stage: stageTitle(p.stage.label, t),
            channel: rowTitle(p.row, t),
          })}
          onClick={() => p.api.addTouchpoint(p.stage.id, channel.id)}
        >
          <span aria-hidden="true">+</span>
        </button>
      )}
    </Td>
  );
}, sameCellProps);

const DevicesCell = memo(function DevicesCell(p: CellProps) {
  const devices = p.value as readonly DeviceNode[];
  return (
    <Td p={p} className="grid-cell-devices">
      {devices.length ? (
        <ul className="grid-list grid-chips">
          {devices.map((d) => (
            <li key={d.id}>
              <button
                type="button"
                tabIndex={-1}
                className={`grid-chip${p.selected.has(d.id) ? ' is-selected' : ''}`}
                onClick={() => p.api.selectNode(d.id)}
              >
                <TypeIcon type={d.deviceType} size={14} />
                {d.label.trim() || p.api.t('stage.untitled')}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </Td>
  );
}, sameCellProps);

/** Height of the curve's plot, percent of the cell: -2 at the bottom, +2 at the top. */
const yOf = (e: number) => 14 + ((2 - e) / 4) * 72;
const signed = (v: number) => (v > 0 ? '+' : v < 0 ? '−' : '') + Math.abs(v).toFixed(1);

/** How far apart persona lines that agree are drawn, px (about a plot unit). */
const PERSONA_OFFSET = 3;

/**
 * The Emotion lane: the curve through each stage's mean emotion, its face and value, and one
 * line per persona (personaLines.ts) in the canvas curve's styles.
 */
const EmotionCellView = memo(function EmotionCellView(p: CellProps) {
  const e = p.value as EmotionCell;
  const { t } = p.api;
  const described =
    e.mean === null
      ? t('cell.unrated')
      : `${t('cell.emotionMean', {
          value: signed(e.mean),
          name: t(`editor:emotion.${Math.max(-2, Math.min(2, Math.round(e.mean)))}`),
        })}, ${t('cell.ratings', { count: e.count })}, ${t('curveRange.range', {
          min: signed(e.min!),
          max: signed(e.max!),
        })}${e.worst ? `, ${t('curveRange.worst')}` : ''}`;
  const personaText = e.personas
    .map((l) => `. ${l.name}: ${l.mean === null ? t('cell.unrated') : signed(l.mean)}`)
    .join('');
  // Lines that agree would hide each other: each sits a little apart, by its place.
  const shift = (i: number) => (i - (e.personas.length - 1) / 2) * PERSONA_OFFSET;
  return (
    <Td p={p} className="grid-cell-emotion">
      <div className={e.personas.length ? 'grid-emotion has-personas' : 'grid-emotion'}>
        <svg
          className="grid-emotion-plot"
          viewBox="0 0 100 100"
          preserveAspectRatio="none"
          aria-hidden="true"
          focusable="false"
        >
          <line className="grid-emotion-zero" x1={0} x2={100} y1={yOf(0)} y2={yOf(0)} />
          {e.mean !== null && e.prev !== null ? (
            <line x1={0} y1={yOf((e.prev + e.mean) / 2)} x2={50} y2={yOf(e.mean)} />
          ) : null}
          {e.mean !== null && e.next !== null ? (
            <line x1={50} y1={yOf(e.mean)} x2={100} y2={yOf((e.next + e.mean) / 2)} />
          ) : null}
          {e.min !== null && e.max !== null && e.min !== e.max ? (
            <line className="grid-emotion-range" x1={50} x2={50} y1={yOf(e.max)} y2={yOf(e.min)} />
          ) : null}
          {e.personas.map((l, i) => (
            <g
              key={l.id}
              className="curve-persona grid-emotion-persona"
              data-testid="grid-persona-line"
              data-persona={l.id}
              transform={`translate(0, ${shift(i)})`}
              style={{ color: l.color }}
            >
              {l.mean !== null && l.prev !== null ? (
                <line
                  x1={0}
                  y1={yOf((l.prev + l.mean) / 2)}
                  x2={50}
                  y2={yOf(l.mean)}
                  strokeDasharray={l.style.dash}
                />
              ) : null}
              {l.mean !== null && l.next !== null ? (
                <line
                  x1={50}
                  y1={yOf(l.mean)}
                  x2={100}
                  y2={yOf((l.next + l.mean) / 2)}
                  strokeDasharray={l.style.dash}
                />
              ) : null}
            </g>
          ))}
        </svg>
        {e.personas.map((l, i) =>
          l.mean === null ? null : (
            // The marker in HTML: the plot is stretched, a marker drawn there would be too.
            <svg
              key={l.id}
              className="curve-persona grid-emotion-marker"
              width={12}
              height={12}
              style={{ color: l.color, top: `calc(${yOf(l.mean)}% + ${shift(i)}px)` }}
              aria-hidden="true"
              focusable="false"
            >
              <CurveMarker shape={l.style.marker} x={6} y={6} />
            </svg>
          ),
        )}
        {e.worst && e.min !== null ? (
          <span
            className="grid-emotion-worst"
            style={{ top: `${yOf(e.min)}%` }}
            aria-hidden="true"
            data-testid="grid-worst"
          >
            {t('curveRange.worstMark')} {signed(e.min)}
          </span>
        ) : null}
        {e.mean !== null ? (
          <span
            className="grid-emotion-point"
            style={{ top: `${yOf(e.mean)}%` }}
            aria-hidden="true"
          >
            <Face emotion={e.mean} size={22} />
            <span className="grid-emotion-value">{signed(e.mean)}</span>
          </span>
        ) : (
          <span className="grid-emotion-none" aria-hidden="true">
            {t('cell.unrated')}
          </span>
        )}
        <span className="sr-only">
          {described}
          {personaText}
        </span>
      </div>
    </Td>
  );
}, sameCellProps);

/** Pain points and opportunities of the stage's touchpoints; a click selects the source. */
const GatheredCell = memo(function GatheredCell(p: CellProps) {
  const list = p.value as readonly GatheredText[];
  const assumedOnly = useStore(evidenceUi);
  return (
    <Td p={p} className={`grid-cell-${p.row.type}`}>
      {list.length ? (
        <ul className="grid-list grid-bullets">
          {list.map((g, i) => (
            <li
              key={`${g.touchpointId}:${i}`}
              className={dimClass(g.evidence, assumedOnly).trim() || undefined}
            >
              <button
                type="button"
                tabIndex={-1}
                className={`grid-link${p.selected.has(g.touchpointId) ? ' is-selected' : ''}`}
                onClick={() => p.api.selectTouchpoint(g.touchpointId)}
              >
                {g.text}
                {g.evidence ? <span className="sr-only">, </span> : null}
                <EvidenceMark evidence={g.evidence} />
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </Td>
  );
}, sameCellProps);

const KpisCell = memo(function KpisCell(p: CellProps) {
  const kpis = p.value as readonly Kpi[];
  const { t } = p.api;
  return (
    <Td p={p} className="grid-cell-kpis">
      {kpis.length ? (
        <ul className="grid-list">
          {kpis.map((k) => (
            <li key={k.id} className="grid-kpi">
              <span className="grid-kpi-name">{k.name.trim() || '—'}</span>
              {typeof k.target === 'number' && Number.isFinite(k.target) ? (
                <span className="grid-kpi-target">
                  {t('cell.target', { target: kpiTarget(k.target, k.unit, p.api.language) })}
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </Td>
  );
}, sameCellProps);

/** An item being typed: Enter commits, Shift+Enter breaks the line, Escape cancels. */
function ItemEditor({
  initial,
  label,
  onCommit,
  onCancel,
  onDeleteEmpty,
  evidenceOf,
}: {
  initial: string;
  label: string;
  onCommit(text: string, viaEnter: boolean): void;
  onCancel(): void;
  onDeleteEmpty?(): void;
  /** An item already there: its evidence is set here too (Tab from the text reaches it). */
  evidenceOf?: LaneItem;
}) {
  const [text, setText] = useState(initial);
  const done = useRef(false);
  const finish = (f: () => void) => {
    if (done.current) return;
    done.current = true;
    f();
  };
  // With evidence controls, leaving the editor (not moving between its controls) commits.
  const commitOnLeave = (e: FocusEvent<HTMLElement>) => {
    if (e.currentTarget.contains(e.relatedTarget as Node | null)) return;
    finish(() => onCommit(text, false));
  };
  const input = (
    <textarea
      className="grid-item-input"
      aria-label={label}
      value={text}
      rows={1}
      maxLength={LANE_ITEM_LIMITS.text.chars}
      autoFocus
      onFocus={(e) => e.currentTarget.select()}
      onChange={(e) => setText(e.target.value)}
      onBlur={evidenceOf ? undefined : () => finish(() => onCommit(text, false))}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && !e.shiftKey) {
          e.preventDefault();
          e.stopPropagation();
          finish(() => onCommit(text, true));
        } else if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          finish(onCancel);
        } else if ((e.key === 'Backspace' || e.key === 'Delete') && text === '' && onDeleteEmpty) {
          e.preventDefault();
          e.stopPropagation();
          finish(onDeleteEmpty);
        }
      }}
    />
  );
  if (!evidenceOf) return input;
  return (
    <div
      className="grid-item-editor"
      onBlur={commitOnLeave}
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || e.target === e.currentTarget) return;
        e.preventDefault();
        e.stopPropagation();
        finish(onCancel);
      }}
    >
      {input}
      <div className="grid-item-evidence">
        <EvidenceControls
          item={evidenceOf.text}
          evidence={evidenceOf.evidence}
          target={{ kind: 'laneItem', id: evidenceOf.id }}
        />
      </div>
    </div>
  );
}

/** A content lane's cell: its items, typed in place, and Add item. */
const ItemsCell = memo(function ItemsCell(p: CellProps) {
  const items = p.value as readonly LaneItem[];
  const { t, readOnly } = p.api;
  const laneId = p.row.laneId;
  const [editing, setEditing] = useState<string | null>(null);
  const [over, setOver] = useState(false);
  const td = useRef<HTMLDivElement>(null);
  const assumedOnly = useStore(evidenceUi);
  if (!laneId)
    return (
      <Td p={p} className="grid-cell-items">
        {null}
      </Td>
    );
  const lane = rowTitle(p.row, t);
  const stage = stageTitle(p.stage.label, t);
  const backToCell = () =>
    requestAnimationFrame(() => (td.current?.closest('td') as HTMLElement | null)?.focus());
  const canDrop = (e: DragEvent) => !readOnly && e.dataTransfer.types.includes(ITEM_MIME);
  return (
    <Td
      p={p}
      className={`grid-cell-items${over ? ' is-drop' : ''}`}
      onDragOver={(e) => {
        if (!canDrop(e)) return;
        e.preventDefault();
        if (!over) setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        setOver(false);
        if (!canDrop(e)) return;
        e.preventDefault();
        const id = e.dataTransfer.getData(ITEM_MIME);
        if (id) p.api.moveItem(id, laneId, p.stage.id);
      }}
    >
      <div ref={td} className="grid-items">
        {items.length ? (
          <ul className="grid-list">
            {items.map((item, i) =>
              editing === item.id ? (
                <li key={item.id}>
                  <ItemEditor
                    initial={item.text}
                    label={p.api.fill('cell.itemInput', { lane, stage })}
                    evidenceOf={item}
                    onCommit={(text, viaEnter) => {
                      setEditing(null);
                      if (text.trim() === '') p.api.deleteItem(item.id);
                      else if (text !== item.text) p.api.updateItem(item.id, text);
                      if (viaEnter) backToCell();
                    }}
                    onCancel={() => {
                      setEditing(null);
                      backToCell();
                    }}
                    onDeleteEmpty={() => {
                      setEditing(null);
                      p.api.deleteItem(item.id);
                      backToCell();
                    }}
                  />
                </li>
              ) : (
                <li
                  key={item.id}
                  className={dimClass(item.evidence, assumedOnly).trim() || undefined}
                  draggable={!readOnly}
                  onDragStart={(e) => {
                    e.dataTransfer.setData(ITEM_MIME, item.id);
                    e.dataTransfer.effectAllowed = 'move';
                  }}
                >
                  {readOnly ? (
                    <span className="grid-item">
                      {item.text}
                      {item.evidence ? <span className="sr-only">, </span> : null}
                      <EvidenceMark evidence={item.evidence} />
                    </span>
                  ) : (
                    <button
                      type="button"
                      tabIndex={-1}
                      className="grid-item"
                      data-enter={i === 0 ? '' : undefined}
                      onClick={() => setEditing(item.id)}
                    >
                      {item.text}
                      {item.evidence ? <span className="sr-only">, </span> : null}
                      <EvidenceMark evidence={item.evidence} />
                    </button>
                  )}
                  <CommentBadge anchor={{ kind: 'laneItem', id: item.id }} />
                </li>
              ),
            )}
          </ul>
        ) : null}
        {editing === '' ? (
          <ItemEditor
            initial=""
            label={p.api.fill('cell.itemInput', { lane, stage })}
            onCommit={(text, viaEnter) => {
              if (text.trim() !== '') p.api.addItem(laneId, p.stage.id, text);
              // Enter goes on with the next item, as in a list; a click elsewhere stops.
              setEditing(null);
              if (viaEnter && text.trim() !== '') requestAnimationFrame(() => setEditing(''));
              else if (viaEnter) backToCell();
            }}
            onCancel={() => {
              setEditing(null);
              backToCell();
            }}
          />
        ) : readOnly ? null : (
          <button
            type="button"
            tabIndex={-1}
            className="grid-add grid-add-item"
            aria-label={p.api.fill('cell.addItem', { lane, stage })}
            data-enter={items.length ? undefined : ''}
            onClick={() => setEditing('')}
          >
            <span aria-hidden="true">+</span>
          </button>
        )}
      </div>
    </Td>
  );
}, sameCellProps);

/** The cell component of each lane type. */
export function cellFor(row: GridRow) {
  switch (row.type) {
    case 'actions':
      return ActionsCell;
    case 'channel':
      return ChannelCell;
    case 'devices':
      return DevicesCell;
    case 'emotion':
      return EmotionCellView;
    case 'painPoints':
    case 'opportunities':
      return GatheredCell;
    case 'kpis':
      return KpisCell;
    default:
      return ItemsCell;
  }
}
