/** A company on the starting-point chart: our own (id "self") or a competitor (schema and restore(): see README.md). */
import { MAX_ID_CHARS, MAX_STRATEGY_TEXT_CHARS } from '../limits';
import type { CompanyScore, Score } from '../types';
import { num, text, type RepairLog } from './support/fields';
import { NO_REPAIRS, type Mutable, type Restored } from './support/repair';
import { extraOf, fieldsOf, own } from './support/source';
import type { FieldLimit } from './support/field-limits';

export const COMPANY_SCORE_LIMITS = {
  id: { chars: MAX_ID_CHARS },
  name: { chars: MAX_STRATEGY_TEXT_CHARS },
  digitalCompetence: { min: 1, max: 5, integer: true },
  serviceCulture: { min: 1, max: 5, integer: true },
} as const satisfies Record<string, FieldLimit>;

/** The id of our own company's score (`strategy.self`); competitors have their own ids. */
export const SELF_ID = 'self';

/**
 * Fields a company record knows. `order` is where the doc keeps a competitor's place in the
 * list (not a field of the record): read by the reader, never kept in `extra`.
 */
const KNOWN: ReadonlySet<string> = new Set([...Object.keys(COMPANY_SCORE_LIMITS), 'order']);
/** Its fields in the format: `extra` never holds them (`order` may be an extra there). */
const FORMAT_FIELDS: ReadonlySet<string> = new Set([...KNOWN].filter((k) => k !== 'order'));

/** Any value as a company score: `strategy.self` (id SELF_ID) or a competitor with id `id`. */
export function restoreCompanyScore(raw: unknown, id: string = SELF_ID): Restored<CompanyScore> {
  const log: RepairLog = [];
  const o = fieldsOf(raw, log) ?? {};
  const L = COMPANY_SCORE_LIMITS;
  const value: Mutable<CompanyScore> = { id, name: text(own(o, 'name'), 'name', L.name, '', log) };
  const digital = num(
    own(o, 'digitalCompetence'),
    'digitalCompetence',
    L.digitalCompetence,
    undefined,
    log,
  );
  if (digital !== undefined) value.digitalCompetence = digital as Score; // whole, 1..5
  const service = num(own(o, 'serviceCulture'), 'serviceCulture', L.serviceCulture, undefined, log);
  if (service !== undefined) value.serviceCulture = service as Score;
  const extra = extraOf(o, KNOWN, log, FORMAT_FIELDS);
  if (extra !== undefined) value.extra = extra;
  return { value, repaired: log.length === 0 ? NO_REPAIRS : log };
}
