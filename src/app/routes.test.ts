import { describe, expect, it } from 'vitest';
import { compareHref, mapHref, parseCompareRef, parseRoute } from './routes';

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
  it('reads the compare route, a side being a map id or later map@version', () => {
    expect(parseRoute('#/compare/map-a/map_b')).toEqual({
      name: 'compare',
      before: { mapId: 'map-a' },
      after: { mapId: 'map_b' },
    });
    expect(parseRoute('#/compare/m1%40v-2/m1')).toEqual({
      name: 'compare',
      before: { mapId: 'm1', versionId: 'v-2' },
      after: { mapId: 'm1' },
    });
    expect(parseCompareRef('a@b@c')).toBeNull();
    expect(parseCompareRef('a@')).toBeNull();
  });
  it('refuses a compare route with a bad id, saying which side', () => {
    expect(parseRoute('#/compare/a b/m')).toEqual({
      name: 'library',
      error: 'route.badCompareFirst',
    });
    expect(parseRoute('#/compare//m')).toEqual({ name: 'library', error: 'route.badCompareFirst' });
    expect(parseRoute('#/compare/m/%E0%A4%A')).toEqual({
      name: 'library',
      error: 'route.badCompareSecond',
    });
    expect(parseRoute(`#/compare/m/${'x'.repeat(65)}`)).toEqual({
      name: 'library',
      error: 'route.badCompareSecond',
    });
    expect(parseRoute('#/compare/m')).toEqual({ name: 'library', error: 'route.unknown' });
  });
  it('round-trips compare hrefs', () => {
    const before = { mapId: 'm-1', versionId: 'v1' };
    const after = { mapId: 'm-2' };
    expect(parseRoute(compareHref(before, after))).toEqual({ name: 'compare', before, after });
  });
});
