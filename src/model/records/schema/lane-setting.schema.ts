/**
 * The zod schema of a derived lane's restored settings (snapshot form, one entry of
 * `restoreLaneSettings`'s map): what it returns satisfies it. Settings have no `extra`: they
 * are flat keys, and a key that names no field is skipped.
 */
import { z } from 'zod';
import type { LaneSetting } from '../../types';
import { numberOf, textOf } from '../support/fields.schema';
import { LANE_SETTING_LIMITS as L } from '../lane-setting';
import type { Assert, Out, Same, Typed } from '../support/type-checks';

export const laneSettingRecordSchema = z.strictObject({
  order: numberOf(L.order, false).optional(),
  hidden: z.boolean().optional(),
  title: textOf(L.title).optional(),
});

export type LaneSettingSchemaMatchesType = Assert<
  Same<Out<typeof laneSettingRecordSchema>, Typed<LaneSetting>>
>;
