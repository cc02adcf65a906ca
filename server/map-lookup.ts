// The map an /api/maps/:id request names: its record, or 404 (an id that is not even well
// formed is never looked up). Every route of the API and of versions-api.ts starts here.
import { MAP_ID_PATTERN } from './auth';
import { HttpError } from './http-util';
import type { MapRecord, Storage } from './storage/types';

export async function findMap(storage: Storage, mapId: string): Promise<MapRecord> {
  const map = MAP_ID_PATTERN.test(mapId) ? await storage.getMap(mapId) : undefined;
  if (!map) throw new HttpError(404, 'map not found');
  return map;
}
