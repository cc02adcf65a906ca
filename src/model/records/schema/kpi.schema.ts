/** The zod schema of a restored KPI (snapshot form): what `restoreKpi` returns satisfies it. */
import { z } from 'zod';
import { KPI_FAMILIES, type Kpi } from '../../types';
import { extra, id, listOf, numberOf, short } from '../support/fields.schema';
import { KPI_LIMITS as L } from '../kpi';
import type { Assert, Out, Same, Typed } from '../support/type-checks';

export const kpiRecordSchema = z.strictObject({
  id,
  name: short,
  family: z.enum(KPI_FAMILIES),
  target: numberOf(L.target).optional(),
  unit: short.optional(),
  frequency: short.optional(),
  goalId: id.optional(),
  channelIds: listOf(id, L.channelIds).optional(),
  extra,
});

export type KpiSchemaMatchesType = Assert<Same<Out<typeof kpiRecordSchema>, Typed<Kpi>>>;
