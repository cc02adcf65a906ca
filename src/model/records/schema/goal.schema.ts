/** The zod schema of a restored goal (snapshot form): what `restoreGoal` returns satisfies it. */
import { z } from 'zod';
import type { Goal } from '../../types';
import { date, extra, id, short, text } from '../support/fields.schema';
import type { Assert, Out, Same, Typed } from '../support/type-checks';

export const goalRecordSchema = z.strictObject({
  id,
  title: short,
  preset: short.optional(),
  target: short.optional(),
  deadline: date.optional(),
  benefit: text.optional(),
  extra,
});

export type GoalSchemaMatchesType = Assert<Same<Out<typeof goalRecordSchema>, Typed<Goal>>>;
