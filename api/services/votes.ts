import { and, count, eq } from 'drizzle-orm';
import type { Database } from '../db/database';
import { votes } from '../db/schema';
import { forbidden } from '../errors';
import type { ChangeFeed } from './change-feed';
import type { NoteService } from './notes';
import type { QuestionService } from './questions';
import type { Viewer } from './viewer';

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
    return this.feed.write(async (tx, changed) => {
      const where = and(eq(column[kind], id), eq(votes.userId, viewer.id));
      if (on) await tx.insert(votes).values({ userId: viewer.id, [field[kind]]: id }).onConflictDoNothing();
      else await tx.delete(votes).where(where);
      const [{ n } = { n: 0 }] = await tx.select({ n: count() }).from(votes).where(eq(column[kind], id));
      changed({ t: 'scope', id: target.scopeId });
      return { score: Number(n), votedByMe: on };
    });
  }

  /** The item's author and scope, if the viewer may see it (404 otherwise). */
  private async target(viewer: Viewer, kind: Votable, id: string): Promise<{ authorId: string; scopeId: string }> {
    if (kind === 'notes') {
      const note = await this.notes.get(viewer, id);
      return { authorId: note.author.id, scopeId: note.scopeId };
    }
    if (kind === 'questions') return this.questions.visible(viewer, id);
    const { answer, question } = await this.questions.visibleAnswer(viewer, id);
    return { authorId: answer.authorId, scopeId: question.scopeId };
  }
}
