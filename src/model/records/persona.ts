/**
 * A persona: a named kind of customer with goals, needs and frustrations, each feeling the
 * touchpoints in their own way (schema and restore(): see README.md). Stored in the root map
 * `personas` (doc.ts), created with a fresh id like lanes.
 *
 * The colour is one of a fixed palette (PERSONA_COLORS), each with white initials at 4.5:1 or
 * more and a curve at 3:1 or more on white (records/persona.test.ts): a colour outside it
 * (a peer's `url(…)`, any other hex) becomes the palette's colour for the persona's place.
 */
import {
  MAX_ID_CHARS,
  MAX_LABEL_CHARS,
  MAX_LIST_ITEMS,
  MAX_ORDER,
  MAX_STRATEGY_TEXT_CHARS,
  MAX_TEXT_CHARS,
} from '../limits';
import type { Persona } from '../types';
import type { FieldLimit } from './support/field-limits';
import { describe, list, note, num, text, type RepairLog } from './support/fields';
import { NO_REPAIRS, type Mutable, type Restored } from './support/repair';
import { extraOf, fieldsOf, own } from './support/source';

export const PERSONA_LIMITS = {
  id: { chars: MAX_ID_CHARS },
  name: { chars: MAX_LABEL_CHARS },
  role: { chars: MAX_LABEL_CHARS },
  quote: { chars: MAX_STRATEGY_TEXT_CHARS },
  goals: { items: MAX_LIST_ITEMS, chars: MAX_TEXT_CHARS },
  needs: { items: MAX_LIST_ITEMS, chars: MAX_TEXT_CHARS },
  frustrations: { items: MAX_LIST_ITEMS, chars: MAX_TEXT_CHARS },
  order: { min: -MAX_ORDER, max: MAX_ORDER },
} as const satisfies Record<string, FieldLimit>;

/**
 * The personas' colours, in the order a new persona takes them: dark enough for white
 * initials (WCAG AA, 4.5:1) and for a curve on the white canvas, and told apart by hue.
 */
export const PERSONA_COLORS = [
  '#1d4ed8', // blue
  '#b91c1c', // red
  '#047857', // green
  '#7e22ce', // purple
  '#b45309', // amber
  '#0e7490', // cyan
  '#be185d', // pink
  '#4d5a0f', // olive
] as const;
export type PersonaColor = (typeof PERSONA_COLORS)[number];

/** The palette's colour for the persona at `index` (0-based), wrapping around. */
export const personaColorAt = (index: number): PersonaColor =>
  PERSONA_COLORS[
    ((Math.trunc(index) % PERSONA_COLORS.length) + PERSONA_COLORS.length) % PERSONA_COLORS.length
  ]!;

export const isPersonaColor = (v: unknown): v is PersonaColor =>
  typeof v === 'string' && (PERSONA_COLORS as readonly string[]).includes(v.toLowerCase());

const KNOWN: ReadonlySet<string> = new Set([...Object.keys(PERSONA_LIMITS), 'color']);
/** Its fields in the format: `extra` never holds them (`order`, the list's order there, may be an extra). */
const FORMAT_FIELDS: ReadonlySet<string> = new Set([...KNOWN].filter((k) => k !== 'order'));
const NO_ITEMS: readonly string[] = Object.freeze([]);

/** Any value as a persona with id `id`. Never throws. */
export function restorePersona(raw: unknown, id: string): Restored<Persona> {
  const log: RepairLog = [];
  const o = fieldsOf(raw, log) ?? {};
  const L = PERSONA_LIMITS;
  const order = num(own(o, 'order'), 'order', L.order, 0, log);
  const value: Mutable<Persona> = {
    id,
    name: text(own(o, 'name'), 'name', L.name, '', log),
    role: text(own(o, 'role'), 'role', L.role, '', log),
    quote: text(own(o, 'quote'), 'quote', L.quote, '', log),
    goals: list(own(o, 'goals'), 'goals', L.goals, NO_ITEMS, log),
    needs: list(own(o, 'needs'), 'needs', L.needs, NO_ITEMS, log),
    frustrations: list(own(o, 'frustrations'), 'frustrations', L.frustrations, NO_ITEMS, log),
    color: colorOf(own(o, 'color'), order, log),
    order,
  };
  const extra = extraOf(o, KNOWN, log, FORMAT_FIELDS);
  if (extra !== undefined) value.extra = extra;
  return { value, repaired: log.length === 0 ? NO_REPAIRS : log };
}

function colorOf(v: unknown, order: number, log: RepairLog): string {
  if (typeof v === 'string' && (PERSONA_COLORS as readonly string[]).includes(v)) return v;
  if (isPersonaColor(v)) {
    note(log, 'color', 'wrongType', 'a palette colour in capitals');
    return v.toLowerCase();
  }
  if (v === undefined) note(log, 'color', 'missing', 'missing');
  else
    note(
      log,
      'color',
      typeof v === 'string' ? 'unknown' : 'wrongType',
      `not a persona colour, got ${describe(v)}`,
    );
  return personaColorAt(order - 1);
}
