/**
 * Commands of personas (records/persona.ts) and of how each feels a touchpoint. Same rules as
 * commands.ts: one transaction each, texts cut and numbers clamped with the record kind's
 * limits, nothing written for a record that is gone or is not a record.
 */
import * as Y from 'yjs';
import { newRecord, personasMap, touchpointsMap, writeFields, type YRecord } from './doc';
import { write } from './commands';
import { newId } from './ids';
import { capList, capNumber, capText, MAX_PERSONAS } from './limits';
import { isPersonaColor, PERSONA_COLORS, PERSONA_LIMITS, personaColorAt } from './records/persona';
import { personaEmotionKey, TOUCHPOINT_LIMITS } from './records/touchpoint';
import { EMOTIONS, type Emotion } from './types';

const L = PERSONA_LIMITS;

/** The record under `id`, or undefined when absent or not a record. */
function rec(map: Y.Map<YRecord>, id: string): YRecord | undefined {
  const r = map.get(id);
  return r instanceof Y.Map ? r : undefined;
}

export interface PersonaFields {
  name: string;
  role: string;
  quote: string;
  goals: readonly string[];
  needs: readonly string[];
  frustrations: readonly string[];
  /** One of PERSONA_COLORS; another value is ignored. */
  color: string;
}

export type NewPersona = Partial<PersonaFields> & { id?: string };

function cleanFields(input: Partial<PersonaFields>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of ['name', 'role', 'quote'] as const)
    if (typeof input[k] === 'string') out[k] = capText(input[k], L[k]);
  for (const k of ['goals', 'needs', 'frustrations'] as const)
    if (Array.isArray(input[k])) out[k] = capList(input[k], L[k]);
  if (isPersonaColor(input.color)) out.color = input.color.toLowerCase();
  return out;
}

/**
 * Adds a persona after the others; returns its id, or null past MAX_PERSONAS. Without a
 * colour it takes the first palette colour no persona has (else the next in turn).
 */
export function addPersona(doc: Y.Doc, input: NewPersona = {}): string | null {
  return write(doc, () => {
    const personas = personasMap(doc);
    if (personas.size >= MAX_PERSONAS) return null;
    let maxOrder = 0;
    const used = new Set<unknown>();
    personas.forEach((r) => {
      if (!(r instanceof Y.Map)) return;
      const o = r.get('order');
      if (typeof o === 'number' && Number.isFinite(o)) maxOrder = Math.max(maxOrder, o);
      used.add(r.get('color'));
    });
    const id = input.id ?? newId('persona');
    const fields = cleanFields(input);
    personas.set(
      id,
      newRecord({
        name: '',
        role: '',
        quote: '',
        ...fields,
        color:
          fields.color ?? PERSONA_COLORS.find((c) => !used.has(c)) ?? personaColorAt(personas.size),
        order: capNumber(Math.floor(maxOrder) + 1, L.order),
      }),
    );
    return id;
  });
}

/** Edits a persona's fields (a typed edit: merges into one undo step per pause). */
export function updatePersona(doc: Y.Doc, id: string, patch: Partial<PersonaFields>): void {
  write(doc, () => {
    const record = rec(personasMap(doc), id);
    if (record) writeFields(record, cleanFields(patch));
  });
}

/** Puts the personas in the order of `ids` (orders 1, 2, 3…), one transaction. */
export function reorderPersonas(doc: Y.Doc, ids: readonly string[]): void {
  write(doc, () => {
    const personas = personasMap(doc);
    ids.forEach((id, i) => {
      const record = rec(personas, id);
      if (record) writeFields(record, { order: i + 1 });
    });
  });
}

/**
 * Deletes a persona with, in the same transaction (one undo step), its own emotion on every
 * touchpoint and its id in every touchpoint's scope.
 */
export function deletePersona(doc: Y.Doc, id: string): void {
  write(doc, () => {
    personasMap(doc).delete(id);
    const key = personaEmotionKey(id);
    touchpointsMap(doc).forEach((record) => {
      if (!(record instanceof Y.Map)) return;
      if (record.has(key)) record.delete(key);
      const object: unknown = record.get('emotionByPersona');
      if (typeof object === 'object' && object !== null && Object.hasOwn(object, id)) {
        const { [id]: _gone, ...rest } = object as Record<string, unknown>;
        if (Object.keys(rest).length > 0) record.set('emotionByPersona', rest);
        else record.delete('emotionByPersona');
      }
      const scope: unknown = record.get('personas');
      if (Array.isArray(scope) && scope.includes(id)) {
        const left = scope.filter((p) => p !== id);
        if (left.length > 0) record.set('personas', left);
        else record.delete('personas');
      }
    });
  });
}

const isEmotion = (v: unknown): v is Emotion => (EMOTIONS as readonly unknown[]).includes(v);

/**
 * Sets how a persona feels at a touchpoint; undefined clears it (the persona feels the
 * touchpoint's own emotion again). Nothing is written for a persona or touchpoint that is gone.
 */
export function setTouchpointPersonaEmotion(
  doc: Y.Doc,
  touchpointId: string,
  personaId: string,
  emotion: Emotion | undefined,
): void {
  write(doc, () => {
    const record = rec(touchpointsMap(doc), touchpointId);
    if (!record || !rec(personasMap(doc), personaId)) return;
    const key = personaEmotionKey(personaId);
    if (emotion === undefined) {
      if (record.has(key)) record.delete(key);
    } else if (isEmotion(emotion) && record.get(key) !== emotion) record.set(key, emotion);
    // The snapshot form (a paste, an import of an older build) under it would show through.
    const object: unknown = record.get('emotionByPersona');
    if (typeof object === 'object' && object !== null && Object.hasOwn(object, personaId)) {
      const { [personaId]: _old, ...rest } = object as Record<string, unknown>;
      if (Object.keys(rest).length > 0) record.set('emotionByPersona', rest);
      else record.delete('emotionByPersona');
    }
  });
}

/**
 * Which personas a touchpoint concerns: ids of existing personas, in the given order without
 * repeats; an empty list clears the scope (everyone).
 */
export function setPersonaScope(
  doc: Y.Doc,
  touchpointId: string,
  personaIds: readonly string[],
): void {
  write(doc, () => {
    const record = rec(touchpointsMap(doc), touchpointId);
    if (!record) return;
    const personas = personasMap(doc);
    const ids = [...new Set(personaIds)].filter((p) => rec(personas, p) !== undefined);
    const scope = capList(ids, TOUCHPOINT_LIMITS.personas);
    writeFields(record, { personas: scope.length > 0 ? scope : undefined });
  });
}
