/** The zod schema of a restored touchpoint (snapshot form): what `restoreTouchpoint` returns satisfies it. */
import { z } from 'zod';
import { EMOTIONS, type Touchpoint } from '../../types';
import { extra, id, label, listOf, numberOf, text, textOf } from '../support/fields.schema';
import { TOUCHPOINT_LIMITS as L } from '../touchpoint';
import { evidenceListSchema, evidenceSchema } from './evidence.schema';
import type { Assert, Out, Same, Typed } from '../support/type-checks';

/** An end: a node id, or '' when the stored one was unusable (the reader hides those). */
const end = z.union([id, z.literal('')]);

export const touchpointRecordSchema = z.strictObject({
  id,
  from: end,
  to: end,
  action: text,
  emotion: z.literal([...EMOTIONS]).optional(),
  painPoints: listOf(textOf(L.painPoints), L.painPoints),
  opportunities: listOf(textOf(L.opportunities), L.opportunities),
  kpiIds: listOf(id, L.kpiIds),
  owner: label.optional(),
  volume: numberOf(L.volume).optional(),
  emotionByPersona: z.record(id, z.literal([...EMOTIONS])).optional(),
  personas: listOf(id, L.personas).min(1).optional(),
  evidence: evidenceSchema.optional(),
  painPointEvidence: evidenceListSchema.optional(),
  opportunityEvidence: evidenceListSchema.optional(),
  extra,
});

export type TouchpointSchemaMatchesType = Assert<
  Same<Out<typeof touchpointRecordSchema>, Typed<Touchpoint>>
>;
