/** The zod schema of a restored go-live record (snapshot form): what `restoreGoLive` returns satisfies it. */
import { z } from 'zod';
import type { GoLive } from '../../types';
import { date, extra, listOf, short } from '../support/fields.schema';
import { GO_LIVE_LIMITS as L } from '../go-live';
import type { Assert, Out, Same, Typed } from '../support/type-checks';

export const goLiveRecordSchema = z.strictObject({
  date: date.optional(),
  done: listOf(short, L.done).optional(),
  extra,
});

export type GoLiveSchemaMatchesType = Assert<Same<Out<typeof goLiveRecordSchema>, Typed<GoLive>>>;
