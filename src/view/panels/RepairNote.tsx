/**
 * A value the snapshot reader had to repair (`MapSnapshot.repairs`, see model/records/repair.ts)
 * is shown as repaired where it is edited: a short note next to the input, linked to it with
 * aria-describedby, in words and with an icon (never by colour alone). Showing it writes nothing:
 * the repaired value reaches the doc only when a person edits the field, and the note goes away
 * when the reader finds the field valid again.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { REPAIR_KINDS, type RecordKey, type Repair } from '../../model/records/support/repair';
import type { MapSnapshot } from '../../model/types';
import './repair.css';

/** One empty list for every record that needed no repair, so props keep their identity. */
export const NO_REPAIRS: readonly Repair[] = Object.freeze([]);

/** The repairs of one record (the reader keeps each list by identity while it is unchanged). */
export const repairsOf = (snapshot: MapSnapshot, key: RecordKey): readonly Repair[] =>
  snapshot.repairs.get(key) ?? NO_REPAIRS;

/** Repairs of `field` itself or inside it (`painPoints.3` belongs to `painPoints`). */
const onField = (r: Repair, field: string) => r.field === field || r.field.startsWith(`${field}.`);

/** Ids go into aria-describedby, a space-separated list: keep record ids from peers safe there. */
const noteId = (key: RecordKey, field: string) =>
  `repair-${key}-${field || 'record'}`.replace(/[^A-Za-z0-9_.:-]/g, '_');

export interface RepairNotes {
  /** The id of the field's note for its input's aria-describedby; undefined when not repaired. */
  describedBy(field: string): string | undefined;
  /** The note to put next to the field's input; null when the field was not repaired. */
  note(field: string): ReactNode;
  /**
   * One note for the whole record: repairs of the record itself (field '') and of fields that
   * have no input here (`fields` lists the ones that do), so no repair goes unshown.
   */
  recordNote(fields: readonly string[]): ReactNode;
}

const NONE: RepairNotes = {
  describedBy: () => undefined,
  note: () => null,
  recordNote: () => null,
};

/** Notes for one record's fields; costs nothing for a record that needed no repair. */
export function repairNotes(key: RecordKey, repairs: readonly Repair[]): RepairNotes {
  if (repairs.length === 0) return NONE;
  const has = (field: string) => repairs.some((r) => onField(r, field));
  return {
    describedBy: (field) => (has(field) ? noteId(key, field) : undefined),
    note: (field) =>
      has(field) ? (
        <RepairNote id={noteId(key, field)} repairs={repairs.filter((r) => onField(r, field))} />
      ) : null,
    recordNote: (fields) => {
      const rest = repairs.filter((r) => !fields.some((f) => f !== '' && onField(r, f)));
      return rest.length ? <RepairNote id={noteId(key, '')} repairs={rest} withFields /> : null;
    },
  };
}

/** Notes for the record `key` of a snapshot's repairs map (the strategy steps get the map). */
export const recordNotes = (
  repairs: MapSnapshot['repairs'] | undefined,
  key: RecordKey,
): RepairNotes => repairNotes(key, repairs?.get(key) ?? NO_REPAIRS);

/** The visible note: "Repaired: the text was too long and was cut." */
export function RepairNote({
  id,
  repairs,
  withFields = false,
}: {
  id: string;
  repairs: readonly Repair[];
  /** Name the fields (a record-level note covers several). */
  withFields?: boolean;
}) {
  const { t } = useTranslation('repair');
  const reason = (r: Repair) => t(`kind.${REPAIR_KINDS.includes(r.kind) ? r.kind : 'wrongType'}`);
  const reasons = withFields
    ? repairs.map((r) => (r.field ? `${r.field}: ${reason(r)}` : reason(r)))
    : repairs.map(reason);
  return (
    <p id={id} className="repair-note" role="note" title={t('hint')}>
      <span className="repair-note-icon" aria-hidden="true">
        ⚠
      </span>
      <span>{t('note', { reasons: [...new Set(reasons)].join('; ') })}</span>
    </p>
  );
}
