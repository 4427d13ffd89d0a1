// Questions about pages and their answers; the asker accepts one answer. "Ask an expert" routes a new
// question (experts/routing.ts); watchers of its pages are told (watches/service.ts).
import { eq, sql } from 'drizzle-orm';
import type { CreateQuestionRequest, Question } from '@shared/contract';
import type { ScopeService } from '../scopes/service';
import type { Database } from '../db/database';
import { answers, questions } from '../db/schema';
import type { RoutingService } from '../experts/routing';
import { forbidden, notFound, unprocessable } from '../kernel/errors';
import type { InboxService } from '../inbox/service';
import { canSee, may, resolveSharing, type Viewer } from '../kernel/access';
import { contentEvent } from '../kernel/event-log';
import { changesNothing } from '../kernel/patch';
import { onceFor } from '../kernel/once';
import type { WritePath } from '../kernel/write-path';
import type { WatchService } from '../watches/service';
import { presentQuestion } from './present';
import { loadAnswers, loadQuestions, type AnswerRecord, type QuestionRecord } from './records';

export class QuestionService {
  constructor(
    private readonly database: Database,
    private readonly writes: WritePath,
    private readonly scopes: ScopeService,
    private readonly inbox: InboxService,
    private readonly routing: RoutingService,
    private readonly watches: WatchService,
  ) {}

  /** `key` (here and for answers): the client's Idempotency-Key, when it may send the same write again. */
  async create(viewer: Viewer, input: CreateQuestionRequest, key?: string): Promise<Question> {
    const sharing = resolveSharing(viewer, input);
    if (input.askExperts && sharing.visibility === 'private') {
      throw unprocessable('private_question', 'A private question cannot be routed to experts: share it with a team or the organisation.');
    }
    // Read before the transaction (PGlite has one connection).
    const ring1 = input.askExperts ? await this.routing.pageExperts(input.pattern) : [];
    const id = await this.writes.write(async (tx, changed, emit) => {
      const scope = await this.scopes.resolve(tx, changed, input.pattern);
      const [row] = await tx
        .insert(questions)
        .values({ scopeId: scope.id, authorId: viewer.id, title: input.title, body: input.body, ...sharing })
        .returning({ id: questions.id });
      changed({ t: 'scope', id: scope.id });
      const created = { ...sharing, scopeId: scope.id, siteId: scope.siteId, pattern: scope.pattern, authorId: viewer.id };
      emit(contentEvent('question.created', created, { questionId: row!.id, pattern: scope.pattern }));
      if (input.askExperts) await this.routing.routeNew(tx, emit, { ...created, id: row!.id }, ring1);
      await this.watches.notify(tx, emit, created, { questionId: row!.id });
      return row!.id;
    }, onceFor(viewer.id, key, 'createQuestion'));
    return this.get(viewer, id);
  }

  async get(viewer: Viewer, id: string): Promise<Question> {
    const question = await this.visible(viewer, id);
    const answerRecords = await loadAnswers(this.database.db, eq(answers.questionId, id));
    return presentQuestion(question, answerRecords, viewer);
  }

  async update(viewer: Viewer, id: string, patch: { title?: string; body?: string }): Promise<Question> {
    const question = await this.visible(viewer, id);
    if (!may.edit(viewer, question)) throw forbidden('Only the asker can edit a question.');
    if (changesNothing(patch)) return this.get(viewer, id);
    await this.writes.write(async (tx, changed) => {
      await tx.update(questions).set({ ...patch, updatedAt: new Date() }).where(eq(questions.id, id));
      changed({ t: 'scope', id: question.scopeId });
    });
    return this.get(viewer, id);
  }

  async remove(viewer: Viewer, id: string): Promise<void> {
    const question = await this.visible(viewer, id);
    if (!may.remove(viewer, question)) {
      throw forbidden('Only the asker or a moderator can delete a question.');
    }
    await this.writes.write(async (tx, changed) => {
      await tx.delete(questions).where(eq(questions.id, id));
      changed({ t: 'scope', id: question.scopeId });
    });
  }

  async answer(viewer: Viewer, questionId: string, body: string, key?: string): Promise<Question> {
    const question = await this.visible(viewer, questionId);
    await this.writes.write(async (tx, changed, emit) => {
      const [row] = await tx.insert(answers).values({ questionId, authorId: viewer.id, body }).returning({ id: answers.id });
      changed({ t: 'scope', id: question.scopeId });
      emit(contentEvent('answer.created', question, { questionId, answerId: row!.id, pattern: question.pattern }));
      if (question.authorId !== viewer.id) {
        await this.inbox.deliver(tx, [question.authorId], { kind: 'answer_posted', questionId, answerId: row!.id, actorId: viewer.id }, emit);
      }
    }, onceFor(viewer.id, key, `createAnswer ${questionId}`));
    return this.get(viewer, questionId);
  }

  async updateAnswer(viewer: Viewer, answerId: string, body: string): Promise<Question> {
    const { answer, question } = await this.visibleAnswer(viewer, answerId);
    if (!may.edit(viewer, answer)) throw forbidden('Only the author can edit an answer.');
    await this.writes.write(async (tx, changed) => {
      await tx.update(answers).set({ body, updatedAt: new Date() }).where(eq(answers.id, answerId));
      changed({ t: 'scope', id: question.scopeId });
    });
    return this.get(viewer, question.id);
  }

  async removeAnswer(viewer: Viewer, answerId: string): Promise<Question> {
    const { answer, question } = await this.visibleAnswer(viewer, answerId);
    if (!may.remove(viewer, answer)) {
      throw forbidden('Only the author or a moderator can delete an answer.');
    }
    await this.writes.write(async (tx, changed) => {
      await tx.delete(answers).where(eq(answers.id, answerId));
      // accepted_answer_id has no foreign key (it would be a cycle): clear it here.
      await tx
        .update(questions)
        .set({ acceptedAnswerId: null })
        .where(sql`${questions.id} = ${question.id} and ${questions.acceptedAnswerId} = ${answerId}`);
      changed({ t: 'scope', id: question.scopeId });
    });
    return this.get(viewer, question.id);
  }

  /** The asker accepts one of the answers (or withdraws with null). */
  async accept(viewer: Viewer, questionId: string, answerId: string | null): Promise<Question> {
    const question = await this.visible(viewer, questionId);
    if (!may.edit(viewer, question)) throw forbidden('Only the asker can accept an answer.');
    await this.writes.write(async (tx, changed, emit) => {
      let answererId: string | undefined;
      if (answerId) {
        const [answer] = await tx
          .select({ questionId: answers.questionId, authorId: answers.authorId })
          .from(answers)
          .where(eq(answers.id, answerId));
        if (!answer || answer.questionId !== questionId) {
          throw unprocessable('answer_not_on_question', 'That answer does not belong to this question.');
        }
        answererId = answer.authorId;
      }
      await tx.update(questions).set({ acceptedAnswerId: answerId, updatedAt: new Date() }).where(eq(questions.id, questionId));
      changed({ t: 'scope', id: question.scopeId });
      emit(contentEvent('answer.accepted', question, { questionId, answerId, pattern: question.pattern }));
      if (answerId && answererId && answererId !== viewer.id && answerId !== question.acceptedAnswerId) {
        await this.inbox.deliver(tx, [answererId], { kind: 'answer_accepted', questionId, answerId, actorId: viewer.id }, emit);
      }
    });
    return this.get(viewer, questionId);
  }

  async visible(viewer: Viewer, id: string): Promise<QuestionRecord> {
    const [question] = await loadQuestions(this.database.db, eq(questions.id, id));
    if (!question || !canSee(viewer, question)) throw notFound('Question');
    return question;
  }

  async visibleAnswer(viewer: Viewer, answerId: string): Promise<{ answer: AnswerRecord; question: QuestionRecord }> {
    const [answer] = await loadAnswers(this.database.db, eq(answers.id, answerId));
    if (!answer) throw notFound('Answer');
    const question = await this.visible(viewer, answer.questionId).catch(() => {
      throw notFound('Answer');
    });
    return { answer, question };
  }
}
