/** The zod schema of a restored lane item (snapshot form): what `restoreLaneItem` returns satisfies it. */
import { z } from 'zod';
import type { LaneItem } from '../../types';
import { extra, id, numberOf, textOf } from '../support/fields.schema';
import { LANE_ITEM_LIMITS as L } from '../lane-item';
import { evidenceSchema } from './evidence.schema';
import type { Assert, Out, Same, Typed } from '../support/type-checks';

/** A lane or stage reference: an id, or '' when the stored one was unusable (in no cell). */
const cellRef = z.union([id, z.literal('')]);

export const laneItemRecordSchema = z.strictObject({
  id,
  laneId: cellRef,
  stageId: cellRef,
  text: textOf(L.text),
  order: numberOf(L.order, false),
  evidence: evidenceSchema.optional(),
  extra,
});

export type LaneItemSchemaMatchesType = Assert<
  Same<Out<typeof laneItemRecordSchema>, Typed<LaneItem>>
>;
