import { describe, expect, it } from 'vitest';
import { NODE_SIZE } from '../model/geometry';
import { KIND_COLOR } from '../model/kindColor';
import type { JourneyNode, MapSnapshot } from '../model/types';
import { drawThumbnail } from './thumbnail';

const snapshotOf = (nodes: JourneyNode[]) =>
  ({
    nodes,
    touchpoints: [],
    nodeById: new Map(nodes.map((n) => [n.id, n])),
  }) as unknown as MapSnapshot;

/** The rects drawn for nodes (the first rect is the background). */
function boxes(url: string): { w: number; h: number }[] {
  const svg = decodeURIComponent(url.slice('data:image/svg+xml,'.length));
  return [...svg.matchAll(/<rect x="[^"]*" y="[^"]*" width="([^"]+)" height="([^"]+)"/g)].map(
    (m) => ({ w: Number(m[1]), h: Number(m[2]) }),
  );
}

describe('drawThumbnail', () => {
  it('fills each kind with its colour on the canvas (model/kindColor.ts)', () => {
    for (const kind of ['stage', 'channel', 'device', 'note'] as const) {
      const node = { id: 'n', kind, label: '', x: 0, y: 0 } as JourneyNode;
      const svg = decodeURIComponent(drawThumbnail(snapshotOf([node])));
      expect(svg).toContain(`rx="1" fill="${KIND_COLOR[kind]}"`);
    }
  });

  it('draws nodes with the canvas proportions of their kind (model/geometry.ts)', () => {
    for (const kind of ['stage', 'channel', 'device', 'note'] as const) {
      const node = { id: 'n', kind, label: '', x: 0, y: 0 } as JourneyNode;
      const [box] = boxes(drawThumbnail(snapshotOf([node])));
      expect(box!.w / box!.h).toBeCloseTo(NODE_SIZE[kind].w / NODE_SIZE[kind].h, 1);
    }
  });

  it('draws a resized node at its own size', () => {
    const a = { id: 'a', kind: 'note', label: '', x: 0, y: 0, w: 400, h: 100 } as JourneyNode;
    const b = { id: 'b', kind: 'note', label: '', x: 0, y: 200 } as JourneyNode;
    const [wide, natural] = boxes(drawThumbnail(snapshotOf([a, b])));
    expect(wide!.w / natural!.w).toBeCloseTo(400 / NODE_SIZE.note.w, 1);
  });
});
