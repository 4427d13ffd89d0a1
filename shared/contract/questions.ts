import { z } from 'zod';
import { id, idParam, limits, markdownBody, ok, pattern, person, retryable, sharing, timestamp, visibility, votes } from './common';
import { body, endpoints, errors, json } from './http';

export const questionStatus = z.enum(['open', 'answered']).meta({ id: 'QuestionStatus' });

export const questionSummary = z
  .object({
    id,
    scopeId: id,
    pattern: z.string(),
    title: z.string(),
    visibility,
    teamId: id.nullable(),
    status: questionStatus,
    answerCount: z.int(),
    author: person,
    sentTo: z
      .array(person)
      .nullable()
      .meta({ description: '"Ask an expert": everyone it was sent to so far (empty: no expert for its pages, nor anyone else to ask); null: not asked of the experts.' }),
    ...votes,
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: 'QuestionSummary' });
export type QuestionSummary = z.infer<typeof questionSummary>;

export const answer = z
  .object({
    id,
    questionId: id,
    body: z.string(),
    author: person,
    accepted: z.boolean(),
    ...votes,
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: 'Answer' });
export type Answer = z.infer<typeof answer>;

export const questionRoute = z
  .object({ person, ring: z.int().meta({ description: '1: experts for the page; 2: other experts of the site; 3: site owners.' }), at: timestamp })
  .meta({ id: 'QuestionRoute' });

export const question = questionSummary
  .extend({
    body: z.string(),
    acceptedAnswerId: id.nullable(),
    answers: z.array(answer),
    routedTo: z
      .array(questionRoute)
      .meta({ description: '"Ask an expert": who the question was routed to, in which ring and when (empty otherwise).' }),
  })
  .meta({ id: 'Question' });
export type Question = z.infer<typeof question>;

export const createQuestionRequest = sharing
  .extend({
    pattern,
    title: z.string().trim().min(1).max(limits.questionTitleChars),
    body: z.string().trim().max(limits.questionBodyChars).default(''),
    askExperts: z
      .boolean()
      .optional()
      .meta({ description: 'Route the question to the experts for its pages; unanswered, it goes on to the next ring.' }),
  })
  .meta({ id: 'CreateQuestionRequest' });
export type CreateQuestionRequest = z.infer<typeof createQuestionRequest>;

export const updateQuestionRequest = z
  .object({
    title: z.string().trim().min(1).max(limits.questionTitleChars).optional(),
    body: z.string().trim().max(limits.questionBodyChars).optional(),
  })
  .meta({ id: 'UpdateQuestionRequest' });

export const createAnswerRequest = z
  .object({ body: markdownBody(limits.answerBodyChars) })
  .meta({ id: 'CreateAnswerRequest' });
export const updateAnswerRequest = createAnswerRequest.meta({ id: 'UpdateAnswerRequest' });

export const acceptAnswerRequest = z
  .object({ answerId: id.nullable().meta({ description: 'null withdraws the acceptance.' }) })
  .meta({ id: 'AcceptAnswerRequest' });

export const questionEndpoints = endpoints({
  createQuestion: {
    method: 'post', path: '/questions', access: 'signed-in', tags: ['Questions'],
    summary: 'Ask a question about the pages a pattern matches.',
    request: { headers: retryable, ...body(createQuestionRequest) },
    responses: { 201: json(question, 'Asked.'), ...errors(400, 401, 403, 413, 422) },
  },
  getQuestion: {
    method: 'get', path: '/questions/{id}', access: 'signed-in', tags: ['Questions'],
    summary: 'A question with its answers.',
    request: { params: idParam },
    responses: { 200: json(question, 'The question.'), ...errors(400, 401, 404) },
  },
  updateQuestion: {
    method: 'patch', path: '/questions/{id}', access: 'signed-in', tags: ['Questions'],
    summary: 'Edit your question.',
    request: { params: idParam, ...body(updateQuestionRequest) },
    responses: { 200: json(question, 'Updated.'), ...errors(400, 401, 403, 404, 413) },
  },
  deleteQuestion: {
    method: 'delete', path: '/questions/{id}', access: 'signed-in', tags: ['Questions'],
    summary: 'Delete your question (moderators: any question).',
    request: { params: idParam },
    responses: { 200: json(ok, 'Deleted.'), ...errors(400, 401, 403, 404) },
  },
  acceptAnswer: {
    method: 'put', path: '/questions/{id}/accepted-answer', access: 'signed-in', tags: ['Questions'],
    summary: 'Accept an answer to your question (null withdraws).',
    request: { params: idParam, ...body(acceptAnswerRequest) },
    responses: { 200: json(question, 'The question.'), ...errors(400, 401, 403, 404, 422) },
  },
  createAnswer: {
    method: 'post', path: '/questions/{id}/answers', access: 'signed-in', tags: ['Questions'],
    summary: 'Answer a question.',
    request: { params: idParam, headers: retryable, ...body(createAnswerRequest) },
    responses: { 201: json(question, 'The question with the new answer.'), ...errors(400, 401, 404, 413) },
  },
  updateAnswer: {
    method: 'patch', path: '/answers/{id}', access: 'signed-in', tags: ['Questions'],
    summary: 'Edit your answer.',
    request: { params: idParam, ...body(updateAnswerRequest) },
    responses: { 200: json(question, 'The question.'), ...errors(400, 401, 403, 404, 413) },
  },
  deleteAnswer: {
    method: 'delete', path: '/answers/{id}', access: 'signed-in', tags: ['Questions'],
    summary: 'Delete your answer (moderators: any).',
    request: { params: idParam },
    responses: { 200: json(question, 'The question.'), ...errors(400, 401, 403, 404) },
  },
});
