import { describe, expect, it } from 'vitest';
import { DEFAULT_IMAGE_OPTIONS, parseImageOptions } from './options';
import { exportFileName, slugify } from './fileName';

describe('parseImageOptions', () => {
  it('fills the defaults (2×, white, natural size, title and legend)', () => {
    expect(parseImageOptions({})).toEqual(DEFAULT_IMAGE_OPTIONS);
    expect(DEFAULT_IMAGE_OPTIONS.scale).toBe(2);
    // Comment pins are review chrome: out of pictures unless asked for.
    expect(DEFAULT_IMAGE_OPTIONS.includeComments).toBe(false);
    expect(parseImageOptions({ includeComments: true }).includeComments).toBe(true);
  });
  it.each([
    [{ scale: 4 }, 'options.scale: must be one of 1, 2, 3'],
    [{ background: 'pink' }, 'options.background: must be one of white, transparent, theme'],
    [{ paddingPx: -1 }, 'options.paddingPx: must be an integer from 0 to 400'],
    [{ paddingPx: 1.5 }, 'options.paddingPx: must be an integer from 0 to 400'],
    [{ fit: 'a4' }, 'options.fit: must be one of natural, slide'],
    [{ includeTitle: 'yes' }, 'options.includeTitle: must be true or false'],
    [{ includeComments: 1 }, 'options.includeComments: must be true or false'],
    [null, 'options: must be an object'],
  ])('refuses %j', (input, message) => expect(() => parseImageOptions(input)).toThrow(message));
});

describe('exportFileName', () => {
  it('slugs the title and adds the local date', () => {
    expect(exportFileName('Airline journey', new Date(2026, 10, 24), 'png')).toBe(
      'airline-journey-2026-11-24.png',
    );
  });
  it('folds Italian accents and drops emoji and symbols', () => {
    expect(slugify('Viaggio in città: è così 😄!')).toBe('viaggio-in-citta-e-cosi');
  });
  it('never returns an empty name', () =>
    expect(exportFileName('😄', new Date(2026, 0, 2), 'json')).toBe('map-2026-01-02.json'));
});
