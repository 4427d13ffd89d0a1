import { createRoute } from '@hono/zod-openapi';
import { idParam, inboxPage, inboxQuery, ok } from '../../shared/contract';
import { requireViewer } from '../middleware/auth';
import type { Services } from '../services';
import { bearer, errors, json, router } from './openapi';

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
  return app;
}
