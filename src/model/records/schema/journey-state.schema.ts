/** The zod schema of a restored journey-state link: what `restoreJourneyStateLink` returns satisfies it. */
import { z } from 'zod';
import type { JourneyStateLink } from '../../types';
import { textOf } from '../support/fields.schema';
import { JOURNEY_STATE_LIMITS as L, MAP_ID_PATTERN } from '../journey-state';
import type { Assert, Out, Same, Typed } from '../support/type-checks';

export const journeyStateLinkSchema = z
  .strictObject({
    mapId: textOf(L.mapId)
      .regex(MAP_ID_PATTERN)
      .describe("The other map's id: 1 to 64 letters, digits, '-' or '_'"),
    title: textOf(L.title).describe("The other map's title when the link was made"),
  })
  .describe('A link to another map of the library (its current or future state)');

export type JourneyStateLinkSchemaMatchesType = Assert<
  Same<Out<typeof journeyStateLinkSchema>, Typed<JourneyStateLink>>
>;
