// One "helpful" vote per person on a note, question or answer they can see and did not write.
import { and, count, eq } from 'drizzle-orm';
import type { Votable } from '@shared/contract';
import { votes } from '../db/schema';
import { ApiError } from '../kernel/errors';
import { sharingOf, type Sharing, type Viewer } from '../kernel/access';
import { contentEvent } from '../kernel/event-log';
import type { WritePath } from '../kernel/write-path';
import type { NoteService } from '../notes/service';
import type { QuestionService } from '../questions/service';
import { voteColumn as column } from '../kernel/voters';

/** What was voted for: its author (who may not vote for it), and where and with whom its event is shared. */
type Target = { authorId: string; scopeId: string; sharing: Sharing };

/** A stable code, so a client can tell this refusal from a missing right (the panel shows no vote button for it). */
const ownContent = () => new ApiError(403, 'own_content', 'You cannot vote on what you wrote.');

const field = { notes: 'noteId', questions: 'questionId', answers: 'answerId' } as const;

export class VoteService {
  constructor(
    private readonly writes: WritePath,
    private readonly notes: NoteService,
    private readonly questions: QuestionService,
  ) {}

  async set(viewer: Viewer, kind: Votable, id: string, on: boolean): Promise<{ score: number; votedByMe: boolean }> {
    const target = await this.target(viewer, kind, id);
    if (target.authorId === viewer.id) throw ownContent();
    return this.writes.write(async (tx, changed, emit) => {
      const where = and(eq(column[kind], id), eq(votes.userId, viewer.id));
      if (on) await tx.insert(votes).values({ userId: viewer.id, [field[kind]]: id }).onConflictDoNothing();
      else await tx.delete(votes).where(where);
      const [{ n } = { n: 0 }] = await tx.select({ n: count() }).from(votes).where(eq(column[kind], id));
      changed({ t: 'scope', id: target.scopeId });
      emit(contentEvent('vote.changed', { ...target.sharing, scopeId: target.scopeId }, { kind, id, score: Number(n) }));
      return { score: Number(n), votedByMe: on };
    });
  }

  /** The item voted for, if the viewer may see it (404 otherwise). */
  private async target(viewer: Viewer, kind: Votable, id: string): Promise<Target> {
    const of = (item: Sharing & { scopeId: string }): Target => ({ authorId: item.authorId, scopeId: item.scopeId, sharing: sharingOf(item) });
    if (kind === 'notes') return of(await this.notes.visible(viewer, id));
    if (kind === 'questions') return of(await this.questions.visible(viewer, id));
    const { answer, question } = await this.questions.visibleAnswer(viewer, id);
    // An answer is seen by whoever sees its question: its event is shared as the question is (the asker, not the answerer, is its grantee).
    return { authorId: answer.authorId, scopeId: question.scopeId, sharing: sharingOf(question) };
  }
}
