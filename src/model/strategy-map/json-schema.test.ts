import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SCHEMA_FILE, schemaText } from '../../../scripts/gen-schema';
import { seedTemplate, TEMPLATE_KEYS } from '../templates';
import { seededRandom } from '../testing/random';
import {
  exportStrategyMap,
  importStrategyMap,
  parseStrategyMap,
  parseStrategyMapText,
} from './index';
import { randomStrategyMap } from './testing/random-document';

const AIRLINE_TEXT = readFileSync(new URL('./fixtures/airline.v7.json', import.meta.url), 'utf8');
/** The airline map as version 6 wrote it (no named versions): frozen, it must import for good. */
const AIRLINE_V6_TEXT = readFileSync(
  new URL('./fixtures/airline.v6.json', import.meta.url),
  'utf8',
);
/** The airline map as version 5 wrote it (no journey-state links): frozen, it must import for good. */
const AIRLINE_V5_TEXT = readFileSync(
  new URL('./fixtures/airline.v5.json', import.meta.url),
  'utf8',
);
/** The airline map as version 4 wrote it (no personas): frozen, it must import for good. */
const AIRLINE_V4_TEXT = readFileSync(
  new URL('./fixtures/airline.v4.json', import.meta.url),
  'utf8',
);
/** The airline map as version 3 wrote it (no language): frozen, it must import for good. */
const AIRLINE_V3_TEXT = readFileSync(
  new URL('./fixtures/airline.v3.json', import.meta.url),
  'utf8',
);
/** The airline map as version 2 wrote it (no comments): frozen, it must import for good. */
const AIRLINE_V2_TEXT = readFileSync(
  new URL('./fixtures/airline.v2.json', import.meta.url),
  'utf8',
);
const AIRLINE_V1_TEXT = readFileSync(
  new URL('./fixtures/airline.v1.json', import.meta.url),
  'utf8',
);
/** The schema of version 1 as it was published: frozen, still served. */
const SCHEMA_V1_FILE = new URL('../../../public/schema/strategy-map.v1.json', import.meta.url);
/** The schema of version 3 as it was published: frozen, still served. */
const SCHEMA_V3_FILE = new URL('../../../public/schema/strategy-map.v3.json', import.meta.url);
/** The schema of version 4 as it was published: frozen, still served. */
const SCHEMA_V4_FILE = new URL('../../../public/schema/strategy-map.v4.json', import.meta.url);
/** The schema of version 5 as it was published: frozen, still served. */
const SCHEMA_V5_FILE = new URL('../../../public/schema/strategy-map.v5.json', import.meta.url);
/** The schema of version 6 as it was published: frozen, still served. */
const SCHEMA_V6_FILE = new URL('../../../public/schema/strategy-map.v6.json', import.meta.url);
/** The schema of version 2 as it was published: frozen, still served. */
const SCHEMA_V2_FILE = new URL('../../../public/schema/strategy-map.v2.json', import.meta.url);
const DOC_FILE = new URL('../../../docs/strategy-map-format.md', import.meta.url);

// The schema's `format: date` is backed by a `pattern`, so format assertions are not needed.
const ajv = new Ajv2020({ allErrors: true, strict: true, validateFormats: false });
const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as object);
const errorsOf = (value: unknown) =>
  validate(value) ? [] : (validate.errors ?? []).map((e) => e.instancePath);
const validateV1 = new Ajv2020({ allErrors: true, strict: true, validateFormats: false }).compile(
  JSON.parse(readFileSync(SCHEMA_V1_FILE, 'utf8')) as object,
);
const validateV2 = new Ajv2020({ allErrors: true, strict: true, validateFormats: false }).compile(
  JSON.parse(readFileSync(SCHEMA_V2_FILE, 'utf8')) as object,
);

const validateV3 = new Ajv2020({ allErrors: true, strict: true, validateFormats: false }).compile(
  JSON.parse(readFileSync(SCHEMA_V3_FILE, 'utf8')) as object,
);

const validateV4 = new Ajv2020({ allErrors: true, strict: true, validateFormats: false }).compile(
  JSON.parse(readFileSync(SCHEMA_V4_FILE, 'utf8')) as object,
);

const validateV5 = new Ajv2020({ allErrors: true, strict: true, validateFormats: false }).compile(
  JSON.parse(readFileSync(SCHEMA_V5_FILE, 'utf8')) as object,
);

const validateV6 = new Ajv2020({ allErrors: true, strict: true, validateFormats: false }).compile(
  JSON.parse(readFileSync(SCHEMA_V6_FILE, 'utf8')) as object,
);

const exported = (value: unknown) => {
  const r = parseStrategyMap(value);
  if (!r.ok) throw new Error(r.error);
  const doc = new Y.Doc();
  const comments = new Y.Doc();
  importStrategyMap(doc, r.value, { comments });
  return JSON.parse(JSON.stringify(exportStrategyMap(doc, { comments }))) as unknown;
};

describe('published JSON Schema', () => {
  it('is the one generated from the zod schema (run scripts/gen-schema.ts after a change)', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(schemaText());
  });

  it('is published as strategy-map.v7.json, beside the frozen v1 to v6 files', () => {
    expect(SCHEMA_FILE).toMatch(/public\/schema\/strategy-map\.v7\.json$/);
  });

  it('validates the export of the version 6 airline file; the v6 schema still validates that file', () => {
    expect(validateV6(JSON.parse(AIRLINE_V6_TEXT))).toBe(true);
    expect(errorsOf(exported(JSON.parse(AIRLINE_V6_TEXT)))).toEqual([]);
    // A v6 file's own `versions` field (another tool's) is not v7's: kept aside on import.
    const theirs = { ...JSON.parse(AIRLINE_V6_TEXT), versions: 'git log' } as unknown;
    expect(validateV6(theirs)).toBe(true);
    const out = exported(theirs) as Record<string, unknown>;
    expect(out['x-v6-versions']).toBe('git log');
    expect(out.versions).toBeUndefined();
    expect(errorsOf(out)).toEqual([]);
  });

  it('validates the export of the version 5 airline file; the v5 schema still validates that file', () => {
    expect(validateV5(JSON.parse(AIRLINE_V5_TEXT))).toBe(true);
    expect(errorsOf(exported(JSON.parse(AIRLINE_V5_TEXT)))).toEqual([]);
  });

  it('validates the export of the version 4 airline file; the v4 schema still validates that file', () => {
    expect(validateV4(JSON.parse(AIRLINE_V4_TEXT))).toBe(true);
    expect(errorsOf(exported(JSON.parse(AIRLINE_V4_TEXT)))).toEqual([]);
  });

  it('refuses a persona colour outside the palette, an unknown evidence level and HTML fields', () => {
    const airline = JSON.parse(AIRLINE_TEXT) as {
      personas: Record<string, unknown>[];
      touchpoints: Record<string, unknown>[];
    };
    const withPersona = (p: object) => ({
      ...airline,
      personas: [{ ...airline.personas[0], ...p }],
    });
    expect(errorsOf(withPersona({ color: 'url(x)' }))).not.toEqual([]);
    const tp = (t: object) => ({ ...airline, touchpoints: [{ ...airline.touchpoints[0], ...t }] });
    expect(errorsOf(tp({ evidence: { level: 'sure' } }))).not.toEqual([]);
    expect(errorsOf(tp({ evidence: { level: 'assumed', html: '<b>' } }))).not.toEqual([]);
    expect(errorsOf(tp({ evidence: { level: 'assumed', source: 'https://x.test' } }))).toEqual([]);
  });

  it('validates the export of the version 3 airline file; the v3 schema still validates that file', () => {
    expect(validateV3(JSON.parse(AIRLINE_V3_TEXT))).toBe(true);
    expect(errorsOf(exported(JSON.parse(AIRLINE_V3_TEXT)))).toEqual([]);
  });

  it('refuses a logo that is not a raster data URL and a language it does not know', () => {
    const airline = JSON.parse(AIRLINE_TEXT) as Record<string, unknown>;
    expect(errorsOf({ ...airline, logo: 'data:image/svg+xml;base64,PHN2Zz4=' })).not.toEqual([]);
    expect(errorsOf({ ...airline, language: 'fr' })).not.toEqual([]);
    expect(errorsOf({ ...airline, logo: 'data:image/png;base64,iVBORw0KGgo=' })).toEqual([]);
  });

  it('validates the export of the version 2 airline file; the v2 schema still validates that file', () => {
    expect(validateV2(JSON.parse(AIRLINE_V2_TEXT))).toBe(true);
    expect(errorsOf(exported(JSON.parse(AIRLINE_V2_TEXT)))).toEqual([]);
  });

  it('validates the airline file (grid and comments included) and its export', () => {
    expect(errorsOf(JSON.parse(AIRLINE_TEXT))).toEqual([]);
    expect(errorsOf(exported(JSON.parse(AIRLINE_TEXT)))).toEqual([]);
  });

  it('validates the export of the version 1 airline file; the v1 schema still validates that file', () => {
    expect(validateV1(JSON.parse(AIRLINE_V1_TEXT))).toBe(true);
    expect(errorsOf(exported(JSON.parse(AIRLINE_V1_TEXT)))).toEqual([]);
  });

  it.each(TEMPLATE_KEYS)('validates the export of the %s template', (key) => {
    const doc = new Y.Doc();
    seedTemplate(doc, key, key);
    expect(errorsOf(JSON.parse(JSON.stringify(exportStrategyMap(doc))))).toEqual([]);
  });

  it('validates the export of 100 random documents', () => {
    for (let seed = 1; seed <= 100; seed += 1) {
      expect(errorsOf(exported(randomStrategyMap(seededRandom(seed)))), `seed ${seed}`).toEqual([]);
    }
  });

  it('refuses what parseStrategyMap refuses field by field', () => {
    const bad = JSON.parse(AIRLINE_TEXT) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    bad.nodes[3].kind = 'lane';
    bad.touchpoints[0].emotion = 3;
    bad.strategy.goals[0].deadline = '2027-02-29';
    bad.strategy.startingPoint.self.serviceCulture = 0;
    bad.nodes[0].position.z = 1;
    bad.grid.lanes[0].type = 'channel';
    bad.grid.items[0].order = 'first';
    bad.grid.laneSettings[0].lane = 'channel:';
    bad.grid.laneSettings[1].colour = 'red';
    bad.version = 8;
    bad.versions[0].createdAt = 'yesterday';
    bad.versions[1].snapshot = 'AAAA';
    bad.comments.threads[0].anchor.kind = 'sticker';
    bad.comments.threads[1].comments[0].text = 7;
    bad.comments.people[0].color = 'green';
    const paths = errorsOf(bad);
    for (const path of [
      '/nodes/3',
      '/touchpoints/0/emotion',
      '/strategy/goals/0/deadline',
      '/strategy/startingPoint/self/serviceCulture',
      '/nodes/0/position',
      '/grid/lanes/0/type',
      '/grid/items/0/order',
      '/grid/laneSettings/0/lane',
      '/grid/laneSettings/1',
      '/version',
      '/comments/threads/0/anchor',
      '/comments/threads/1/comments/0/text',
      '/comments/people/0/color',
      '/versions/0/createdAt',
      '/versions/1',
    ]) {
      expect(paths).toContain(path);
    }
  });
});

describe('docs/strategy-map-format.md', () => {
  it('shows an example that is a valid strategy map', () => {
    const doc = readFileSync(DOC_FILE, 'utf8');
    const block = /```json\n([\s\S]*?)\n```/.exec(doc)?.[1];
    expect(block).toBeDefined();
    const r = parseStrategyMapText(block!);
    expect(r.ok ? 'ok' : r.error).toBe('ok');
    expect(errorsOf(JSON.parse(block!))).toEqual([]);
  });
});
