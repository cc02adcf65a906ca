/** The zod schema of a restored training session (snapshot form): what `restoreTraining` returns satisfies it. */
import { z } from 'zod';
import { TRAINING_KINDS, type TrainingSession } from '../../types';
import { date, extra, id, short } from '../support/fields.schema';
import type { Assert, Out, Same, Typed } from '../support/type-checks';

export const trainingRecordSchema = z.strictObject({
  id,
  topic: short,
  kind: z.enum(TRAINING_KINDS),
  audience: short.optional(),
  due: date.optional(),
  extra,
});

export type TrainingSchemaMatchesType = Assert<
  Same<Out<typeof trainingRecordSchema>, Typed<TrainingSession>>
>;
