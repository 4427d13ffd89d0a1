// Who voted for which items: loaded with the items (records), shown as a score and the viewer's own vote.
import { and, inArray, isNotNull } from 'drizzle-orm';
import type { Votable } from '@shared/contract';
import type { Queryable } from '../db/database';
import { votes } from '../db/schema';
import type { Viewer } from './access';

export const voteColumn = { notes: votes.noteId, questions: votes.questionId, answers: votes.answerId } as const;

/** Item id → the ids of the people who voted for it. */
export async function votersOf(db: Queryable, kind: Votable, ids: string[]): Promise<Map<string, string[]>> {
  const byItem = new Map<string, string[]>();
  if (ids.length === 0) return byItem;
  const column = voteColumn[kind];
  const rows = await db
    .select({ item: column, userId: votes.userId })
    .from(votes)
    .where(and(inArray(column, ids), isNotNull(column)));
  for (const { item, userId } of rows) {
    const list = byItem.get(item!) ?? [];
    list.push(userId);
    byItem.set(item!, list);
  }
  return byItem;
}

/** An item's score and whether this viewer voted for it. */
export const votesFor = (voters: string[], viewer: Viewer) => ({ score: voters.length, votedByMe: voters.includes(viewer.id) });
