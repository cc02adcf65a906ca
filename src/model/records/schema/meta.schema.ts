/** The zod schema of a restored map metadata (snapshot form): what `restoreMeta` returns satisfies it. */
import { z } from 'zod';
import { MAP_LANGUAGES, type MapMeta } from '../../types';
import { isIsoTime } from '../support/fields';
import { extra, numberOf, textOf } from '../support/fields.schema';
import { LOGO_PATTERN, META_LIMITS as L } from '../meta';
import { journeyStateLinkSchema } from './journey-state.schema';
import { namedVersionsSchema } from './named-version.schema';
import type { Assert, Out, Same, Typed } from '../support/type-checks';

export const metaRecordSchema = z.strictObject({
  schemaVersion: numberOf(L.schemaVersion),
  title: textOf(L.title),
  createdAt: textOf(L.createdAt).refine((s) => s === '' || isIsoTime(s), {
    message: "an ISO time or ''",
  }),
  template: textOf(L.template).optional(),
  language: z.enum(MAP_LANGUAGES).optional(),
  logo: textOf(L.logo).regex(LOGO_PATTERN).optional(),
  currentState: journeyStateLinkSchema.optional(),
  futureState: journeyStateLinkSchema.optional(),
  versions: namedVersionsSchema.min(1).optional(),
  extra,
});

export type MetaSchemaMatchesType = Assert<Same<Out<typeof metaRecordSchema>, Typed<MapMeta>>>;
