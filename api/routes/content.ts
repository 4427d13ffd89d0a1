// Notes (and tips), questions, answers and votes.
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import {
  acceptAnswerRequest,
  anchorReport,
  createAnswerRequest,
  createNoteRequest,
  createQuestionRequest,
  id,
  idParam,
  note,
  ok,
  question,
  repinRequest,
  updateAnswerRequest,
  updateNoteRequest,
  updateQuestionRequest,
  votable,
  voteResult,
} from '@shared/contract';
import { requireViewer } from '../middleware/auth';
import type { Services } from '../services';
import { bearer, body, errors, json, router } from './openapi';

export function contentRoutes(s: Services) {
  const app = router();
  const signedIn = { security: bearer, middleware: [requireViewer(s.sessions)] };

  app.openapi(
    createRoute({
      method: 'post', path: '/notes', tags: ['Notes'], ...signedIn,
      summary: 'Add a note (or, with an anchor, a tip) to the pages a pattern matches.',
      request: body(createNoteRequest),
      responses: { 201: json(note, 'Created.'), ...errors(400, 401, 403, 413, 422) },
    }),
    async (c) => c.json(await s.notes.create(c.get('viewer'), c.req.valid('json')), 201),
  );
  app.openapi(
    createRoute({
      method: 'get', path: '/notes/{id}', tags: ['Notes'], ...signedIn, summary: 'One note.',
      request: { params: idParam },
      responses: { 200: json(note, 'The note.'), ...errors(400, 401, 404) },
    }),
    async (c) => c.json(await s.notes.get(c.get('viewer'), c.req.valid('param').id), 200),
  );
  app.openapi(
    createRoute({
      method: 'patch', path: '/notes/{id}', tags: ['Notes'], ...signedIn, summary: 'Edit your note.',
      request: { params: idParam, ...body(updateNoteRequest) },
      responses: { 200: json(note, 'Updated.'), ...errors(400, 401, 403, 404, 413) },
    }),
    async (c) => c.json(await s.notes.update(c.get('viewer'), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(
    createRoute({
      method: 'delete', path: '/notes/{id}', tags: ['Notes'], ...signedIn, summary: 'Delete your note (moderators: any note).',
      request: { params: idParam },
      responses: { 200: json(ok, 'Deleted.'), ...errors(400, 401, 403, 404) },
    }),
    async (c) => {
      await s.notes.remove(c.get('viewer'), c.req.valid('param').id);
      return c.json({ ok: true as const }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/notes/{id}/anchor-reports', tags: ['Tips'], ...signedIn,
      summary: "Report whether this person's browser could find the tip's element; enough failures flag it outdated.",
      request: { params: idParam, ...body(anchorReport) },
      responses: { 200: json(z.object({ possiblyOutdated: z.boolean() }), 'Recorded.'), ...errors(400, 401, 404, 422) },
    }),
    async (c) => {
      const { found, confidence } = c.req.valid('json');
      return c.json(await s.tips.report(c.get('viewer'), c.req.valid('param').id, found, confidence), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'put', path: '/notes/{id}/anchor', tags: ['Tips'], ...signedIn,
      summary: 'Pin a tip again (anyone who can see it); clears "possibly outdated".',
      request: { params: idParam, ...body(repinRequest) },
      responses: { 200: json(note, 'The tip.'), ...errors(400, 401, 404, 422) },
    }),
    async (c) => c.json(await s.tips.repin(c.get('viewer'), c.req.valid('param').id, c.req.valid('json').anchor), 200),
  );
  app.openapi(
    createRoute({
      method: 'post', path: '/notes/{id}/verify', tags: ['Tips'], ...signedIn,
      summary: 'Confirm a tip still points at the right element (author, moderators, experts for its pages).',
      request: { params: idParam },
      responses: { 200: json(note, 'The tip.'), ...errors(400, 401, 403, 404, 422) },
    }),
    async (c) => c.json(await s.tips.verify(c.get('viewer'), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/questions', tags: ['Questions'], ...signedIn, summary: 'Ask a question about the pages a pattern matches.',
      request: body(createQuestionRequest),
      responses: { 201: json(question, 'Asked.'), ...errors(400, 401, 403, 413, 422) },
    }),
    async (c) => c.json(await s.questions.create(c.get('viewer'), c.req.valid('json')), 201),
  );
  app.openapi(
    createRoute({
      method: 'get', path: '/questions/{id}', tags: ['Questions'], ...signedIn, summary: 'A question with its answers.',
      request: { params: idParam },
      responses: { 200: json(question, 'The question.'), ...errors(400, 401, 404) },
    }),
    async (c) => c.json(await s.questions.get(c.get('viewer'), c.req.valid('param').id), 200),
  );
  app.openapi(
    createRoute({
      method: 'patch', path: '/questions/{id}', tags: ['Questions'], ...signedIn, summary: 'Edit your question.',
      request: { params: idParam, ...body(updateQuestionRequest) },
      responses: { 200: json(question, 'Updated.'), ...errors(400, 401, 403, 404, 413) },
    }),
    async (c) => c.json(await s.questions.update(c.get('viewer'), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(
    createRoute({
      method: 'delete', path: '/questions/{id}', tags: ['Questions'], ...signedIn,
      summary: 'Delete your question (moderators: any question).',
      request: { params: idParam },
      responses: { 200: json(ok, 'Deleted.'), ...errors(400, 401, 403, 404) },
    }),
    async (c) => {
      await s.questions.remove(c.get('viewer'), c.req.valid('param').id);
      return c.json({ ok: true as const }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'put', path: '/questions/{id}/accepted-answer', tags: ['Questions'], ...signedIn,
      summary: 'Accept an answer to your question (null withdraws).',
      request: { params: idParam, ...body(acceptAnswerRequest) },
      responses: { 200: json(question, 'The question.'), ...errors(400, 401, 403, 404, 422) },
    }),
    async (c) => c.json(await s.questions.accept(c.get('viewer'), c.req.valid('param').id, c.req.valid('json').answerId), 200),
  );
  app.openapi(
    createRoute({
      method: 'post', path: '/questions/{id}/answers', tags: ['Questions'], ...signedIn, summary: 'Answer a question.',
      request: { params: idParam, ...body(createAnswerRequest) },
      responses: { 201: json(question, 'The question with the new answer.'), ...errors(400, 401, 404, 413) },
    }),
    async (c) => c.json(await s.questions.answer(c.get('viewer'), c.req.valid('param').id, c.req.valid('json').body), 201),
  );
  app.openapi(
    createRoute({
      method: 'patch', path: '/answers/{id}', tags: ['Questions'], ...signedIn, summary: 'Edit your answer.',
      request: { params: idParam, ...body(updateAnswerRequest) },
      responses: { 200: json(question, 'The question.'), ...errors(400, 401, 403, 404, 413) },
    }),
    async (c) => c.json(await s.questions.updateAnswer(c.get('viewer'), c.req.valid('param').id, c.req.valid('json').body), 200),
  );
  app.openapi(
    createRoute({
      method: 'delete', path: '/answers/{id}', tags: ['Questions'], ...signedIn, summary: 'Delete your answer (moderators: any).',
      request: { params: idParam },
      responses: { 200: json(question, 'The question.'), ...errors(400, 401, 403, 404) },
    }),
    async (c) => c.json(await s.questions.removeAnswer(c.get('viewer'), c.req.valid('param').id), 200),
  );

  const voteParams = z.object({ kind: votable, id });
  for (const [method, on] of [['put', true], ['delete', false]] as const) {
    app.openapi(
      createRoute({
        method, path: '/{kind}/{id}/vote', tags: ['Votes'], ...signedIn,
        summary: on ? 'Mark a note, question or answer helpful (once per person).' : 'Take your vote back.',
        request: { params: voteParams },
        responses: { 200: json(voteResult, 'The new score.'), ...errors(400, 401, 403, 404) },
      }),
      async (c) => {
        const { kind, id: targetId } = c.req.valid('param');
        return c.json(await s.votes.set(c.get('viewer'), kind, targetId, on), 200);
      },
    );
  }

  return app;
}
