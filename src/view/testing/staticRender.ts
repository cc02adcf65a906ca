/**
 * For view tests in Vitest's node environment: a hand-made snapshot, a session whose commands
 * do nothing, and `renderStatic` (react-dom/server) with the app's real en/it messages, plus a
 * small reader of the controls in the markup. No DOM: what a test checks is the HTML a browser
 * would get on first render.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { createInstance, type i18n as I18n, type Resource } from 'i18next';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import type { RecordKey, Repair } from '../../model/records/support/repair';
import type { MapSessionApi } from '../../model/session-api';
import type {
  GridData,
  ChannelPlan,
  JourneyNode,
  MapSnapshot,
  Persona,
  Strategy,
  Touchpoint,
} from '../../model/types';
import { SessionContext } from '../canvas/SessionContext';
import { createSelectionStore } from '../../model/selection';
import { NO_COMMENTS } from '../../model/comments/none';

/** The app's message files, read from disk (a view may not import app/). */
const LOCALES = join(import.meta.dirname, '../../app/i18n/locales');

function i18nFor(lang: 'en' | 'it'): I18n {
  const resources: Resource = {};
  for (const l of readdirSync(LOCALES)) {
    const files = readdirSync(join(LOCALES, l)).filter((f) => f.endsWith('.json'));
    resources[l] = Object.fromEntries(
      files.map((f) => [
        f.replace(/\.json$/, ''),
        JSON.parse(readFileSync(join(LOCALES, l, f), 'utf8')) as Resource[string],
      ]),
    );
  }
  const i18n = createInstance();
  void i18n.use(initReactI18next).init({
    resources,
    lng: lang,
    fallbackLng: 'en',
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return i18n;
}

export interface SnapshotParts {
  nodes?: readonly JourneyNode[];
  touchpoints?: readonly Touchpoint[];
  strategy?: Partial<Strategy>;
  title?: string;
  repairs?: Readonly<Record<RecordKey, readonly Repair[]>>;
  grid?: GridData;
  personas?: readonly Persona[];
}

export function makeSnapshot(parts: SnapshotParts = {}): MapSnapshot {
  const nodes = parts.nodes ?? [];
  const touchpoints = parts.touchpoints ?? [];
  const strategy: Strategy = {
    startingPoint: { self: { id: 'self', name: '' }, competitors: [] },
    goals: [],
    kpis: [],
    training: [],
    goLive: {},
    channelPlans: {} as Readonly<Record<string, ChannelPlan>>,
    costModel: {},
    ...parts.strategy,
  };
  return {
    meta: { schemaVersion: 2, title: parts.title ?? 'Map', createdAt: '2026-01-01T00:00:00Z' },
    nodes,
    touchpoints,
    strategy,
    grid: parts.grid ?? { lanes: [], items: [], settings: new Map() },
    personas: parts.personas ?? [],
    nodeById: new Map(nodes.map((n) => [n.id, n])),
    touchpointById: new Map(touchpoints.map((t) => [t.id, t])),
    repairs: new Map(Object.entries(parts.repairs ?? {})),
  };
}

const store = <T>(value: T) => ({ subscribe: () => () => {}, getSnapshot: () => value });
/** Names of the commands views called, in order: rendering must never write. */
export const commandCalls: string[] = [];
/** Every command is a no-op that records its name. */
const noCommands = new Proxy({}, { get: (_, name) => () => void commandCalls.push(String(name)) });

export function fakeSession(snapshot: MapSnapshot): MapSessionApi {
  return {
    mapId: 'm1',
    readOnlyReason: null,
    comments: NO_COMMENTS,
    map: store(snapshot),
    selection: createSelectionStore(),
    commands: noCommands as MapSessionApi['commands'],
    strategy: noCommands as MapSessionApi['strategy'],
    undo: {
      ...store({ canUndo: false, canRedo: false }),
      undo() {},
      redo() {},
      stopCapturing() {},
    },
    sync: store({ save: 'saved' as const, connection: 'local' as const }),
  };
}

/** The static HTML of `element` inside a session for `snapshot`, in `lang`. */
export function renderStatic(
  element: ReactElement,
  snapshot: MapSnapshot,
  lang: 'en' | 'it' = 'en',
): string {
  return renderToStaticMarkup(
    createElement(
      I18nextProvider,
      { i18n: i18nFor(lang) },
      createElement(SessionContext.Provider, { value: fakeSession(snapshot) }, element),
    ),
  );
}

export interface Control {
  readonly tag: string;
  readonly attrs: Readonly<Record<string, string>>;
}

const unescape = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** The text a reader sees in `html`: tags become spaces, entities are decoded, spaces collapse. */
export const plainText = (html: string): string =>
  unescape(html.replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ');

/** The opening tags of `tags` in `html`, with their attributes (React quotes every value). */
export function controls(html: string, tags = ['input', 'textarea', 'select']): Control[] {
  const out: Control[] = [];
  const re = new RegExp(`<(${tags.join('|')})\\b([^>]*)>`, 'g');
  for (const m of html.matchAll(re)) {
    const attrs: Record<string, string> = {};
    for (const a of m[2]!.matchAll(/([\w:-]+)(?:="([^"]*)")?/g))
      attrs[a[1]!.toLowerCase()] = unescape(a[2] ?? '');
    out.push({ tag: m[1]!, attrs });
  }
  return out;
}

/** The text of the element with `id` (one level of nesting, as RepairNote renders). */
export function textOf(html: string, id: string): string | undefined {
  const start = html.indexOf(`id="${id}"`);
  if (start < 0) return undefined;
  const open = html.lastIndexOf('<', start);
  const tag = /^<(\w+)/.exec(html.slice(open))![1]!;
  const end = html.indexOf(`</${tag}>`, start);
  return unescape(html.slice(html.indexOf('>', start) + 1, end).replace(/<[^>]+>/g, ''));
}
