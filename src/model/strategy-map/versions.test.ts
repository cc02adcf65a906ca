import { describe, expect, it } from 'vitest';
import { STRATEGY_MAP_VERSION } from './schema';
import {
  FORMAT_MIGRATIONS,
  upgradeDocument,
  V1_GRID_FIELD,
  V2_COMMENTS_FIELD,
  V3_LANGUAGE_FIELD,
  V3_LOGO_FIELD,
  V4_FIELD_PREFIX,
  V5_FIELD_PREFIX,
  V6_VERSIONS_FIELD,
  type FormatMigration,
} from './versions';

const FORMAT = 'itinera/strategy-map';

/** A made-up history (v1 → v2 renames `title` to `name`, v2 → v3 adds `tags`) to test the chain itself. */
const HISTORY: FormatMigration[] = [
  {
    from: 1,
    name: 'rename-title',
    run: ({ title, ...rest }) => ({ ...rest, name: title ?? '' }),
  },
  { from: 2, name: 'add-tags', run: (doc) => ({ ...doc, tags: [] }) },
];

describe('format versions', () => {
  it('has one migration per version after the first, in order', () => {
    expect(STRATEGY_MAP_VERSION).toBe(7);
    expect(FORMAT_MIGRATIONS.map((m) => [m.from, m.name])).toEqual([
      [1, 'add-grid'],
      [2, 'add-comments'],
      [3, 'add-language-and-logo'],
      [4, 'add-personas-and-evidence'],
      [5, 'add-journey-states'],
      [6, 'add-named-versions'],
    ]);
    expect(upgradeDocument({ format: FORMAT, version: 7, title: 'T' })).toEqual({
      ok: true,
      value: { format: FORMAT, version: 7, title: 'T' },
    });
  });

  it('v6 → v7 adds nothing (named versions are optional), keeping a v6 field named versions aside', () => {
    expect(upgradeDocument({ format: FORMAT, version: 6, title: 'T' })).toEqual({
      ok: true,
      value: { format: FORMAT, version: 7, title: 'T' },
    });
    const theirs = { revisions: [1, 2, 3] };
    const r = upgradeDocument({ format: FORMAT, version: 6, versions: theirs });
    expect(r.ok && r.value).toEqual({ format: FORMAT, version: 7, [V6_VERSIONS_FIELD]: theirs });
    expect(V6_VERSIONS_FIELD).toBe('x-v6-versions');
    // A name already taken by the file is left as it is (the older field is not written over).
    const taken = upgradeDocument({
      format: FORMAT,
      version: 6,
      versions: 'theirs',
      [V6_VERSIONS_FIELD]: 'kept',
    });
    expect(taken.ok && taken.value).toEqual({
      format: FORMAT,
      version: 7,
      [V6_VERSIONS_FIELD]: 'kept',
    });
    // A v1 file's field of that name goes the same way, through every step.
    const v1 = upgradeDocument({ format: FORMAT, version: 1, versions: [{ id: 'x' }] });
    expect(v1.ok && v1.value).toMatchObject({ version: 7, [V6_VERSIONS_FIELD]: [{ id: 'x' }] });
    expect(v1.ok && 'versions' in v1.value).toBe(false);
  });

  it('v5 → v6 adds nothing (links are optional), keeping v5 fields named currentState and futureState aside', () => {
    expect(upgradeDocument({ format: FORMAT, version: 5, title: 'T' })).toEqual({
      ok: true,
      value: { format: FORMAT, version: 7, title: 'T' },
    });
    const r = upgradeDocument({
      format: FORMAT,
      version: 5,
      futureState: 'theirs',
      currentState: 1,
    });
    expect(r.ok && r.value).toEqual({
      format: FORMAT,
      version: 7,
      [`${V5_FIELD_PREFIX}futureState`]: 'theirs',
      [`${V5_FIELD_PREFIX}currentState`]: 1,
    });
  });

  it('v4 → v5 adds nothing (all optional), keeping v4 fields named personas and evidence aside', () => {
    expect(upgradeDocument({ format: FORMAT, version: 4, title: 'T' })).toEqual({
      ok: true,
      value: { format: FORMAT, version: 7, title: 'T' },
    });
    const r = upgradeDocument({
      format: FORMAT,
      version: 4,
      personas: 'theirs',
      touchpoints: [{ id: 't', evidence: 'high', personas: ['a'], 'x-v4-personas': 1 }, 7],
      grid: { items: [{ id: 'i', evidence: 3 }], lanes: [] },
    });
    expect(r.ok && r.value).toEqual({
      format: FORMAT,
      version: 7,
      [`${V4_FIELD_PREFIX}personas`]: 'theirs',
      touchpoints: [{ id: 't', [`${V4_FIELD_PREFIX}evidence`]: 'high', 'x-v4-personas': 1 }, 7],
      grid: { items: [{ id: 'i', [`${V4_FIELD_PREFIX}evidence`]: 3 }], lanes: [] },
    });
    // Garbage where lists should be is left for the schema to report.
    const odd = upgradeDocument({ format: FORMAT, version: 4, touchpoints: 'x', grid: 3 });
    expect(odd.ok && odd.value).toEqual({ format: FORMAT, version: 7, touchpoints: 'x', grid: 3 });
  });

  it('v3 → v4 adds nothing (both optional), keeping v3 fields named language and logo aside', () => {
    expect(upgradeDocument({ format: FORMAT, version: 3, title: 'T' })).toEqual({
      ok: true,
      value: { format: FORMAT, version: 7, title: 'T' },
    });
    const r = upgradeDocument({ format: FORMAT, version: 3, language: 'Klingon', logo: 7 });
    expect(r.ok && r.value).toEqual({
      format: FORMAT,
      version: 7,
      [V3_LANGUAGE_FIELD]: 'Klingon',
      [V3_LOGO_FIELD]: 7,
    });
  });

  it('v2 → v3 adds nothing (comments are optional), keeping a v2 field named comments aside', () => {
    expect(upgradeDocument({ format: FORMAT, version: 2, title: 'T' })).toEqual({
      ok: true,
      value: { format: FORMAT, version: 7, title: 'T' },
    });
    const theirs = [{ note: 'from another tool' }];
    const r = upgradeDocument({ format: FORMAT, version: 2, comments: theirs });
    expect(r.ok && r.value).toEqual({ format: FORMAT, version: 7, [V2_COMMENTS_FIELD]: theirs });
    // A v1 file's field of that name goes the same way, through both steps.
    const v1 = upgradeDocument({ format: FORMAT, version: 1, comments: theirs });
    expect(v1.ok && v1.value).toMatchObject({ version: 7, [V2_COMMENTS_FIELD]: theirs });
    expect(v1.ok && 'comments' in v1.value).toBe(false);
  });

  it('v1 → v2 gives a v1 map an empty grid (derived lanes only), keeping a v1 field named grid', () => {
    expect(upgradeDocument({ format: FORMAT, version: 1, title: 'T' })).toEqual({
      ok: true,
      value: {
        format: FORMAT,
        version: 7,
        title: 'T',
        grid: { lanes: [], items: [], laneSettings: [] },
      },
    });
    const theirs = { rows: ['a', 'b'] };
    const r = upgradeDocument({ format: FORMAT, version: 1, grid: theirs });
    expect(r.ok && r.value).toEqual({
      format: FORMAT,
      version: 7,
      [V1_GRID_FIELD]: theirs,
      grid: { lanes: [], items: [], laneSettings: [] },
    });
  });

  it('runs every step from the file version up to the current one, in order', () => {
    expect(upgradeDocument({ format: FORMAT, version: 1, title: 'T' }, HISTORY, 3)).toEqual({
      ok: true,
      value: { format: FORMAT, version: 3, name: 'T', tags: [] },
    });
    expect(upgradeDocument({ format: FORMAT, version: 2, name: 'N' }, HISTORY, 3)).toEqual({
      ok: true,
      value: { format: FORMAT, version: 3, name: 'N', tags: [] },
    });
  });

  it('does not change its input', () => {
    const input = { format: FORMAT, version: 1, title: 'T' };
    upgradeDocument(input, HISTORY, 3);
    expect(input).toEqual({ format: FORMAT, version: 1, title: 'T' });
  });

  it('refuses a gap in the chain, a version newer than the code and one older than the first', () => {
    expect(upgradeDocument({ format: FORMAT, version: 1 }, [HISTORY[1]!], 3)).toEqual({
      ok: false,
      issues: [{ path: 'version', message: 'no migration from version 1' }],
    });
    const newer = upgradeDocument({ format: FORMAT, version: 4 }, HISTORY, 3);
    expect(!newer.ok && newer.issues[0]!.message).toMatch(
      /newer version of Itinera \(format version 4; this one reads up to 3\)/,
    );
    const older = upgradeDocument({ format: FORMAT, version: 1 }, HISTORY, 3, 2);
    expect(!older.ok && older.issues[0]!.message).toBe('unknown version 1: the first is 2');
  });
});
