/** The zod schema of a restored comment thread: what `restoreCommentThread` returns satisfies it. */
import { z } from 'zod';
import { STRATEGY_ANCHOR_SECTIONS, type CommentThreadRecord } from '../../comments/types';
import { COMMENT_THREAD_LIMITS, COMMENT_THREAD_LIMITS as L } from '../comment-thread';
import { derivedLaneKey, id, ID_BODY, numberOf, textOf } from '../support/fields.schema';
import type { Assert, Same } from '../support/type-checks';

/** A grid row's key: a derived lane, or `lane:<content lane id>`. */
export const laneKey = z.union([
  derivedLaneKey,
  z
    .string()
    .max(COMMENT_THREAD_LIMITS.laneKey.chars)
    .regex(new RegExp(`^lane:${ID_BODY}$`), { error: 'expected lane:<id of a content lane>' }),
]);

/** An anchor as a snapshot holds it (a node id '' is DETACHED_ANCHOR). */
export const commentAnchorSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('node'), id: z.union([id, z.literal('')]) }),
  z.strictObject({ kind: z.literal('touchpoint'), id }),
  z.strictObject({ kind: z.literal('cell'), stageId: id, laneKey }),
  z.strictObject({ kind: z.literal('laneItem'), id }),
  z.strictObject({
    kind: z.literal('strategy'),
    section: z.enum(STRATEGY_ANCHOR_SECTIONS),
    id: z.union([id, z.literal('')]),
  }),
  z.strictObject({ kind: z.literal('point'), x: numberOf(L.x), y: numberOf(L.y) }),
]);

const authorId = z.union([id, z.literal('')]);

export const commentThreadRecordSchema = z.strictObject({
  id,
  anchor: commentAnchorSchema,
  authorId,
  createdAt: numberOf(L.createdAt),
  resolved: z.boolean(),
  resolvedBy: textOf(L.resolvedBy).optional(),
  resolvedAt: numberOf(L.resolvedAt).optional(),
});

type Out = Omit<z.output<typeof commentThreadRecordSchema>, 'anchor'>;
export type CommentThreadSchemaMatchesType = Assert<Same<Out, Omit<CommentThreadRecord, 'anchor'>>>;
