import { and, count, eq } from 'drizzle-orm';
import type { Database } from '../db/database';
import { votes } from '../db/schema';
import { forbidden } from '../errors';
import type { ChangeFeed } from './change-feed';
import type { NoteService } from './notes';
import type { QuestionService } from './questions';
import { contentEvent } from './events';
import type { Viewer } from './viewer';

type Target = { authorId: string; scopeId: string; visibility: 'private' | 'team' | 'org'; teamId: string | null };

export type Votable = 'notes' | 'questions' | 'answers';

const column = { notes: votes.noteId, questions: votes.questionId, answers: votes.answerId } as const;
const field = { notes: 'noteId', questions: 'questionId', answers: 'answerId' } as const;

/** One "helpful" vote per person on a note, question or answer they can see and did not write. */
export class VoteService {
  constructor(
    private readonly database: Database,
    private readonly feed: ChangeFeed,
    private readonly notes: NoteService,
    private readonly questions: QuestionService,
  ) {}

  async set(viewer: Viewer, kind: Votable, id: string, on: boolean): Promise<{ score: number; votedByMe: boolean }> {
    const target = await this.target(viewer, kind, id);
    if (target.authorId === viewer.id) throw forbidden('You cannot vote on your own content.');
    return this.feed.write(async (tx, changed, emit) => {
      const where = and(eq(column[kind], id), eq(votes.userId, viewer.id));
      if (on) await tx.insert(votes).values({ userId: viewer.id, [field[kind]]: id }).onConflictDoNothing();
      else await tx.delete(votes).where(where);
      const [{ n } = { n: 0 }] = await tx.select({ n: count() }).from(votes).where(eq(column[kind], id));
      changed({ t: 'scope', id: target.scopeId });
      emit(contentEvent('vote.changed', target, { kind, id, score: Number(n) }));
      return { score: Number(n), votedByMe: on };
    });
  }

  /** The item's author and scope, if the viewer may see it (404 otherwise). */
  private async target(viewer: Viewer, kind: Votable, id: string): Promise<Target> {
    if (kind === 'notes') return this.notes.visible(viewer, id);
    if (kind === 'questions') return this.questions.visible(viewer, id);
    const { answer, question } = await this.questions.visibleAnswer(viewer, id);
    // The answer's event is as visible as its question.
    return { authorId: answer.authorId, scopeId: question.scopeId, visibility: question.visibility, teamId: question.teamId };
  }
}
