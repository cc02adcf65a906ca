/**
 * Serves the built bench pages (dist-bench/) and the generated map fixtures:
 * `fixtures/map-<n>.bin` (one Yjs V2 update, for the app) and `fixtures/bare-<n>.json` (the same
 * graph as React Flow nodes and edges, for the reference page), and `fixtures/grid-map.bin`
 * (the grid rows' map, bench/grid/generate.ts).
 */
import { serveStatic, type StaticServer } from '../static-server';
import { gridMapUpdate } from '../grid/generate';
import { bareGraph, generateMap, mapUpdate } from './generate';

export type PagesServer = StaticServer;

export async function servePages(root: string, sizes: readonly number[]): Promise<PagesServer> {
  const fixtures = new Map<string, Buffer>();
  for (const n of sizes) {
    const map = generateMap(n);
    fixtures.set(`/fixtures/map-${n}.bin`, Buffer.from(mapUpdate(map, `Bench map, ${n} nodes`)));
    fixtures.set(`/fixtures/bare-${n}.json`, Buffer.from(JSON.stringify(bareGraph(map))));
  }
  fixtures.set('/fixtures/grid-map.bin', Buffer.from(gridMapUpdate()));
  return serveStatic(root, { extra: fixtures });
}
