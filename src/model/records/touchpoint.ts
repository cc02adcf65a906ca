/** A touchpoint: one contact between customer and company, a link between two nodes (schema and restore(): see README.md). */
import {
  MAX_AMOUNT,
  MAX_ID_CHARS,
  MAX_LABEL_CHARS,
  MAX_LIST_ITEMS,
  MAX_TEXT_CHARS,
} from '../limits';
import type { Emotion, Evidence, Touchpoint } from '../types';
import { restoreEvidence, restoreEvidenceList } from './evidence';
import type { FieldLimit } from './support/field-limits';
import { describe, isId, list, note, num, ref, text, type RepairLog } from './support/fields';
import { NO_REPAIRS, type Mutable, type Restored } from './support/repair';
import { extraOf, fieldsOf, own } from './support/source';

export const TOUCHPOINT_LIMITS = {
  id: { chars: MAX_ID_CHARS },
  from: { chars: MAX_ID_CHARS },
  to: { chars: MAX_ID_CHARS },
  action: { chars: MAX_TEXT_CHARS },
  painPoints: { items: MAX_LIST_ITEMS, chars: MAX_TEXT_CHARS },
  opportunities: { items: MAX_LIST_ITEMS, chars: MAX_TEXT_CHARS },
  kpiIds: { items: MAX_LIST_ITEMS, chars: MAX_ID_CHARS },
  owner: { chars: MAX_LABEL_CHARS },
  volume: { min: 0, max: MAX_AMOUNT },
  emotion: { min: -2, max: 2, integer: true },
  /** Ids of the personas it concerns (empty: everyone). */
  personas: { items: MAX_LIST_ITEMS, chars: MAX_ID_CHARS },
} as const satisfies Record<string, FieldLimit>;

/**
 * In the doc, a persona's own emotion is a flat key of the touchpoint's record,
 * `emotion/<personaId>` → -2..2 (ids never hold a `/`), so two people setting two personas'
 * emotions at once both keep theirs (a plain object field would be last writer wins).
 * `emotionByPersona` (the snapshot's form: the clipboard, an import) is read too, the flat
 * keys winning.
 */
export const PERSONA_EMOTION_PREFIX = 'emotion/';
export const personaEmotionKey = (personaId: string): string =>
  `${PERSONA_EMOTION_PREFIX}${personaId}`;
const isPersonaEmotionKey = (k: string): boolean => k.startsWith(PERSONA_EMOTION_PREFIX);

/**
 * A touchpoint's fields as its doc record holds them (id left out: it is the key): the
 * per-persona emotions as flat `emotion/<id>` keys. For imports and seeds.
 */
export function touchpointDocFields(t: Touchpoint): Record<string, unknown> {
  const { id: _id, emotionByPersona, ...fields } = t;
  const out: Record<string, unknown> = { ...fields };
  for (const [p, e] of Object.entries(emotionByPersona ?? {})) out[personaEmotionKey(p)] = e;
  return out;
}

const KNOWN: ReadonlySet<string> = new Set([
  'id',
  ...(Object.keys(TOUCHPOINT_LIMITS) as (keyof typeof TOUCHPOINT_LIMITS)[]),
  'emotionByPersona',
  'evidence',
  'painPointEvidence',
  'opportunityEvidence',
]);
const NO_ITEMS: readonly string[] = Object.freeze([]);

/**
 * Any value as a touchpoint with id `id`. An end that is not a usable id becomes '' (the
 * reader hides a touchpoint whose ends are not both nodes, as for a dangling one).
 */
export function restoreTouchpoint(raw: unknown, id: string): Restored<Touchpoint> {
  const log: RepairLog = [];
  const o = fieldsOf(raw, log) ?? {};
  const L = TOUCHPOINT_LIMITS;
  const value: Mutable<Touchpoint> = {
    id,
    from: end(own(o, 'from'), 'from', log),
    to: end(own(o, 'to'), 'to', log),
    action: text(own(o, 'action'), 'action', L.action, '', log),
    painPoints: list(own(o, 'painPoints'), 'painPoints', L.painPoints, NO_ITEMS, log),
    opportunities: list(own(o, 'opportunities'), 'opportunities', L.opportunities, NO_ITEMS, log),
    kpiIds: list(own(o, 'kpiIds'), 'kpiIds', L.kpiIds, NO_ITEMS, log, true),
  };
  const emotion = num(own(o, 'emotion'), 'emotion', L.emotion, undefined, log);
  if (emotion !== undefined) value.emotion = emotion as Emotion; // whole and in -2..2: an Emotion
  const owner = text(own(o, 'owner'), 'owner', L.owner, undefined, log);
  if (owner !== undefined) value.owner = owner;
  const volume = num(own(o, 'volume'), 'volume', L.volume, undefined, log);
  if (volume !== undefined) value.volume = volume;
  const byPersona = personaEmotions(o, log);
  if (byPersona !== undefined) value.emotionByPersona = byPersona;
  const personas = list(own(o, 'personas'), 'personas', L.personas, undefined, log, true);
  if (personas !== undefined && personas.length > 0) value.personas = personas;
  const evidence: Evidence | undefined = restoreEvidence(own(o, 'evidence'), 'evidence', log);
  if (evidence !== undefined) value.evidence = evidence;
  const pains = restoreEvidenceList(
    own(o, 'painPointEvidence'),
    'painPointEvidence',
    value.painPoints.length,
    log,
  );
  if (pains !== undefined) value.painPointEvidence = pains;
  const opps = restoreEvidenceList(
    own(o, 'opportunityEvidence'),
    'opportunityEvidence',
    value.opportunities.length,
    log,
  );
  if (opps !== undefined) value.opportunityEvidence = opps;
  const extra = extraOf(o, KNOWN, log, KNOWN, isPersonaEmotionKey);
  if (extra !== undefined) value.extra = extra;
  return { value, repaired: log.length === 0 ? NO_REPAIRS : log };
}

function end(v: unknown, field: string, log: RepairLog): string {
  const id = ref(v, field, TOUCHPOINT_LIMITS[field as 'from'], log);
  if (id === undefined && v === undefined) note(log, field, 'missing', 'missing');
  return id ?? '';
}

const isEmotion = (v: unknown): v is Emotion =>
  typeof v === 'number' && Number.isInteger(v) && v >= -2 && v <= 2 && !Object.is(v, -0);

/**
 * The per-persona emotions: the `emotionByPersona` object, then the flat `emotion/<id>` keys
 * over it. A key that is not a usable id or a value that is not a whole -2..2 is left out (a
 * repair). Undefined when there are none.
 */
function personaEmotions(
  o: Readonly<Record<string, unknown>>,
  log: RepairLog,
): Record<string, Emotion> | undefined {
  let out: Record<string, Emotion> | undefined;
  const take = (id: string, v: unknown, field: string) => {
    if (!isId(id, MAX_ID_CHARS)) return note(log, field, 'unknown', 'not a usable persona id');
    if (isEmotion(v)) (out ??= {})[id] = v;
    else note(log, field, 'wrongType', `expected a whole -2..2, got ${describe(v)}`);
  };
  const object = own(o, 'emotionByPersona');
  if (object !== undefined) {
    if (typeof object === 'object' && object !== null && !Array.isArray(object)) {
      const proto = Object.getPrototypeOf(object) as unknown;
      if (proto === Object.prototype || proto === null)
        for (const k of Object.keys(object))
          take(k, (object as Record<string, unknown>)[k], `emotionByPersona.${k}`);
      else note(log, 'emotionByPersona', 'wrongType', 'expected a plain object');
    } else
      note(log, 'emotionByPersona', 'wrongType', `expected an object, got ${describe(object)}`);
  }
  for (const k in o)
    if (isPersonaEmotionKey(k) && Object.hasOwn(o, k))
      take(k.slice(PERSONA_EMOTION_PREFIX.length), o[k], k);
  return out;
}
