/**
 * Writes the published JSON Schema of the strategy-map format, generated from the zod schema
 * (src/model/strategy-map/schema.ts), to public/schema/strategy-map.v<STRATEGY_MAP_VERSION>.json.
 * The files of older versions stay as they were published (files in the wild name them).
 *
 *   node --import tsx scripts/gen-schema.ts           write the file
 *   node --import tsx scripts/gen-schema.ts --check   exit 1 if the committed file is stale
 *
 * A unit test runs the same comparison, so a schema change without a regenerated file fails CI.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { STRATEGY_MAP_VERSION, strategyMapJsonSchema } from '../src/model/strategy-map/index';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const SCHEMA_FILE = resolve(
  ROOT,
  `public/schema/strategy-map.v${STRATEGY_MAP_VERSION}.json`,
);

/** The file's exact text: 2-space JSON and a final newline, so diffs stay small. */
export function schemaText(): string {
  return `${JSON.stringify(strategyMapJsonSchema(), null, 2)}\n`;
}

function readCommitted(): string | null {
  try {
    return readFileSync(SCHEMA_FILE, 'utf8');
  } catch {
    return null;
  }
}

function main(argv: readonly string[]): number {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log('usage: node --import tsx scripts/gen-schema.ts [--check]');
    return 0;
  }
  const text = schemaText();
  if (argv.includes('--check')) {
    if (readCommitted() === text) {
      console.log(`${SCHEMA_FILE} is up to date`);
      return 0;
    }
    console.error(`${SCHEMA_FILE} is stale: run node --import tsx scripts/gen-schema.ts`);
    return 1;
  }
  mkdirSync(dirname(SCHEMA_FILE), { recursive: true });
  writeFileSync(SCHEMA_FILE, text);
  console.log(`wrote ${SCHEMA_FILE} (${text.length} bytes)`);
  return 0;
}

// Run only as a script, not when a test imports `schemaText`.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
