/** Named versions from an imported file: the record's restore(), its schema, the meta field. */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readSnapshot } from '../read';
import { seedTemplate } from '../templates';
import { VERSION_LIMITS } from '../versions/record';
import { restoreMeta } from './meta';
import {
  MAX_NAMED_VERSIONS,
  NAMED_VERSION_LIMITS,
  namedVersionsOf,
  restoreNamedVersions,
} from './named-version';
import { namedVersionSchema } from './schema/named-version.schema';
import { isIsoTime } from './support/fields';

const ok = {
  id: 'v-1',
  name: 'Before the workshop',
  createdAt: '2026-03-12T08:30:00.000Z',
  author: 'Luca',
};

describe('named versions (records/named-version.ts)', () => {
  it("uses the app's version limits, one definition each", () => {
    expect(NAMED_VERSION_LIMITS.name.chars).toBe(VERSION_LIMITS.nameChars);
    expect(NAMED_VERSION_LIMITS.author.chars).toBe(VERSION_LIMITS.byChars);
    expect(MAX_NAMED_VERSIONS).toBe(200);
  });

  it('restores a valid list unchanged, and absent as absent without a repair', () => {
    expect(restoreNamedVersions([ok, { ...ok, id: 'v-2', author: '' }])).toEqual({
      value: [ok, { ...ok, id: 'v-2', author: '' }],
      repaired: [],
    });
    expect(restoreNamedVersions(undefined)).toEqual({ value: undefined, repaired: [] });
    expect(namedVersionSchema.safeParse(ok).success).toBe(true);
  });

  it('drops entries it cannot use, each with a repair naming its place, and never throws', () => {
    const r = restoreNamedVersions([
      { ...ok, id: '../x' },
      { ...ok, id: 'v-2', name: '   ' },
      { ...ok, id: 'v-3', createdAt: 1773400000000 },
      { ...ok, id: 'v-4', createdAt: '2026-02-30T00:00:00Z' },
      null,
      'v-5',
      { ...ok, id: 'v-6', name: 'x'.repeat(10_000), author: 'y'.repeat(500) },
      { ...ok, id: 'v-6', name: 'Again' },
      { ...ok, id: 'v-7', author: 42 },
    ]);
    expect(r.value?.map((v) => v.id)).toEqual(['v-6', 'v-7']);
    const v6 = r.value![0]!;
    expect(v6.name).toHaveLength(VERSION_LIMITS.nameChars);
    expect(v6.author).toHaveLength(VERSION_LIMITS.byChars);
    expect(r.value![1]!.author).toBe('');
    expect(r.repaired.map((x) => x.field)).toEqual([
      'versions.0.id',
      'versions.1.name',
      'versions.2.createdAt',
      'versions.3.createdAt',
      'versions.4',
      'versions.5',
      'versions.6.name',
      'versions.6.author',
      'versions.7.id',
      'versions.8.author',
    ]);
    for (const v of r.value!) expect(namedVersionSchema.safeParse(v).success).toBe(true);
    for (const bad of [7, 'x', {}, null, new Y.Doc().getMap('m'), new Y.Doc().getArray('a')]) {
      const b = restoreNamedVersions(bad);
      expect(b.value).toBeUndefined();
      expect(b.repaired[0]?.field).toBe('versions');
    }
    const many = Array.from({ length: MAX_NAMED_VERSIONS + 5 }, (_, i) => ({ ...ok, id: `v${i}` }));
    const cut = restoreNamedVersions(many);
    expect(cut.value).toHaveLength(MAX_NAMED_VERSIONS);
    expect(cut.repaired.map((x) => x.kind)).toEqual(['tooLong']);
  });

  it('takes only real UTC times', () => {
    for (const t of ['2026-03-12T08:30:00Z', '2026-03-12T08:30:00.123Z', '2028-02-29T00:00:00Z'])
      expect(isIsoTime(t), t).toBe(true);
    for (const t of [
      '2026-02-30T00:00:00Z',
      '2026-03-12T24:00:00Z',
      '2026-03-12T08:30:00+01:00',
      '2026-03-12',
      ' 2026-03-12T08:30:00Z',
      '2026-03-12T08:30:00.1234Z',
      1773400000000,
    ])
      expect(isIsoTime(t), String(t)).toBe(false);
  });

  it('is a field of the meta record, never kept in extra; the reader shows it', () => {
    const r = restoreMeta({ schemaVersion: 1, title: 'T', versions: [ok, { id: 3 }] });
    expect(r.value.versions).toEqual([ok]);
    expect(r.value.extra).toBeUndefined();
    expect(r.repaired.map((x) => x.field)).toEqual(['versions.1.id']);
    const doc = new Y.Doc();
    seedTemplate(doc, 'airline', 'Airline');
    doc.getMap('meta').set('versions', [ok]);
    expect(readSnapshot(doc).meta.versions).toEqual([ok]);
    doc.getMap('meta').set('versions', 'garbage');
    const snap = readSnapshot(doc);
    expect(snap.meta.versions).toBeUndefined();
    expect(snap.repairs.get('meta')?.[0]?.field).toBe('versions');
  });

  it("turns a history's named versions into entries, leaving out automatic ones", () => {
    const at = Date.UTC(2026, 2, 12, 8, 30);
    expect(
      namedVersionsOf([
        { id: 'v-1', kind: 'named', name: 'Before', at, by: 'Luca' },
        { id: 'v-2', kind: 'auto', name: '', at, by: 'Luca' },
        { id: 'v-3', kind: 'named', name: 'Bad time', at: Number.NaN, by: '' },
      ]),
    ).toEqual([
      { id: 'v-1', name: 'Before', createdAt: '2026-03-12T08:30:00.000Z', author: 'Luca' },
    ]);
  });
});
