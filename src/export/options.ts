/** Options of an image export, their defaults and their validation (`path: message` errors). */

export const SCALES = [1, 2, 3] as const;
export type Scale = (typeof SCALES)[number];
export const BACKGROUNDS = ['white', 'transparent', 'theme'] as const;
export type Background = (typeof BACKGROUNDS)[number];
export const FITS = ['natural', 'slide'] as const;
export type Fit = (typeof FITS)[number];
export const IMAGE_FORMATS = ['png', 'svg'] as const;
export type ImageFormat = (typeof IMAGE_FORMATS)[number];

/** What the picture shows: the node canvas or the journey grid (default: the view on screen). */
export const PICTURES = ['canvas', 'grid'] as const;
export type Picture = (typeof PICTURES)[number];

/** Largest padding around the map, px. */
export const MAX_PADDING_PX = 400;

export interface ImageOptions {
  /** Device pixels per CSS px of a PNG (the SVG is vector and ignores it). */
  readonly scale: Scale;
  readonly background: Background;
  /** Space around the map, px at 1×. */
  readonly paddingPx: number;
  /** 'slide': a 1920×1080 (at 1×) picture with the map fitted in; 'natural': the map at 100 %. */
  readonly fit: Fit;
  readonly includeTitle: boolean;
  readonly includeLegend: boolean;
  /** Comment pins and badges in the picture (off: they are review chrome). */
  readonly includeComments: boolean;
  /** The map's persona cards under the picture (export/personaCards.ts); off by default. */
  readonly includePersonas: boolean;
}

export const DEFAULT_IMAGE_OPTIONS: ImageOptions = Object.freeze({
  scale: 2,
  background: 'white',
  paddingPx: 32,
  fit: 'natural',
  includeTitle: true,
  includeLegend: true,
  includeComments: false,
  includePersonas: false,
});

function oneOf<T>(path: string, value: unknown, allowed: readonly T[]): T {
  if (!allowed.includes(value as T))
    throw new Error(`${path}: must be one of ${allowed.join(', ')}`);
  return value as T;
}

function bool(path: string, value: unknown): boolean {
  if (typeof value !== 'boolean') throw new Error(`${path}: must be true or false`);
  return value;
}

/** Checks partial options from the UI or storage and fills the defaults; throws `path: message`. */
export function parseImageOptions(input: unknown, path = 'options'): ImageOptions {
  if (input === undefined) return DEFAULT_IMAGE_OPTIONS;
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    throw new Error(`${path}: must be an object`);
  const o = { ...DEFAULT_IMAGE_OPTIONS, ...(input as Partial<ImageOptions>) };
  const pad = o.paddingPx;
  if (typeof pad !== 'number' || !Number.isInteger(pad) || pad < 0 || pad > MAX_PADDING_PX) {
    throw new Error(`${path}.paddingPx: must be an integer from 0 to ${MAX_PADDING_PX}`);
  }
  return {
    scale: oneOf(`${path}.scale`, o.scale, SCALES),
    background: oneOf(`${path}.background`, o.background, BACKGROUNDS),
    paddingPx: pad,
    fit: oneOf(`${path}.fit`, o.fit, FITS),
    includeTitle: bool(`${path}.includeTitle`, o.includeTitle),
    includeLegend: bool(`${path}.includeLegend`, o.includeLegend),
    includeComments: bool(`${path}.includeComments`, o.includeComments),
    includePersonas: bool(`${path}.includePersonas`, o.includePersonas),
  };
}
