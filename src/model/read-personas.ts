/**
 * Reading the map's personas into the snapshot's `personas`, every record through its restore
 * (records/persona.ts), sorted by `order` then id. Part of MapReader: re-read when the
 * `personas` root changed; an unchanged list keeps its identity.
 */
import * as Y from 'yjs';
import { personasMap } from './doc';
import { MAX_ID_CHARS } from './limits';
import { NOT_A_RECORD, NOT_AN_ID } from './read-strategy';
import { isId, recordKey, restorePersona, type RecordKey, type Repair } from './records';
import type { Persona } from './types';

/** Record key of a persona in `MapSnapshot.repairs`: `persona:<id>`. */
export const PERSONA_KIND = 'persona';

export const NO_PERSONAS: readonly Persona[] = Object.freeze([]);

/** Display order: by `order`, ties by id. */
export const byPersonaOrder = (a: Persona, b: Persona): number =>
  a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export class PersonaReader {
  data: readonly Persona[] = NO_PERSONAS;
  readonly repairs = new Map<RecordKey, readonly Repair[]>();

  /** Re-reads every persona; returns whether the repairs changed. */
  read(doc: Y.Doc): boolean {
    const had = this.repairs.size > 0;
    this.repairs.clear();
    const out: Persona[] = [];
    personasMap(doc).forEach((record, id) => {
      const key = recordKey(PERSONA_KIND, id);
      if (!(record instanceof Y.Map)) return void this.repairs.set(key, NOT_A_RECORD);
      if (!isId(id, MAX_ID_CHARS)) return void this.repairs.set(key, NOT_AN_ID);
      const { value, repaired } = restorePersona(record, id);
      if (repaired.length > 0) this.repairs.set(key, repaired);
      out.push(value);
    });
    out.sort(byPersonaOrder);
    const prev = this.data;
    this.data =
      out.length === 0
        ? NO_PERSONAS
        : out.length === prev.length && out.every((p, i) => samePersona(p, prev[i]!))
          ? prev
          : out;
    return had || this.repairs.size > 0;
  }
}

function samePersona(a: Persona, b: Persona): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
