// Questions and answers with what presenting them needs (author, scope pattern, voters, answer count, whom
// "Ask an expert" sent it to), by any condition: one scope's content for the context cache, or one question (and its answers) by id.
import { asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Question } from '@shared/contract';
import { scopedRecord, type ScopedRecord } from '../scopes/records';
import type { Queryable } from '../db/database';
import { answers, questionRoutes, questions, scopes, users } from '../db/schema';
import { votersOf } from '../kernel/voters';

export interface QuestionRecord extends ScopedRecord {
  title: string;
  body: string;
  acceptedAnswerId: string | null;
  answerCount: number;
  /** Asked of the experts ("Ask an expert"): routing started, whether or not it found anyone. */
  askedExperts: boolean;
  /** Whom routing sent it to, ring by ring, by name within a ring. */
  routes: Question['routedTo'];
}

export interface AnswerRecord {
  id: string;
  questionId: string;
  body: string;
  authorId: string;
  authorName: string;
  voters: string[];
  createdAt: string;
  updatedAt: string;
}

export async function loadQuestions(db: Queryable, where: SQL | undefined, limit?: number): Promise<QuestionRecord[]> {
  const query = db
    .select({
      question: questions,
      authorName: users.name,
      pattern: scopes.pattern,
      answerCount: sql<number>`(select count(*)::int from ${answers} where ${answers.questionId} = ${questions.id})`,
    })
    .from(questions)
    .innerJoin(users, eq(users.id, questions.authorId))
    .innerJoin(scopes, eq(scopes.id, questions.scopeId))
    .where(where)
    .orderBy(desc(questions.createdAt), desc(questions.id));
  const rows = limit ? await query.limit(limit) : await query;
  const ids = rows.map((r) => r.question.id);
  const [voters, routes] = await Promise.all([votersOf(db, 'questions', ids), routesOf(db, rows.filter((r) => r.question.routingRing !== null).map((r) => r.question.id))]);
  return rows.map(({ question, authorName, pattern, answerCount }) => ({
    ...scopedRecord(question, authorName, pattern, voters),
    title: question.title,
    body: question.body,
    acceptedAnswerId: question.acceptedAnswerId,
    answerCount: Number(answerCount),
    askedExperts: question.routingRing !== null,
    routes: routes.get(question.id) ?? [],
  }));
}

/** Whom these questions were routed to, per question. */
async function routesOf(db: Queryable, questionIds: string[]): Promise<Map<string, Question['routedTo']>> {
  const byQuestion = new Map<string, Question['routedTo']>();
  if (questionIds.length === 0) return byQuestion;
  const rows = await db
    .select({ questionId: questionRoutes.questionId, userId: questionRoutes.userId, name: users.name, ring: questionRoutes.ring, at: questionRoutes.routedAt })
    .from(questionRoutes)
    .innerJoin(users, eq(users.id, questionRoutes.userId))
    .where(inArray(questionRoutes.questionId, questionIds))
    .orderBy(asc(questionRoutes.ring), asc(users.name));
  for (const r of rows) {
    const list = byQuestion.get(r.questionId) ?? [];
    list.push({ person: { id: r.userId, name: r.name }, ring: r.ring, at: r.at.toISOString() });
    byQuestion.set(r.questionId, list);
  }
  return byQuestion;
}

export async function loadAnswers(db: Queryable, where: SQL): Promise<AnswerRecord[]> {
  const rows = await db
    .select({ answer: answers, authorName: users.name })
    .from(answers)
    .innerJoin(users, eq(users.id, answers.authorId))
    .where(where)
    .orderBy(asc(answers.createdAt), asc(answers.id));
  const voters = await votersOf(db, 'answers', rows.map((r) => r.answer.id));
  return rows.map(({ answer, authorName }) => ({
    id: answer.id,
    questionId: answer.questionId,
    body: answer.body,
    authorId: answer.authorId,
    authorName,
    voters: voters.get(answer.id) ?? [],
    createdAt: answer.createdAt.toISOString(),
    updatedAt: answer.updatedAt.toISOString(),
  }));
}
