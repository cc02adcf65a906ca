/**
 * A map's thumbnail for the library: a tiny SVG drawn from the snapshot (boxes for nodes,
 * lines for touchpoints), as a data URL. Pure string work, so it is cheap enough to redraw
 * every few seconds while someone edits and needs no DOM.
 */
import { nodeSize } from '../model/geometry';
import { KIND_COLOR } from '../model/kindColor';
import type { MapSnapshot } from '../model/types';

export const THUMBNAIL_WIDTH_PX = 160;
export const THUMBNAIL_HEIGHT_PX = 100;
const PADDING_PX = 6;

/** Nodes at the canvas's sizes (model/geometry.ts), so the thumbnail has the map's proportions. */
const size = nodeSize;
const r1 = (v: number) => Math.round(v * 10) / 10;

/** An `data:image/svg+xml` URL picturing the map; an empty map gives an empty frame. */
export function drawThumbnail(snapshot: MapSnapshot): string {
  const W = THUMBNAIL_WIDTH_PX;
  const H = THUMBNAIL_HEIGHT_PX;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const n of snapshot.nodes) {
    const { w, h } = size(n);
    minX = Math.min(minX, n.x);
    minY = Math.min(minY, n.y);
    maxX = Math.max(maxX, n.x + w);
    maxY = Math.max(maxY, n.y + h);
  }
  const lines: string[] = [];
  const boxes: string[] = [];
  if (snapshot.nodes.length > 0) {
    const scale = Math.min(
      (W - 2 * PADDING_PX) / (maxX - minX || 1),
      (H - 2 * PADDING_PX) / (maxY - minY || 1),
    );
    const px = (x: number) => r1(PADDING_PX + (x - minX) * scale);
    const py = (y: number) => r1(PADDING_PX + (y - minY) * scale);
    for (const t of snapshot.touchpoints) {
      const a = snapshot.nodeById.get(t.from);
      const b = snapshot.nodeById.get(t.to);
      if (!a || !b) continue;
      const [sa, sb] = [size(a), size(b)];
      lines.push(
        `<line x1="${px(a.x + sa.w / 2)}" y1="${py(a.y + sa.h / 2)}" x2="${px(b.x + sb.w / 2)}" y2="${py(b.y + sb.h / 2)}"/>`,
      );
    }
    for (const n of snapshot.nodes) {
      const { w, h } = size(n);
      boxes.push(
        `<rect x="${px(n.x)}" y="${py(n.y)}" width="${r1(Math.max(1, w * scale))}" height="${r1(Math.max(1, h * scale))}" rx="1" fill="${KIND_COLOR[n.kind]}"/>`,
      );
    }
  }
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">` +
    `<rect width="${W}" height="${H}" fill="#f8f9fa"/>` +
    `<g stroke="#adb5bd" stroke-width="0.6">${lines.join('')}</g>${boxes.join('')}</svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}
