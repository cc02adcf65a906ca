import { describe, expect, it } from 'vitest';
import { mapHref, parseRoute } from './routes';

describe('parseRoute', () => {
  it('reads the library and map routes', () => {
    expect(parseRoute('')).toEqual({ name: 'library' });
    expect(parseRoute('#/')).toEqual({ name: 'library' });
    expect(parseRoute('#/map/abc-1')).toEqual({ name: 'map', mapId: 'abc-1' });
    expect(parseRoute('#/map/abc?token=e.x_y')).toEqual({
      name: 'map',
      mapId: 'abc',
      token: 'e.x_y',
    });
  });
  it('refuses bad ids and tokens with a reason', () => {
    expect(parseRoute('#/map/%E0%A4%A')).toEqual({ name: 'library', error: 'route.badId' });
    expect(parseRoute('#/map/a b')).toEqual({ name: 'library', error: 'route.badId' });
    expect(parseRoute(`#/map/${'x'.repeat(65)}`)).toEqual({
      name: 'library',
      error: 'route.badId',
    });
    expect(parseRoute('#/map/abc?token=<script>')).toEqual({
      name: 'library',
      error: 'route.badToken',
    });
    expect(parseRoute('#/nowhere')).toEqual({ name: 'library', error: 'route.unknown' });
  });
  it('round-trips hrefs', () => {
    expect(parseRoute(mapHref('m-1', 'v.abc'))).toEqual({
      name: 'map',
      mapId: 'm-1',
      token: 'v.abc',
    });
  });
});
