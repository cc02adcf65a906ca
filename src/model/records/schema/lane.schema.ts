/** The zod schema of a restored content lane (snapshot form): what `restoreLane` returns satisfies it. */
import { z } from 'zod';
import { CONTENT_LANE_TYPES, type Lane } from '../../types';
import { extra, id, laneOrder, textOf } from '../support/fields.schema';
import { LANE_LIMITS as L } from '../lane';
import type { Assert, Out, Same, Typed } from '../support/type-checks';

export const laneRecordSchema = z.strictObject({
  id,
  type: z.enum(CONTENT_LANE_TYPES),
  title: textOf(L.title),
  order: laneOrder,
  hidden: z.boolean(),
  extra,
});

export type LaneSchemaMatchesType = Assert<Same<Out<typeof laneRecordSchema>, Typed<Lane>>>;
