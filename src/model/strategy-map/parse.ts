/**
 * The trust boundary for strategy-map JSON (the editor's Import and the server's
 * `POST /api/maps` share it). A document is accepted whole or refused whole with every
 * problem listed; nothing is half-imported.
 *
 * Steps: plain-JSON copy (drops prototype keys, caps depth) → format/version check and
 * migration → zod schema → cross-record references.
 */
import { failure, fromZodIssues, type ParseFailure, type StrategyMapIssue } from './issues';
import { isJsonObject, parseJsonText, toJson, utf8Bytes } from './json';
import { MAX_DOCUMENT_BYTES } from './limits';
import { checkReferences } from './references';
import { strategyMapSchema, type StrategyMapDocument } from './schema';
import { STRATEGY_MAP_VERSION } from './schema';
import { newerVersionMessage, upgradeDocument } from './versions';

export type StrategyMapParseResult = { ok: true; value: StrategyMapDocument } | ParseFailure;

export function parseStrategyMap(input: unknown): StrategyMapParseResult {
  const issues: StrategyMapIssue[] = [];
  const json = toJson(input, issues);
  if (issues.length > 0) return failure(issues);
  if (!isJsonObject(json)) {
    return failure([
      { path: '', message: 'expected a JSON object with "format": "itinera/strategy-map"' },
    ]);
  }
  const upgraded = upgradeDocument(json);
  if (!upgraded.ok) {
    const newer = typeof json.version === 'number' && json.version > STRATEGY_MAP_VERSION;
    return failure(
      upgraded.issues,
      newer
        ? `Cannot import: ${newerVersionMessage(json.version as number, STRATEGY_MAP_VERSION)}.`
        : undefined,
    );
  }
  const parsed = strategyMapSchema.safeParse(upgraded.value);
  const all = [
    ...(parsed.success ? [] : fromZodIssues(parsed.error.issues)),
    ...checkReferences(upgraded.value),
  ];
  if (!parsed.success || all.length > 0) return failure(all);
  return { ok: true, value: parsed.data };
}

export function parseStrategyMapText(text: string): StrategyMapParseResult {
  if (typeof text !== 'string')
    return failure([{ path: '', message: 'expected the text of a JSON file' }]);
  // Cheap check first: every UTF-16 unit is at least one UTF-8 byte.
  const bytes = text.length > MAX_DOCUMENT_BYTES ? text.length : utf8Bytes(text);
  if (bytes > MAX_DOCUMENT_BYTES) {
    const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
    return failure(
      [
        {
          path: '',
          message: `file too large: ${mb(bytes)} MB or more, the limit is ${mb(MAX_DOCUMENT_BYTES)} MB`,
        },
      ],
      'Cannot import: the file is too large.',
    );
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text; // a BOM left by some editors
  if (body.trim() === '') return failure([{ path: '', message: 'the file is empty' }]);
  const json = parseJsonText(body);
  if (!json.ok)
    return failure(
      [{ path: '', message: json.message }],
      'Cannot import: the file is not valid JSON.',
    );
  return parseStrategyMap(json.value);
}
