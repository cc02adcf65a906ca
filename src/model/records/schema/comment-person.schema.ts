/** The zod schema of a restored comment person: what `restoreCommentPerson` returns satisfies it. */
import { z } from 'zod';
import type { CommentPerson } from '../../comments/types';
import { COMMENT_PERSON_LIMITS as L } from '../comment-person';
import { colour, id, numberOf, textOf } from '../support/fields.schema';
import type { Assert, Same } from '../support/type-checks';

export const commentPersonRecordSchema = z.strictObject({
  id,
  name: textOf(L.name),
  color: colour,
  seenAt: numberOf(L.seenAt),
});

export type CommentPersonSchemaMatchesType = Assert<
  Same<z.output<typeof commentPersonRecordSchema>, CommentPerson>
>;
