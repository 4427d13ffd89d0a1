// Loads notes, questions and answers with what presenting them needs (author, scope pattern, voters),
// by any condition: one scope's content for the context cache, or one item by id.
import { and, asc, desc, eq, inArray, isNotNull, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Anchor, Visibility } from '@shared/contract';
import type { Queryable } from '../db/database';
import { answers, notes, questions, scopes, users, votes } from '../db/schema';

interface Shared {
  id: string;
  authorId: string;
  authorName: string;
  voters: string[];
  createdAt: string;
  updatedAt: string;
}
interface Scoped extends Shared {
  scopeId: string;
  pattern: string;
  visibility: Visibility;
  teamId: string | null;
}
export interface NoteRecord extends Scoped {
  body: string;
  anchor: Anchor | null;
  verified: { by: { id: string; name: string }; at: string } | null;
  possiblyOutdated: boolean;
}
export interface QuestionRecord extends Scoped {
  title: string;
  body: string;
  acceptedAnswerId: string | null;
  answerCount: number;
}
export interface AnswerRecord extends Shared {
  questionId: string;
  body: string;
}

const iso = (d: Date) => d.toISOString();

async function votersBy(
  db: Queryable,
  column: typeof votes.noteId | typeof votes.questionId | typeof votes.answerId,
  ids: string[],
): Promise<Map<string, string[]>> {
  const byTarget = new Map<string, string[]>();
  if (ids.length === 0) return byTarget;
  const rows = await db
    .select({ target: column, userId: votes.userId })
    .from(votes)
    .where(and(inArray(column, ids), isNotNull(column)));
  for (const { target, userId } of rows) {
    const list = byTarget.get(target!) ?? [];
    list.push(userId);
    byTarget.set(target!, list);
  }
  return byTarget;
}

const verifiers = alias(users, 'verifiers');

export async function loadNotes(db: Queryable, where: SQL | undefined, limit?: number): Promise<NoteRecord[]> {
  const query = db
    .select({ note: notes, authorName: users.name, pattern: scopes.pattern, verifierName: verifiers.name })
    .from(notes)
    .innerJoin(users, eq(users.id, notes.authorId))
    .innerJoin(scopes, eq(scopes.id, notes.scopeId))
    .leftJoin(verifiers, eq(verifiers.id, notes.verifiedBy))
    .where(where)
    .orderBy(desc(notes.createdAt), desc(notes.id));
  const rows = limit ? await query.limit(limit) : await query;
  const voters = await votersBy(db, votes.noteId, rows.map((r) => r.note.id));
  return rows.map(({ note, authorName, pattern, verifierName }) => ({
    id: note.id,
    scopeId: note.scopeId,
    pattern,
    body: note.body,
    anchor: note.anchor,
    verified:
      note.verifiedBy && note.verifiedAt && verifierName !== null
        ? { by: { id: note.verifiedBy, name: verifierName }, at: iso(note.verifiedAt) }
        : null,
    possiblyOutdated: note.outdatedAt !== null,
    visibility: note.visibility,
    teamId: note.teamId,
    authorId: note.authorId,
    authorName,
    voters: voters.get(note.id) ?? [],
    createdAt: iso(note.createdAt),
    updatedAt: iso(note.updatedAt),
  }));
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
  const voters = await votersBy(db, votes.questionId, rows.map((r) => r.question.id));
  return rows.map(({ question, authorName, pattern, answerCount }) => ({
    id: question.id,
    scopeId: question.scopeId,
    pattern,
    title: question.title,
    body: question.body,
    acceptedAnswerId: question.acceptedAnswerId,
    answerCount: Number(answerCount),
    visibility: question.visibility,
    teamId: question.teamId,
    authorId: question.authorId,
    authorName,
    voters: voters.get(question.id) ?? [],
    createdAt: iso(question.createdAt),
    updatedAt: iso(question.updatedAt),
  }));
}

export async function loadAnswers(db: Queryable, where: SQL): Promise<AnswerRecord[]> {
  const rows = await db
    .select({ answer: answers, authorName: users.name })
    .from(answers)
    .innerJoin(users, eq(users.id, answers.authorId))
    .where(where)
    .orderBy(asc(answers.createdAt), asc(answers.id));
  const voters = await votersBy(db, votes.answerId, rows.map((r) => r.answer.id));
  return rows.map(({ answer, authorName }) => ({
    id: answer.id,
    questionId: answer.questionId,
    body: answer.body,
    authorId: answer.authorId,
    authorName,
    voters: voters.get(answer.id) ?? [],
    createdAt: iso(answer.createdAt),
    updatedAt: iso(answer.updatedAt),
  }));
}
