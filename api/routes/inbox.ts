import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { createReplyRequest, createWatchRequest, idParam, inboxPage, inboxQuery, noteReply, ok, watch } from '@shared/contract';
import { requireViewer } from '../middleware/auth';
import type { Services } from '../services';
import { bearer, body, errors, json, router } from './openapi';

export function inboxRoutes(s: Services) {
  const app = router();
  const signedIn = { security: bearer, middleware: [requireViewer(s.sessions)] };

  app.openapi(
    createRoute({
      method: 'get', path: '/inbox', tags: ['Inbox'], ...signedIn, summary: 'Your inbox, newest first, with the unread count.',
      request: { query: inboxQuery },
      responses: { 200: json(inboxPage, 'The inbox.'), ...errors(400, 401) },
    }),
    async (c) => c.json(await s.inbox.list(c.get('viewer').id, c.req.valid('query').unread), 200),
  );
  app.openapi(
    createRoute({
      method: 'post', path: '/inbox/{id}/read', tags: ['Inbox'], ...signedIn, summary: 'Mark one item read.',
      request: { params: idParam },
      responses: { 200: json(ok, 'Marked.'), ...errors(400, 401, 404) },
    }),
    async (c) => {
      await s.inbox.markRead(c.get('viewer').id, [c.req.valid('param').id]);
      return c.json({ ok: true as const }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post', path: '/inbox/read-all', tags: ['Inbox'], ...signedIn, summary: 'Mark everything read.',
      responses: { 200: json(ok, 'Marked.'), ...errors(401) },
    }),
    async (c) => {
      await s.inbox.markRead(c.get('viewer').id, 'all');
      return c.json({ ok: true as const }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get', path: '/watches', tags: ['Inbox'], ...signedIn, summary: 'The patterns you watch.',
      responses: { 200: json(z.array(watch), 'Your watches.'), ...errors(401) },
    }),
    async (c) => c.json(await s.watches.list(c.get('viewer').id), 200),
  );
  app.openapi(
    createRoute({
      method: 'post', path: '/watches', tags: ['Inbox'], ...signedIn,
      summary: 'Watch a pattern: new notes and questions on the pages it covers reach your inbox.',
      request: body(createWatchRequest),
      responses: { 201: json(watch, 'Watching.'), ...errors(400, 401, 409, 422) },
    }),
    async (c) => c.json(await s.watches.add(c.get('viewer').id, c.req.valid('json').pattern), 201),
  );
  app.openapi(
    createRoute({
      method: 'delete', path: '/watches/{id}', tags: ['Inbox'], ...signedIn, summary: 'Stop watching.',
      request: { params: idParam },
      responses: { 200: json(ok, 'Removed.'), ...errors(400, 401, 404) },
    }),
    async (c) => {
      await s.watches.remove(c.get('viewer').id, c.req.valid('param').id);
      return c.json({ ok: true as const }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get', path: '/notes/{id}/replies', tags: ['Notes'], ...signedIn, summary: "A note's (or tip's) discussion, oldest first.",
      request: { params: idParam },
      responses: { 200: json(z.array(noteReply), 'Replies.'), ...errors(400, 401, 404) },
    }),
    async (c) => c.json(await s.replies.list(c.get('viewer'), c.req.valid('param').id), 200),
  );
  app.openapi(
    createRoute({
      method: 'post', path: '/notes/{id}/replies', tags: ['Notes'], ...signedIn, summary: 'Reply to a note; its author is told.',
      request: { params: idParam, ...body(createReplyRequest) },
      responses: { 201: json(noteReply, 'Replied.'), ...errors(400, 401, 404, 413) },
    }),
    async (c) => c.json(await s.replies.add(c.get('viewer'), c.req.valid('param').id, c.req.valid('json').body), 201),
  );
  return app;
}
