import { describe, expect, it } from 'vitest';
import {
  fitPixelRatio,
  LEGEND_BAND_PX,
  planImage,
  SLIDE_HEIGHT_PX,
  SLIDE_WIDTH_PX,
  TITLE_BAND_PX,
} from './geometry';
import { DEFAULT_IMAGE_OPTIONS, type ImageOptions } from './options';

const opts = (o: Partial<ImageOptions>): ImageOptions => ({ ...DEFAULT_IMAGE_OPTIONS, ...o });
const bounds = { x: -100, y: 50, width: 1000, height: 400 };

describe('planImage', () => {
  it('natural size: the map at 100 % plus padding and bands, bounds moved to the content box', () => {
    const p = planImage(
      bounds,
      opts({ fit: 'natural', paddingPx: 20, includeTitle: true, includeLegend: true }),
    );
    expect(p.width).toBe(1040);
    expect(p.height).toBe(400 + 40 + TITLE_BAND_PX + LEGEND_BAND_PX);
    expect(p.content).toEqual({ x: 20, y: 20 + TITLE_BAND_PX, width: 1000, height: 400 });
    expect(p.viewport).toEqual({ x: 100, y: -50, zoom: 1 });
    expect(p.pixelRatio).toBe(2);
    expect(p.scaledDown).toBeNull();
  });

  it('slide: 1920×1080, the map fitted and centred in the content box', () => {
    const p = planImage(
      bounds,
      opts({ fit: 'slide', paddingPx: 0, includeTitle: false, includeLegend: false }),
    );
    expect([p.width, p.height]).toEqual([SLIDE_WIDTH_PX, SLIDE_HEIGHT_PX]);
    expect(p.viewport.zoom).toBeCloseTo(1.92);
    // Centred vertically: the scaled map is 768 px high in 1080.
    expect(p.viewport.y + 50 * p.viewport.zoom).toBeCloseTo((1080 - 768) / 2);
    expect(p.viewport.x + -100 * p.viewport.zoom).toBeCloseTo(0);
  });

  it('slide: a tiny map is not blown up past MAX_SLIDE_ZOOM', () => {
    const p = planImage({ x: 0, y: 0, width: 10, height: 10 }, opts({ fit: 'slide' }));
    expect(p.viewport.zoom).toBe(2);
  });

  it('scales down within the canvas limits and says so', () => {
    const p = planImage(
      { x: 0, y: 0, width: 12_000, height: 3_000 },
      opts({ scale: 3, paddingPx: 0, includeTitle: false, includeLegend: false }),
      {
        maxSidePx: 16_384,
        maxAreaPx: 1e12,
      },
    );
    expect(p.pixelRatio).toBeLessThan(3);
    expect(p.width * p.pixelRatio).toBeLessThanOrEqual(16_384);
    expect(p.scaledDown).toEqual({ requested: 3, used: p.pixelRatio });
  });
});

describe('fitPixelRatio', () => {
  it('keeps the requested scale when it fits', () =>
    expect(fitPixelRatio(1000, 1000, 3, { maxSidePx: 16384, maxAreaPx: 1e8 })).toBe(3));
  it('respects the area limit', () => {
    const r = fitPixelRatio(10_000, 10_000, 2, { maxSidePx: 32_767, maxAreaPx: 16_777_216 });
    expect(10_000 * r * 10_000 * r).toBeLessThanOrEqual(16_777_216);
    expect(r).toBe(0.4);
  });
});
