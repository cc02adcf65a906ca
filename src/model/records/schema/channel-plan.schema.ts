/** The zod schema of a restored channel plan (snapshot form): what `restoreChannelPlan` returns satisfies it. */
import { z } from 'zod';
import { CHANNEL_STATUSES, type ChannelPlan } from '../../types';
import { CHANNEL_PLAN_LIMITS as L } from '../channel-plan';
import { extra, numberOf, text } from '../support/fields.schema';
import type { Assert, Out, Same, Typed } from '../support/type-checks';

export const channelPlanRecordSchema = z.strictObject({
  status: z.enum(CHANNEL_STATUSES).optional(),
  preferencePct: numberOf(L.preferencePct).optional(),
  reason: text.optional(),
  monthlyVolume: numberOf(L.monthlyVolume).optional(),
  relativeCost: numberOf(L.relativeCost).optional(),
  extra,
});

export type ChannelPlanSchemaMatchesType = Assert<
  Same<Out<typeof channelPlanRecordSchema>, Typed<ChannelPlan>>
>;
