/** The zod schema of a restored comment: what `restoreComment` returns satisfies it. */
import { z } from 'zod';
import type { Comment } from '../../comments/types';
import { COMMENT_LIMITS as L } from '../comment';
import { id, listOf, numberOf, textOf } from '../support/fields.schema';
import type { Assert, Same } from '../support/type-checks';

const ref = z.union([id, z.literal('')]);

export const commentMentionSchema = z.strictObject({
  start: z.number().int().min(0).max(L.text.chars),
  length: z.number().int().min(2).max(L.text.chars),
  personId: id,
});

export const commentRecordSchema = z
  .strictObject({
    id,
    threadId: ref,
    authorId: ref,
    authorName: textOf(L.authorName),
    text: textOf(L.text),
    mentions: listOf(commentMentionSchema, L.mentions),
    createdAt: numberOf(L.createdAt),
    editedAt: numberOf(L.editedAt).optional(),
  })
  .refine(
    (c) =>
      c.mentions.every(
        (m, i) =>
          m.start + m.length <= c.text.length &&
          c.text[m.start] === '@' &&
          (i === 0 || m.start >= c.mentions[i - 1]!.start + c.mentions[i - 1]!.length),
      ),
    {
      error: 'every mention covers an "@" inside the text, in order, not overlapping',
      path: ['mentions'],
    },
  );

export type CommentSchemaMatchesType = Assert<Same<z.output<typeof commentRecordSchema>, Comment>>;
