// Question and answer records → the contract's shapes, for one viewer (their own vote).
import type { Answer, Question, QuestionSummary } from '@shared/contract';
import type { Viewer } from '../kernel/access';
import { votesFor } from '../kernel/voters';
import type { AnswerRecord, QuestionRecord } from './records';

export const presentQuestionSummary = (r: QuestionRecord, viewer: Viewer): QuestionSummary => ({
  id: r.id,
  scopeId: r.scopeId,
  pattern: r.pattern,
  title: r.title,
  visibility: r.visibility,
  teamId: r.teamId,
  status: r.acceptedAnswerId ? 'answered' : 'open',
  answerCount: r.answerCount,
  author: { id: r.authorId, name: r.authorName },
  sentTo: r.askedExperts ? r.routes.map((route) => route.person) : null,
  ...votesFor(r.voters, viewer),
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});

const presentAnswer = (r: AnswerRecord, viewer: Viewer, acceptedAnswerId: string | null): Answer => ({
  id: r.id,
  questionId: r.questionId,
  body: r.body,
  author: { id: r.authorId, name: r.authorName },
  accepted: r.id === acceptedAnswerId,
  ...votesFor(r.voters, viewer),
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});

export const presentQuestion = (r: QuestionRecord, answers: AnswerRecord[], viewer: Viewer): Question => ({
  ...presentQuestionSummary(r, viewer),
  body: r.body,
  acceptedAnswerId: r.acceptedAnswerId,
  answers: answers.map((a) => presentAnswer(a, viewer, r.acceptedAnswerId)),
  routedTo: r.routes,
});
