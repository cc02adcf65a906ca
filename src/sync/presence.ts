/**
 * Presence over a y-protocols Awareness: my name, colour, pointer, selection, live drag and
 * where I am in Present mode (for follow me) go out as my awareness state; everyone else's
 * comes back as a list of peers. Awareness travels on the same websocket as the doc
 * (y-websocket protocol) and is never stored.
 *
 * Local writes are throttled to PRESENCE_THROTTLE_MS (about 30/s): a pointer move fires at
 * 60-120 Hz and each awareness change is a message to every peer. Remote states are untrusted
 * input: each field is checked and a bad one is dropped, never thrown.
 */
import type { Awareness } from 'y-protocols/awareness';
import { createEmitter, externalStore } from '../model/observable';
import { MAX_AWARENESS_STATE_BYTES } from '../model/protocol-messages';
import {
  MAX_NAME_CHARS,
  type Peer,
  type PresenceApi,
  type PresentingState,
} from '../model/session-api';
import type { XY } from '../model/types';

/** Minimum gap between two awareness updates I send, ms (~30 per second). */
export const PRESENCE_THROTTLE_MS = 33;
/** Where my display name is remembered between sessions and maps. */
export const NAME_STORAGE_KEY = 'itinera.presence.name';
/** Longest display name (defined with the session API, which the name picker reads). */
export { MAX_NAME_CHARS };
/** Caps on what a peer may make me render. */
const MAX_SELECTION_IDS = 500;
const MAX_DRAG_NODES = 500;
/** Most slides a presentation may claim (stages are capped far below this). */
export const MAX_PRESENT_SLIDES = 10_000;
/**
 * Most remote states turned into peers, the most recently updated first: everything drawn per
 * peer (people list, cursors, outlines, grid marks) is bounded by it, whatever a room holds.
 */
export const MAX_PEERS = 50;
/** Longest stage id a peer may send (ids are short; anything longer is not one of ours). */
const MAX_ID_CHARS = 200;

/** Distinct, readable on white, and not the app's own blue selection colour. */
export const PALETTE = [
  '#e03131',
  '#2f9e44',
  '#f08c00',
  '#9c36b5',
  '#0c8599',
  '#c2255c',
  '#5c940d',
  '#1971c2',
  '#e8590c',
  '#6741d9',
] as const;

/** My colour: derived from the awareness client id, so it is stable for the session. */
export function colorFor(clientId: number): string {
  return PALETTE[Math.abs(clientId) % PALETTE.length] as string;
}

/** What I publish in awareness (the wire format other clients read). */
export interface WireState {
  /** Who I am. */
  user: { name: string; color: string };
  /** Pointer in flow coordinates, or null when off the canvas. */
  cursor: XY | null;
  /** Ids of the nodes and touchpoints I have selected. */
  selection: string[];
  /** Live positions of the nodes I am dragging, or null. */
  drag: Record<string, XY> | null;
  /** Where I am in Present mode, or null when I am not presenting. */
  presenting: PresentingState | null;
}

export interface PresenceOptions {
  /** Name used until the person picks one. */
  readonly defaultName: string;
  /** Where to remember the name; null to not remember (tests, private mode). */
  readonly storage?: Pick<Storage, 'getItem' | 'setItem'> | null;
}

export interface Presence extends PresenceApi {
  dispose(): void;
}

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const toXY = (v: unknown): XY | undefined => {
  const o = v as { x?: unknown; y?: unknown } | null;
  return o && typeof o === 'object' && isNum(o.x) && isNum(o.y) ? { x: o.x, y: o.y } : undefined;
};

/**
 * A peer's Present-mode state, or undefined when it is absent or not one: numbers are rounded
 * and clamped (total 1..MAX_PRESENT_SLIDES, slide 0..total-1), a stage id that is not a short
 * string is dropped, follow is true only when it is `true`.
 */
export function parsePresenting(raw: unknown): PresentingState | undefined {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
  const o = raw as { slide?: unknown; total?: unknown; stageId?: unknown; follow?: unknown };
  if (!isNum(o.slide) || !isNum(o.total)) return undefined;
  const total = Math.min(MAX_PRESENT_SLIDES, Math.max(1, Math.round(o.total)));
  const slide = Math.min(total - 1, Math.max(0, Math.round(o.slide)));
  const stageId =
    typeof o.stageId === 'string' && o.stageId && o.stageId.length <= MAX_ID_CHARS
      ? o.stageId
      : undefined;
  return { slide, total, ...(stageId ? { stageId } : {}), follow: o.follow === true };
}

export function cleanName(name: unknown): string {
  return typeof name === 'string' ? name.replace(/\s+/g, ' ').trim().slice(0, MAX_NAME_CHARS) : '';
}

/** A peer from its raw awareness state, or null when the state has no usable user. */
export function parsePeer(clientId: number, raw: unknown): Peer | null {
  if (!raw || typeof raw !== 'object') return null;
  const s = raw as Partial<Record<keyof WireState, unknown>>;
  const user = s.user as { name?: unknown; color?: unknown } | undefined;
  const name = cleanName(user?.name);
  if (!name) return null;
  const color =
    typeof user?.color === 'string' && /^#[0-9a-fA-F]{6}$/.test(user.color)
      ? user.color
      : colorFor(clientId);
  const cursor = toXY(s.cursor);
  const selection = Array.isArray(s.selection)
    ? s.selection.filter((x): x is string => typeof x === 'string').slice(0, MAX_SELECTION_IDS)
    : [];
  let drag: Record<string, XY> | undefined;
  if (s.drag && typeof s.drag === 'object') {
    for (const [id, pos] of Object.entries(s.drag).slice(0, MAX_DRAG_NODES)) {
      const xy = toXY(pos);
      if (xy) (drag ??= {})[id] = xy;
    }
  }
  const presenting = parsePresenting(s.presenting);
  return {
    clientId,
    name,
    color,
    ...(cursor ? { cursor } : {}),
    ...(selection.length ? { selection } : {}),
    ...(drag ? { drag } : {}),
    ...(presenting ? { presenting } : {}),
  };
}

const stateBytes = (s: WireState) => new TextEncoder().encode(JSON.stringify(s)).length;

/**
 * My state as sent, within MAX_AWARENESS_STATE_BYTES (the server drops a bigger one, and peers
 * would keep my last smaller state): a huge live drag goes first (peers see the drop when it is
 * written), then the selection is cut until it fits.
 */
export function fitState(state: WireState): WireState {
  let out = { ...state };
  if (stateBytes(out) <= MAX_AWARENESS_STATE_BYTES) return out;
  out = { ...out, drag: null };
  while (out.selection.length > 0 && stateBytes(out) > MAX_AWARENESS_STATE_BYTES)
    out = { ...out, selection: out.selection.slice(0, Math.floor(out.selection.length / 2)) };
  return out;
}

export function createPresence(awareness: Awareness, opts: PresenceOptions): Presence {
  const storage = opts.storage === undefined ? globalThis.localStorage : opts.storage;
  let remembered = '';
  try {
    remembered = cleanName(storage?.getItem(NAME_STORAGE_KEY));
  } catch {
    // Storage may be blocked (private mode): fall back to the default name.
  }
  let me = {
    name: remembered || cleanName(opts.defaultName) || 'Guest',
    color: colorFor(awareness.clientID),
    named: remembered !== '',
  };
  const state: WireState = {
    user: { name: me.name, color: me.color },
    cursor: null,
    selection: [],
    drag: null,
    presenting: null,
  };

  // Throttle: the first change goes out at once, later ones at most every PRESENCE_THROTTLE_MS,
  // the last one always (trailing), so a peer never keeps a stale cursor or drag.
  let lastSent = -Infinity;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let disposed = false;
  const flush = () => {
    timer = null;
    if (disposed) return;
    lastSent = Date.now();
    awareness.setLocalState(fitState(state));
  };
  const schedule = () => {
    if (disposed || timer) return;
    const wait = lastSent + PRESENCE_THROTTLE_MS - Date.now();
    if (wait <= 0) flush();
    else timer = setTimeout(flush, wait);
  };

  const peersChanged = createEmitter();
  const meChanged = createEmitter();
  let peers: readonly Peer[] = [];
  let more = 0;
  const rebuild = () => {
    const states = awareness.getStates();
    let ids = [...states.keys()].filter((id) => id !== awareness.clientID);
    if (ids.length > MAX_PEERS) {
      const at = (id: number) => awareness.meta.get(id)?.lastUpdated ?? 0;
      ids = ids.sort((a, b) => at(b) - at(a));
    }
    const next: Peer[] = [];
    let i = 0;
    for (; i < ids.length && next.length < MAX_PEERS; i++) {
      const p = parsePeer(ids[i]!, states.get(ids[i]!));
      if (p) next.push(p);
    }
    next.sort((a, b) => a.name.localeCompare(b.name) || a.clientId - b.clientId);
    peers = next;
    more = ids.length - i;
    peersChanged.notify();
  };
  // 'change' fires only when a state really changed (not on the 15 s keep-alive renewals).
  const onChange = () => rebuild();
  awareness.on('change', onChange);
  flush();
  rebuild();

  return {
    peers: externalStore(() => peers, peersChanged),
    morePeers: externalStore(() => more, peersChanged),
    me: externalStore(() => me, meChanged),
    setName(name) {
      const n = cleanName(name);
      if (!n || (n === me.name && me.named)) return;
      me = { ...me, name: n, named: true };
      state.user = { name: me.name, color: me.color };
      try {
        storage?.setItem(NAME_STORAGE_KEY, n);
      } catch {
        // Not remembered, still used for this session.
      }
      meChanged.notify();
      schedule();
    },
    setCursor(position) {
      state.cursor = position ? { x: position.x, y: position.y } : null;
      schedule();
    },
    setSelection(ids) {
      state.selection = ids.slice(0, MAX_SELECTION_IDS);
      schedule();
    },
    setDrag(positions) {
      state.drag = positions && positions.size ? Object.fromEntries(positions) : null;
      schedule();
    },
    setPresenting(next) {
      state.presenting = next ? (parsePresenting(next) ?? null) : null;
      schedule();
    },
    dispose() {
      disposed = true;
      if (timer) clearTimeout(timer);
      awareness.off('change', onChange);
      // Tell the others I left now rather than after the 30 s awareness timeout.
      awareness.setLocalState(null);
    },
  };
}
