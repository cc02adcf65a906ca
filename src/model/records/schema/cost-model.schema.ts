/** The zod schema of a restored cost model (snapshot form): what `restoreCostModel` returns satisfies it. */
import { z } from 'zod';
import type { CostModel } from '../../types';
import { COST_MODEL_LIMITS as L } from '../cost-model';
import { extra, numberOf, short } from '../support/fields.schema';
import type { Assert, Out, Same, Typed } from '../support/type-checks';

export const costModelRecordSchema = z.strictObject({
  phoneContactCost: numberOf(L.phoneContactCost).optional(),
  currency: short.optional(),
  shiftPct: numberOf(L.shiftPct).optional(),
  responseTargetMinutes: numberOf(L.responseTargetMinutes).optional(),
  extra,
});

export type CostModelSchemaMatchesType = Assert<
  Same<Out<typeof costModelRecordSchema>, Typed<CostModel>>
>;
