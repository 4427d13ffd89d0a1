// Records → the contract's shapes, for one viewer (their own vote, their view of visibility).
import type { Answer, Note, Question, QuestionSummary } from '@shared/contract';
import type { AnswerRecord, NoteRecord, QuestionRecord } from './records';
import type { Viewer } from './viewer';

const votesFor = (voters: string[], viewer: Viewer) => ({ score: voters.length, votedByMe: voters.includes(viewer.id) });
const authorOf = (r: { authorId: string; authorName: string }) => ({ id: r.authorId, name: r.authorName });

export const presentNote = (r: NoteRecord, viewer: Viewer): Note => ({
  id: r.id,
  scopeId: r.scopeId,
  pattern: r.pattern,
  body: r.body,
  visibility: r.visibility,
  teamId: r.teamId,
  anchor: r.anchor,
  verified: r.verified,
  possiblyOutdated: r.possiblyOutdated,
  author: authorOf(r),
  ...votesFor(r.voters, viewer),
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});

export const presentQuestionSummary = (r: QuestionRecord, viewer: Viewer): QuestionSummary => ({
  id: r.id,
  scopeId: r.scopeId,
  pattern: r.pattern,
  title: r.title,
  visibility: r.visibility,
  teamId: r.teamId,
  status: r.acceptedAnswerId ? 'answered' : 'open',
  answerCount: r.answerCount,
  author: authorOf(r),
  ...votesFor(r.voters, viewer),
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});

export const presentAnswer = (r: AnswerRecord, viewer: Viewer, acceptedAnswerId: string | null): Answer => ({
  id: r.id,
  questionId: r.questionId,
  body: r.body,
  author: authorOf(r),
  accepted: r.id === acceptedAnswerId,
  ...votesFor(r.voters, viewer),
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});

export const presentQuestion = (
  r: QuestionRecord,
  answers: AnswerRecord[],
  viewer: Viewer,
  routedTo: Question['routedTo'] = [],
): Question => ({
  ...presentQuestionSummary(r, viewer),
  body: r.body,
  acceptedAnswerId: r.acceptedAnswerId,
  answers: answers.map((a) => presentAnswer(a, viewer, r.acceptedAnswerId)),
  routedTo,
});
