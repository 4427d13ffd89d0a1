import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { contextQuery, createExpertRequest, expert, idParam, ok, pageContext } from '../../shared/contract';
import { requireRole, requireViewer } from '../middleware/auth';
import type { Services } from '../services';
import { bearer, body, errors, json, router } from './openapi';

/** The page context (the extension's one call per page) and the experts for pages. */
export function contextRoutes(s: Services) {
  const auth = requireViewer(s.sessions);
  const app = router();

  app.openapi(
    createRoute({
      method: 'get', path: '/context', tags: ['Context'],
      summary: 'Everything for one page: scopes, notes and tips, questions, experts, badge counts.',
      security: bearer, middleware: [auth], request: { query: contextQuery },
      responses: { 200: json(pageContext, 'The page as this user may see it.'), ...errors(400, 401, 404) },
    }),
    async (c) => c.json(await s.context.forPage(c.get('viewer'), c.req.valid('query').url), 200),
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/experts', tags: ['Experts'],
      summary: 'With url: the experts for that page, most specific scope first. Without: every assignment.',
      security: bearer, middleware: [auth], request: { query: contextQuery.partial() },
      responses: { 200: json(z.array(expert), 'Experts.'), ...errors(400, 401, 404) },
    }),
    async (c) => {
      const { url } = c.req.valid('query');
      return c.json(url ? await s.context.expertsForPage(url) : await s.experts.list(), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/experts', tags: ['Experts'], summary: 'Make someone an expert for a URL pattern (admin).',
      security: bearer, middleware: [auth, requireRole('admin')], request: body(createExpertRequest),
      responses: { 201: json(expert, 'Assigned.'), ...errors(400, 401, 403, 404, 409, 422) },
    }),
    async (c) => {
      const { userId, pattern } = c.req.valid('json');
      return c.json(await s.experts.assign(userId, pattern), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete', path: '/experts/{id}', tags: ['Experts'], summary: 'Remove an expert assignment (admin).',
      security: bearer, middleware: [auth, requireRole('admin')], request: { params: idParam },
      responses: { 200: json(ok, 'Removed.'), ...errors(400, 401, 403, 404) },
    }),
    async (c) => {
      await s.experts.remove(c.req.valid('param').id);
      return c.json({ ok: true as const }, 200);
    },
  );

  return app;
}
