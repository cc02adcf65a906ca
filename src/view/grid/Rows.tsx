/**
 * The grid's rows: the header row of stages (rename in place, move left or right) and one row
 * per shown lane, its header with the lane's title, lines of the service blueprint and the
 * lane's menu (rename, move, hide, delete). Memoized: a row renders again only when its lane,
 * the stages or one of its cells' data changed (cells.ts).
 */
import { memo, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import type { GridRow, LaneKey } from '../../model/grid';
import { LANE_LIMITS } from '../../model/records/lane';
import { CommentBadge } from '../comments/GridComments';
import { NODE_LIMITS } from '../../model/records/node';
import type { StageNode } from '../../model/types';
import { TypeIcon } from '../canvas/icons';
import { LANE_MIME, rowTitle, stageTitle, type GridApi } from './api';
import { cellFor, type PeerMark } from './Cells';
import { sameCells, sameList, type CellValue } from './cells';
import { MenuButton, type MenuItem } from './Menu';
import { sameSlots, type Slot } from './windowing';

/** A placeholder for the columns of `slot` left out (windowing.ts): their width, no content. */
function ColumnGap({ slot }: { slot: Extract<Slot, { gap: true }> }) {
  return <td aria-hidden="true" className="grid-gap" colSpan={slot.count} />;
}

/** A blueprint line drawn above a row. */
export type BlueprintLine = 'interaction' | 'visibility' | 'internal' | null;

/** The title input of a stage or lane being renamed: Enter or a click elsewhere commits. */
function RenameInput({
  initial,
  label,
  maxLength,
  onDone,
}: {
  initial: string;
  label: string;
  maxLength: number;
  onDone(value: string | null): void;
}) {
  const [value, setValue] = useState(initial);
  const done = useRef(false);
  const finish = (v: string | null) => {
    if (done.current) return;
    done.current = true;
    onDone(v);
  };
  return (
    <input
      type="text"
      className="grid-rename"
      aria-label={label}
      value={value}
      maxLength={maxLength}
      autoFocus
      onFocus={(e) => e.currentTarget.select()}
      onChange={(e) => setValue(e.target.value)}
      onBlur={() => finish(value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          e.stopPropagation();
          finish(value);
        } else if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          finish(null);
        }
        e.stopPropagation();
      }}
    />
  );
}

interface HeaderProps {
  readonly stages: readonly StageNode[];
  /** The stage columns rendered and the gaps between them. */
  readonly columns: readonly Slot[];
  readonly activeCol: number;
  readonly selected: ReadonlySet<string>;
  readonly renaming: string | null;
  readonly api: GridApi;
}

function sameHeader(a: HeaderProps, b: HeaderProps): boolean {
  return (
    a.activeCol === b.activeCol &&
    a.renaming === b.renaming &&
    a.api === b.api &&
    sameList(a.stages, b.stages) &&
    sameSlots(a.columns, b.columns) &&
    (a.selected === b.selected ||
      a.stages.every((s) => a.selected.has(s.id) === b.selected.has(s.id)))
  );
}

export const HeaderRow = memo(function HeaderRow(p: HeaderProps) {
  const { t, readOnly } = p.api;
  return (
    <tr role="row" className="grid-head-row" aria-rowindex={1}>
      <th
        role="columnheader"
        scope="col"
        className="grid-corner"
        data-r={0}
        data-c={0}
        aria-colindex={1}
        tabIndex={p.activeCol === 0 ? 0 : -1}
      >
        {t('corner')}
      </th>
      {p.columns.map((slot) => {
        if ('gap' in slot) return <ColumnGap key={`gap-${slot.first}`} slot={slot} />;
        const i = slot.index;
        const stage = p.stages[i]!;
        const title = stageTitle(stage.label, t);
        const renaming = p.renaming === stage.id;
        const items: MenuItem[] = [
          {
            label: t('stage.rename'),
            onSelect: () => p.api.startRename({ stage: stage.id }),
            keepFocus: true,
          },
          {
            label: t('stage.moveLeft'),
            onSelect: () => p.api.moveStage(stage.id, -1),
            disabled: i === 0,
          },
          {
            label: t('stage.moveRight'),
            onSelect: () => p.api.moveStage(stage.id, 1),
            disabled: i === p.stages.length - 1,
          },
          { label: t('stage.delete'), onSelect: () => p.api.deleteStage(stage.id) },
        ];
        return (
          <th
            key={stage.id}
            role="columnheader"
            scope="col"
            className={`grid-stage${p.selected.has(stage.id) ? ' is-selected' : ''}`}
            data-r={0}
            data-c={i + 1}
            aria-colindex={i + 2}
            data-stage={stage.id}
            tabIndex={p.activeCol === i + 1 ? 0 : -1}
            style={stage.color ? ({ '--stage-accent': stage.color } as CSSProperties) : undefined}
          >
            <div className="grid-stage-top">
              <span className="grid-stage-order" aria-hidden="true">
                {i + 1}
              </span>
              <CommentBadge anchor={{ kind: 'node', id: stage.id }} />
              {readOnly || renaming ? null : (
                <MenuButton
                  label={t('stage.options', { title })}
                  className="grid-menu-button"
                  items={items}
                  tabIndex={-1}
                >
                  <span aria-hidden="true">⋯</span>
                </MenuButton>
              )}
            </div>
            {renaming ? (
              <RenameInput
                initial={stage.label}
                label={t('stage.nameInput')}
                maxLength={NODE_LIMITS.label.chars}
                onDone={(v) => p.api.finishRename({ stage: stage.id }, v)}
              />
            ) : (
              <button
                type="button"
                tabIndex={-1}
                className="grid-stage-name"
                onClick={() => p.api.selectNode(stage.id)}
                onDoubleClick={() => !readOnly && p.api.startRename({ stage: stage.id })}
              >
                {title}
              </button>
            )}
          </th>
        );
      })}
    </tr>
  );
}, sameHeader);

interface RowProps {
  readonly row: GridRow;
  readonly r: number;
  readonly stages: readonly StageNode[];
  /** The stage columns rendered and the gaps between them. */
  readonly columns: readonly Slot[];
  /** The row's least height, px: the tallest it was drawn with this data (cells of columns left out count). */
  readonly minHeight: number | undefined;
  readonly cells: readonly CellValue[];
  readonly activeCol: number;
  readonly line: BlueprintLine;
  readonly first: boolean;
  readonly last: boolean;
  readonly renaming: boolean;
  readonly selected: ReadonlySet<string>;
  readonly peers: ReadonlyMap<string, PeerMark>;
  readonly api: GridApi;
  /** Under the lane's title (the Emotion lane's persona legend). */
  readonly legend?: ReactNode;
}

function sameRow(a: RowProps, b: RowProps): boolean {
  return (
    a.row.key === b.row.key &&
    a.row.title === b.row.title &&
    a.row.type === b.row.type &&
    a.row.channel === b.row.channel &&
    a.row.laneId === b.row.laneId &&
    a.r === b.r &&
    a.activeCol === b.activeCol &&
    a.line === b.line &&
    a.first === b.first &&
    a.last === b.last &&
    a.renaming === b.renaming &&
    a.selected === b.selected &&
    a.peers === b.peers &&
    a.api === b.api &&
    a.minHeight === b.minHeight &&
    a.legend === b.legend &&
    sameList(a.stages, b.stages) &&
    sameSlots(a.columns, b.columns) &&
    sameCells(a.cells, b.cells)
  );
}

const CONTENT = new Set(['frontstage', 'backstage', 'support', 'text']);

export const LaneRow = memo(function LaneRow(p: RowProps) {
  const { row, api } = p;
  const { t, readOnly } = api;
  const [dropping, setDropping] = useState(false);
  const title = rowTitle(row, t);
  const Cell = cellFor(row);
  const key: LaneKey = row.key;
  const items: MenuItem[] = [
    { label: t('lane.rename'), onSelect: () => api.startRename({ lane: key }), keepFocus: true },
    { label: t('lane.moveUp'), onSelect: () => api.moveLane(key, -1), disabled: p.first },
    { label: t('lane.moveDown'), onSelect: () => api.moveLane(key, 1), disabled: p.last },
    { label: t('lane.hide'), onSelect: () => api.hideLane(key) },
  ];
  if (row.laneId && CONTENT.has(row.type)) {
    const laneId = row.laneId;
    items.push({ label: t('lane.delete'), onSelect: () => api.deleteLane(laneId) });
  }
  const channel = row.channel;
  return (
    <tr
      role="row"
      className={`grid-row grid-row-${row.type}${p.line ? ` has-line line-${p.line}` : ''}`}
      data-key={row.key}
      aria-rowindex={p.r + 1}
      style={p.minHeight ? { height: p.minHeight } : undefined}
    >
      <th
        role="rowheader"
        scope="row"
        className={`grid-lane${dropping ? ' is-drop' : ''}${channel && p.selected.has(channel.id) ? ' is-selected' : ''}`}
        data-r={p.r}
        data-c={0}
        aria-colindex={1}
        tabIndex={p.activeCol === 0 ? 0 : -1}
        draggable={!readOnly && !p.renaming}
        onDragStart={(e) => {
          e.dataTransfer.setData(LANE_MIME, row.key);
          e.dataTransfer.effectAllowed = 'move';
        }}
        onDragOver={(e) => {
          if (readOnly || !e.dataTransfer.types.includes(LANE_MIME)) return;
          e.preventDefault();
          if (!dropping) setDropping(true);
        }}
        onDragLeave={() => setDropping(false)}
        onDrop={(e) => {
          setDropping(false);
          const from = e.dataTransfer.getData(LANE_MIME);
          if (!from || readOnly) return;
          e.preventDefault();
          api.dropLane(from as LaneKey, row.key);
        }}
      >
        {p.line ? (
          <span className={`grid-line-label line-${p.line}`}>{t(`line.${p.line}`)}</span>
        ) : null}
        <div className="grid-lane-head">
          {channel ? (
            <span className="grid-lane-icon" aria-hidden="true">
              <TypeIcon type={channel.channelType} size={16} />
            </span>
          ) : null}
          {p.renaming ? (
            <RenameInput
              initial={title}
              label={t('lane.titleInput')}
              maxLength={LANE_LIMITS.title.chars}
              onDone={(v) => api.finishRename({ lane: key }, v)}
            />
          ) : channel ? (
            <button
              type="button"
              tabIndex={-1}
              className="grid-lane-title grid-lane-title-button"
              onClick={() => api.selectNode(channel.id)}
              onDoubleClick={() => !readOnly && api.startRename({ lane: key })}
            >
              {title}
            </button>
          ) : (
            <span
              className="grid-lane-title"
              onDoubleClick={() => !readOnly && api.startRename({ lane: key })}
            >
              {title}
            </span>
          )}
          {readOnly || p.renaming ? null : (
            <MenuButton
              label={t('lane.options', { title })}
              className="grid-menu-button"
              items={items}
              tabIndex={-1}
            >
              <span aria-hidden="true">⋯</span>
            </MenuButton>
          )}
        </div>
        {p.legend ?? null}
      </th>
      {p.columns.map((slot) => {
        if ('gap' in slot) return <ColumnGap key={`gap-${slot.first}`} slot={slot} />;
        const i = slot.index;
        const stage = p.stages[i]!;
        return (
          <Cell
            key={stage.id}
            row={row}
            stage={stage}
            value={p.cells[i]!}
            r={p.r}
            c={i + 1}
            active={p.activeCol === i + 1}
            selected={p.selected}
            peers={p.peers}
            api={api}
          />
        );
      })}
    </tr>
  );
}, sameRow);
