/** The zod schema of a named version's metadata: what `restoreNamedVersion` returns satisfies it. */
import { z } from 'zod';
import type { NamedVersionInfo } from '../../types';
import { ISO_TIME_PATTERN, isIsoTime } from '../support/fields';
import { textOf } from '../support/fields.schema';
import {
  MAX_NAMED_VERSIONS,
  NAMED_VERSION_ID_PATTERN,
  NAMED_VERSION_LIMITS as L,
} from '../named-version';
import type { Assert, Out, Same, Typed } from '../support/type-checks';

export const namedVersionSchema = z
  .strictObject({
    id: textOf(L.id)
      .regex(NAMED_VERSION_ID_PATTERN)
      .describe("The version's id where it was made: 1 to 64 letters, digits, '-' or '_'"),
    name: textOf(L.name).regex(/\S/).describe('The name a person gave the version (not empty)'),
    createdAt: textOf(L.createdAt)
      .regex(ISO_TIME_PATTERN)
      .refine(isIsoTime, { message: 'not a real time' })
      .describe('When it was made: ISO 8601 UTC, e.g. 2026-03-12T09:30:00.000Z'),
    author: textOf(L.author)
      .default('')
      .describe("The name of the person who made it; '' when unknown"),
  })
  .describe('A named version of the map: its metadata only (no snapshot)');

export const namedVersionsSchema = z.array(namedVersionSchema).max(MAX_NAMED_VERSIONS);

export type NamedVersionSchemaMatchesType = Assert<
  Same<Out<typeof namedVersionSchema>, Typed<NamedVersionInfo>>
>;
