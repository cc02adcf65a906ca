import { useSyncExternalStore } from 'react';
import type { RecordKey, Repair } from '../../model/records/support/repair';
import { useSession } from '../canvas/SessionContext';
import { NO_REPAIRS } from '../panels/RepairNote';

/**
 * The repairs of one record, for a view that does not get the snapshot (the map header): it
 * re-renders only when that record's list changes, since the reader keeps it by identity.
 */
export function useRecordRepairs(key: RecordKey): readonly Repair[] {
  const { map } = useSession();
  const get = () => map.getSnapshot().repairs.get(key) ?? NO_REPAIRS;
  return useSyncExternalStore(map.subscribe, get, get);
}
