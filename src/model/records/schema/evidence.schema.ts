/** The zod schema of an evidence (records/evidence.ts), shared by the records and the format. */
import { z } from 'zod';
import { EVIDENCE_LEVELS, type Evidence } from '../../types';
import { EVIDENCE_LIMITS } from '../evidence';
import { textOf } from '../support/fields.schema';
import type { Assert, Same } from '../support/type-checks';

/** Strict: an evidence has no `extra` to keep an unknown field in. */
export const evidenceSchema = z
  .strictObject({
    level: z
      .enum(EVIDENCE_LEVELS)
      .describe(
        'observed (seen in data or research), reported (told by staff or customers), assumed (a hypothesis to check)',
      ),
    source: textOf(EVIDENCE_LIMITS.source)
      .optional()
      .describe('Where it comes from: plain text or an http(s) link (never HTML)'),
  })
  .describe('How sure the item is');

/** One entry per item of a list field; null: not said for that item. */
export const evidenceListSchema = z
  .array(evidenceSchema.nullable())
  .max(EVIDENCE_LIMITS.list.items);

export type EvidenceSchemaMatchesType = Assert<Same<z.output<typeof evidenceSchema>, Evidence>>;
