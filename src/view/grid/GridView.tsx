/**
 * The Grid view: the map as practitioners read it, stages as columns and lanes as rows
 * (model/grid.ts), editing the same doc through the same commands as the canvas. An ARIA grid
 * (a table with role="grid"): one cell has tabindex 0 (roving focus), arrow keys, Home/End
 * (Ctrl for the corners) and PageUp/PageDown move it, Enter goes into the cell (or edits a
 * lane item), Escape comes back, Tab stays inside a cell while in it; Alt+arrows move a card
 * (relink), a lane (row header) or a stage (column header).
 */
import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { gridModel, type GridModel, type LaneKey } from '../../model/grid';
import { placeNewNode } from '../../model/placement';
import { channelLaneKey } from '../../model/records/lane-setting';
import type { ContentLaneType, MapSnapshot } from '../../model/types';
import type { Selection } from '../canvas/selection';
import { useSession } from '../canvas/SessionContext';
import { focusInspectorField } from '../panels/focusField';
import { usePeers } from '../hooks/usePeers';
import { cachedTexts, type Direction, type GridApi, type Renaming } from './api';
import type { PeerMark } from './Cells';
import { rowCells } from './cells';
import { personaLanes } from './personaLines';
import { CurveLegend } from '../canvas/curveStyles';
import { useFocusedPersona } from '../personas/personasUi';
import { dropLaneKeys, insertLaneKey, moveLaneKeys, moveStageIds } from './laneOrder';
import { GridToolbar } from './GridToolbar';
import { useGridReveal } from '../comments/useGridReveal';
import { HeaderRow, LaneRow, type BlueprintLine } from './Rows';
import { useGridWindow } from './useGridWindow';
import './grid.css';
import '../screen-reader.css';

interface Props {
  readonly snapshot: MapSnapshot;
  readonly selection: Selection;
  readonly select: (next: Selection) => void;
  /**
   * Render every row and column (a picture copies the grid's DOM), not only those on screen.
   * The table says `data-complete="true"` once nothing is left out.
   */
  readonly renderAll?: boolean;
}

const EMPTY_MODEL: GridModel = { stages: [], rows: [], visibleRows: [], columns: new Map() };

/** The grid model, or an empty one if the snapshot is beyond repair (the boundary logs it). */
function safeModel(snapshot: MapSnapshot): GridModel {
  try {
    return gridModel(snapshot);
  } catch (error) {
    console.error('itinera: the grid could not read this map', error);
    return EMPTY_MODEL;
  }
}

const FOCUSABLE = 'button:not(:disabled), input, textarea, select, [tabindex]';

/** The focusable controls inside a cell (not the cell itself). */
function controlsIn(cell: HTMLElement): HTMLElement[] {
  return [...cell.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (el) => el !== cell && !el.closest('[role="menu"]'),
  );
}

/** Where the focus goes after the next render (a row or stage that moved, a new card). */
type PendingFocus =
  | { lane: LaneKey; c: number }
  | { stage: string }
  | { card: string }
  /** `again`: already waited one render for the cell to be rendered. */
  | { cell: [number, number]; again?: true };

export function GridView({ snapshot, selection, select, renderAll = false }: Props) {
  const session = useSession();
  const { t, i18n } = useTranslation('grid');
  const readOnly = session.readOnlyReason !== null;
  const model = useMemo(() => safeModel(snapshot), [snapshot]);
  const modelRef = useRef(model);
  modelRef.current = model;
  const rootRef = useRef<HTMLTableElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const helpId = useId();
  const [active, setActive] = useState<{ r: number; c: number }>({ r: 1, c: 1 });
  const activeRef = useRef(active);
  activeRef.current = active;
  // Has a cell had the focus (so "below the focused row" means something)?
  const touched = useRef(false);
  const [renaming, setRenaming] = useState<Renaming | null>(null);
  const pending = useRef<PendingFocus | null>(null);
  useGridReveal(rootRef);

  const peers = usePeers(session);
  // Peers' cursors move all the time; the marks change only with what they select.
  const peersRef = useRef(peers);
  peersRef.current = peers;
  const peerKey = peers
    .map((p) => `${p.color}|${p.name}|${(p.selection ?? []).join(',')}`)
    .join(';');
  const peerMarks = useMemo(() => {
    const marks = new Map<string, PeerMark>();
    for (const p of peersRef.current)
      for (const id of p.selection ?? [])
        if (!marks.has(id)) marks.set(id, { color: p.color, name: p.name });
    return marks;
  }, [peerKey]); // eslint-disable-line react-hooks/exhaustive-deps
  const selected = useMemo(
    () => new Set([...selection.nodes, ...selection.touchpoints]),
    [selection],
  );

  const { stages, visibleRows } = model;
  // The Emotion lane's persona lines, the canvas curve's values and styles (personaLines.ts).
  const { t: tp } = useTranslation('personas');
  const personas = snapshot.personas;
  const focus = useFocusedPersona(useMemo(() => personas.map((p) => p.id), [personas]));
  const lanes = useMemo(
    () => personaLanes(snapshot, personas, stages, focus, tp('unnamed')),
    [snapshot, personas, stages, focus, tp],
  );
  const legend = useMemo(
    () =>
      lanes.length === 0 ? null : (
        <CurveLegend
          className="grid-curve-legend"
          label={tp('curve.legend')}
          overall={focus === null ? tp('curve.overall') : null}
          items={lanes.map((l) => ({ id: l.id, name: l.name, color: l.color, style: l.style }))}
        />
      ),
    [lanes, focus, tp],
  );
  const cells = useMemo(
    () => visibleRows.map((row) => rowCells(row, model, lanes)),
    [visibleRows, model, lanes],
  );
  const hiddenRows = useMemo(() => model.rows.filter((r) => r.hidden), [model.rows]);
  const lines = useMemo(() => {
    const seen = new Set<string>();
    return visibleRows.map((row): BlueprintLine => {
      const line =
        row.type === 'frontstage'
          ? 'interaction'
          : row.type === 'backstage'
            ? 'visibility'
            : row.type === 'support'
              ? 'internal'
              : null;
      if (!line || seen.has(line)) return null;
      seen.add(line);
      return line;
    });
  }, [visibleRows]);

  // The active cell, kept inside the grid as rows and stages come and go.
  const ar = Math.min(active.r, visibleRows.length);
  const ac = Math.min(active.c, stages.length);
  // Ready for whoever measures (the bench) once the first rows are in the DOM.
  const empty = stages.length === 0;

  const renamingStage = renaming && 'stage' in renaming ? renaming.stage : null;
  const renamingLane = renaming && 'lane' in renaming ? renaming.lane : null;
  const { rowSlots, columns, minHeights, complete, onScroll } = useGridWindow({
    rootRef,
    scrollRef,
    stages,
    rows: visibleRows,
    cells,
    lines,
    active: { r: ar, c: ac },
    renamingLane,
    renamingStage,
    renderAll,
  });

  /**
   * Focuses a cell; one left out of the window is made the active cell (always rendered) and
   * focused after that render, which scrolls it into view.
   */
  const focusCell = useCallback((r: number, c: number, retry = true) => {
    const el = rootRef.current?.querySelector<HTMLElement>(`[data-r="${r}"][data-c="${c}"]`);
    if (el) {
      setActive({ r, c });
      el.focus();
      return;
    }
    if (!retry) return;
    pending.current = { cell: [r, c], again: true };
    setActive({ r, c });
  }, []);

  const api = useMemo<GridApi>(() => {
    const cmd = session.commands;
    const model = () => modelRef.current;
    const selectTouchpoint = (id: string) =>
      select({ nodes: new Set(), touchpoints: new Set([id]) });
    const selectNode = (id: string) => select({ nodes: new Set([id]), touchpoints: new Set() });
    const reorderLanes = (keys: LaneKey[] | null) => {
      if (keys) cmd.reorderLanes(keys);
    };
    const newNode = (kind: 'stage' | 'channel') => {
      const snap = session.map.getSnapshot();
      const at = placeNewNode(snap.nodes, kind, { x: 0, y: 0 });
      return cmd.addNode({ kind, label: t(`newLabel.${kind}`), ...at });
    };
    return {
      readOnly,
      t,
      ...cachedTexts(t),
      language: i18n.language,
      selectTouchpoint,
      selectNode,
      addTouchpoint(stageId, channelId) {
        const id = cmd.addTouchpoint({ from: stageId, to: channelId });
        if (!id) return;
        selectTouchpoint(id);
        focusInspectorField('action', id);
      },
      relink(id, stageId, channelId) {
        cmd.relinkTouchpoint(id, { stageId, channelId });
      },
      moveCard(id, stageId, channelId, dir: Direction) {
        const m = model();
        let s = m.stages.findIndex((x) => x.id === stageId);
        const channels = m.visibleRows.filter((r) => r.channel).map((r) => r.channel!.id);
        let ch = channels.indexOf(channelId);
        if (dir === 'left') s -= 1;
        else if (dir === 'right') s += 1;
        else if (dir === 'up') ch -= 1;
        else ch += 1;
        const stage = m.stages[s];
        const channel = channels[ch];
        if (!stage || !channel) return;
        pending.current = { card: id };
        // The cell it goes to becomes the active one, so it is rendered.
        const r = m.visibleRows.findIndex((row) => row.channel?.id === channel);
        setActive({ r: r + 1, c: s + 1 });
        cmd.relinkTouchpoint(id, { stageId: stage.id, channelId: channel });
      },
      deleteTouchpoint(id) {
        cmd.deleteItems({ touchpointIds: [id] });
        select({ nodes: new Set(), touchpoints: new Set() });
      },
      addItem(laneId, stageId, text) {
        cmd.addLaneItem({ laneId, stageId, text });
      },
      updateItem(id, text) {
        cmd.updateLaneItem(id, { text });
      },
      deleteItem(id) {
        cmd.deleteLaneItems([id]);
      },
      moveItem(id, laneId, stageId) {
        const m = model();
        const list = m.columns.get(stageId)?.items.get(laneId) ?? [];
        if (list.some((i) => i.id === id)) return;
        const last = list.length ? list[list.length - 1]!.order : 0;
        cmd.moveLaneItem(id, { laneId, stageId, order: last + 1 });
      },
      moveLane(key, delta) {
        const keys = moveLaneKeys(model().rows, key, delta);
        if (!keys) return;
        pending.current = { lane: key, c: 0 };
        reorderLanes(keys);
      },
      dropLane(key, target) {
        reorderLanes(dropLaneKeys(model().rows, key, target));
      },
      hideLane(key) {
        cmd.setLaneHidden(key, true);
        const r = activeRef.current.r;
        pending.current = { cell: [Math.max(1, Math.min(r, model().visibleRows.length - 1)), 0] };
      },
      deleteLane(laneId) {
        cmd.deleteLane(laneId);
        const r = activeRef.current.r;
        pending.current = { cell: [Math.max(1, Math.min(r, model().visibleRows.length - 1)), 0] };
      },
      startRename(target) {
        setRenaming(target);
      },
      finishRename(target, value) {
        setRenaming(null);
        if ('stage' in target) {
          pending.current = { stage: target.stage };
          const v = value?.trim();
          if (v) cmd.updateNode(target.stage, { label: v });
          return;
        }
        pending.current = { lane: target.lane, c: 0 };
        const row = model().rows.find((r) => r.key === target.lane);
        const v = value?.trim();
        if (!row || value === null || v === undefined) return;
        if (row.type === 'channel') {
          if (v && v !== row.title) cmd.renameLane(row.key, v);
          return;
        }
        // The type's name stays '' (it follows the UI language).
        const next = v === t(`laneType.${row.type}`) ? '' : v;
        if (next !== row.title) cmd.renameLane(row.key, next);
      },
      moveStage(id, delta) {
        const ids = moveStageIds(
          model().stages.map((s) => s.id),
          id,
          delta,
        );
        if (!ids) return;
        pending.current = { stage: id };
        cmd.reorderStages(ids);
      },
      deleteStage(id) {
        cmd.deleteItems({ nodeIds: [id] });
        select({ nodes: new Set(), touchpoints: new Set() });
      },
      addLane(type: ContentLaneType) {
        const m = model();
        const r = touched.current ? activeRef.current.r : 0;
        let anchor = (r >= 1 ? m.visibleRows[r - 1] : undefined) ?? m.visibleRows.at(-1);
        // Below a channel: after the channels, not between two of them.
        if (anchor?.type === 'channel') {
          const rows = m.visibleRows;
          let i = rows.indexOf(anchor);
          while (rows[i + 1]?.type === 'channel') i += 1;
          anchor = rows[i];
        }
        const id = cmd.addLane({ type, order: anchor?.order ?? 1000 });
        if (!id) return;
        const key: LaneKey = `lane:${id}`;
        reorderLanes(insertLaneKey(m.rows, key, anchor?.key ?? null));
        setRenaming({ lane: key });
      },
      showLane(key) {
        cmd.setLaneHidden(key, false);
        pending.current = { lane: key, c: 0 };
      },
      addStage() {
        const id = newNode('stage');
        selectNode(id);
        setRenaming({ stage: id });
      },
      addChannel() {
        const id = newNode('channel');
        selectNode(id);
        setRenaming({ lane: channelLaneKey(id) });
      },
    };
    // i18n.language: the same t function translates into a new language.
  }, [session, select, readOnly, t, i18n.language]);

  // Focus what moved, once it is drawn where it went.
  useLayoutEffect(() => {
    const want = pending.current;
    const root = rootRef.current;
    if (!want || !root) return;
    pending.current = null;
    if ('card' in want) {
      const card = root.querySelector<HTMLElement>(`[data-tp="${CSS.escape(want.card)}"] button`);
      card?.focus();
    } else if ('lane' in want) {
      const r = visibleRows.findIndex((row) => row.key === want.lane);
      if (r >= 0) focusCell(r + 1, want.c);
    } else if ('stage' in want) {
      const c = stages.findIndex((s) => s.id === want.stage);
      if (c >= 0) focusCell(0, c + 1);
    } else focusCell(want.cell[0], want.cell[1], !want.again);
  });
  useEffect(() => {
    rootRef.current?.setAttribute('data-ready', 'true');
  }, [empty]);

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    const target = e.target as HTMLElement;
    const cell = target.closest<HTMLElement>('[data-r]');
    if (!cell || !rootRef.current?.contains(cell)) return;
    const r = Number(cell.dataset.r);
    const c = Number(cell.dataset.c);
    const onCell = target === cell;
    const arrow = e.key.startsWith('Arrow');
    if (e.altKey && arrow && !readOnly) {
      if (c === 0 && r > 0 && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
        const row = visibleRows[r - 1];
        if (row) api.moveLane(row.key, e.key === 'ArrowUp' ? -1 : 1);
      } else if (r === 0 && c > 0 && (e.key === 'ArrowLeft' || e.key === 'ArrowRight')) {
        const stage = stages[c - 1];
        if (stage) api.moveStage(stage.id, e.key === 'ArrowLeft' ? -1 : 1);
      } else return;
      e.preventDefault();
      e.stopPropagation();
      return;
    }
    if (!onCell) {
      if (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA') return;
      if (e.key === 'Escape') {
        e.preventDefault();
        e.stopPropagation();
        cell.focus();
      } else if (e.key === 'Tab') {
        // Inside a cell, Tab goes round its controls (the grid pattern); Escape leaves.
        const list = controlsIn(cell);
        if (list.length === 0) return;
        e.preventDefault();
        const i = list.indexOf(target);
        const next = e.shiftKey ? (i - 1 + list.length) % list.length : (i + 1) % list.length;
        list[next]!.focus();
      } else if (arrow) e.stopPropagation();
      return;
    }
    const lastR = visibleRows.length;
    const lastC = stages.length;
    let nr = r;
    let nc = c;
    switch (e.key) {
      case 'ArrowRight':
        nc = Math.min(lastC, c + 1);
        break;
      case 'ArrowLeft':
        nc = Math.max(0, c - 1);
        break;
      case 'ArrowDown':
        nr = Math.min(lastR, r + 1);
        break;
      case 'ArrowUp':
        nr = Math.max(0, r - 1);
        break;
      case 'Home':
        nc = 0;
        if (e.ctrlKey) nr = 0;
        break;
      case 'End':
        nc = lastC;
        if (e.ctrlKey) nr = lastR;
        break;
      case 'PageDown':
        nr = Math.min(lastR, r + 5);
        break;
      case 'PageUp':
        nr = Math.max(0, r - 5);
        break;
      case 'F2':
      case 'Enter': {
        e.preventDefault();
        e.stopPropagation();
        if (e.key === 'F2' || (r === 0 && c > 0)) {
          if (readOnly) return;
          if (r === 0 && c > 0 && stages[c - 1])
            return api.startRename({ stage: stages[c - 1]!.id });
          if (c === 0 && r > 0 && visibleRows[r - 1])
            return api.startRename({ lane: visibleRows[r - 1]!.key });
        }
        const enter = cell.querySelector<HTMLElement>('[data-enter]');
        if (enter) enter.click();
        else controlsIn(cell)[0]?.focus();
        return;
      }
      default:
        return;
    }
    e.preventDefault();
    e.stopPropagation();
    focusCell(nr, nc);
  };

  const onFocus = (e: React.FocusEvent<HTMLElement>) => {
    const cell = (e.target as HTMLElement).closest<HTMLElement>('[data-r]');
    if (!cell) return;
    touched.current = true;
    const r = Number(cell.dataset.r);
    const c = Number(cell.dataset.c);
    if (r !== activeRef.current.r || c !== activeRef.current.c) setActive({ r, c });
  };

  const hasChannels = model.rows.some((r) => r.type === 'channel');

  return (
    <div className="grid-view">
      <GridToolbar hidden={hiddenRows} selection={selection} select={select} api={api} />
      {stages.length === 0 ? (
        <div className="grid-empty" role="note">
          <p>{t('empty.noStages')}</p>
          {readOnly ? null : (
            <button type="button" className="primary" onClick={api.addStage}>
              {t('toolbar.addStage')}
            </button>
          )}
        </div>
      ) : (
        <div
          ref={scrollRef}
          className="grid-scroll"
          data-testid="journey-grid-scroll"
          onScroll={onScroll}
        >
          <p id={helpId} className="sr-only">
            {t('help')}
          </p>
          <table
            ref={rootRef}
            role="grid"
            aria-label={t('label')}
            aria-describedby={helpId}
            aria-rowcount={visibleRows.length + 1}
            aria-colcount={stages.length + 1}
            data-testid="journey-grid"
            data-complete={complete}
            className="journey-grid"
            style={{
              minWidth: `calc(var(--grid-lane-w) + ${stages.length} * var(--grid-col-min))`,
            }}
            onKeyDown={onKeyDown}
            onFocus={onFocus}
          >
            <colgroup>
              <col className="grid-col-lane" />
              {stages.map((s) => (
                <col key={s.id} />
              ))}
            </colgroup>
            <thead>
              <HeaderRow
                stages={stages}
                columns={columns}
                activeCol={ar === 0 ? ac : -1}
                selected={selected}
                renaming={renamingStage}
                api={api}
              />
            </thead>
            <tbody>
              {rowSlots.map((slot) => {
                if ('gap' in slot)
                  return (
                    <tr key={`gap-${slot.first}`} className="grid-gap-row" aria-hidden="true">
                      <td
                        className="grid-gap"
                        colSpan={stages.length + 1}
                        style={{ height: slot.size }}
                      />
                    </tr>
                  );
                const i = slot.index;
                const row = visibleRows[i]!;
                return (
                  <LaneRow
                    key={row.key}
                    row={row}
                    r={i + 1}
                    stages={stages}
                    columns={columns}
                    minHeight={minHeights[i]}
                    cells={cells[i]!}
                    activeCol={ar === i + 1 ? ac : -1}
                    line={lines[i] ?? null}
                    first={i === 0}
                    last={i === visibleRows.length - 1}
                    renaming={renamingLane === row.key}
                    selected={selected}
                    peers={peerMarks}
                    api={api}
                    legend={row.type === 'emotion' ? legend : undefined}
                  />
                );
              })}
            </tbody>
          </table>
          {hasChannels ? null : (
            <div className="grid-hint" role="note">
              <p>{t('empty.noChannels')}</p>
              {readOnly ? null : (
                <button type="button" onClick={api.addChannel}>
                  {t('toolbar.addChannel')}
                </button>
              )}
            </div>
          )}
        </div>
      )}
    </div>
  );
}
