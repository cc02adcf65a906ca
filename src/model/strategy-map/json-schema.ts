/**
 * The published JSON Schema of the format, generated from the zod schema (never edited by
 * hand): `scripts/gen-schema.ts` writes it to public/schema/strategy-map.v<version>.json and
 * a test checks the committed file is up to date (older versions' files stay published,
 * frozen). It describes what a file may contain (`io: 'input'`,
 * so defaulted fields are optional); the cross-record rules (unique ids, references) are
 * beyond JSON Schema and checked by `parseStrategyMap` only.
 */
import { z } from 'zod';
import { STRATEGY_MAP_VERSION, strategyMapSchema } from './schema';

/** Where the schema is served from (the `public/` folder is the site root). */
export const STRATEGY_MAP_SCHEMA_PATH = `/schema/strategy-map.v${STRATEGY_MAP_VERSION}.json`;

export function strategyMapJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(strategyMapSchema, { target: 'draft-2020-12', io: 'input' });
  return schema as Record<string, unknown>;
}
