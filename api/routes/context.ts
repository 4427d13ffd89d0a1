import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { addSiteOwnerRequest, contextQuery, createExpertRequest, expert, id, idParam, ok, pageContext, siteOwner, volunteerRequest } from '@shared/contract';
import { requireRole, requireViewer } from '../middleware/auth';
import { validationHook } from '../middleware/error-handler';
import type { Services } from '../services';
import { bearer, body, errors, json, router } from './openapi';

/** The page context (the extension's one call per page) and the experts for pages. */
export function contextRoutes(s: Services) {
  const auth = requireViewer(s.sessions);
  const app = router();

  // The hot path of the product (every page view) is a plain handler that validates its one parameter
  // with the same schema: zod-openapi's validator middleware cost a fifth of the instructions of a warm
  // request (callgrind, 380k vs 300k per request). The route is in the OpenAPI document as any other.
  const contextRoute = createRoute({
    method: 'get', path: '/context', tags: ['Context'],
    summary: 'Everything for one page: scopes, notes and tips, questions, experts, badge counts.',
    description:
      'Answers with an ETag: send it back in If-None-Match and an unchanged page answers 304 with no body. ' +
      'Cache-Control lets a browser keep the body and revalidate it on every use.',
    security: bearer, request: { query: contextQuery },
    responses: {
      200: json(pageContext, 'The page as this user may see it.'),
      304: { description: 'Not modified since the ETag in If-None-Match.' },
      ...errors(400, 401, 404),
    },
  });
  app.openAPIRegistry.registerPath(contextRoute);
  app.get('/context', auth, async (c) => {
    const query = contextQuery.safeParse({ url: c.req.query('url') });
    if (!query.success) return validationHook(query, c)!;
    const { body, etag } = await s.context.render(c.get('viewer'), query.data.url);
    // The body differs per person: private to their browser, revalidated on every use.
    const headers = { etag, 'cache-control': 'private, no-cache', vary: 'Authorization' };
    if (c.req.header('if-none-match') === etag) return c.body(null, 304, headers);
    // Already serialized (and cached so) by the service: sent as is, not through c.json.
    return c.body(body, 200, { ...headers, 'content-type': 'application/json' });
  });

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
      method: 'post', path: '/experts/volunteer', tags: ['Experts'],
      summary: 'Volunteer as an expert for a URL pattern; pending until an admin approves.',
      security: bearer, middleware: [auth], request: body(volunteerRequest),
      responses: { 201: json(expert, 'Pending.'), ...errors(400, 401, 409, 422) },
    }),
    async (c) => c.json(await s.experts.assign(c.get('viewer').id, c.req.valid('json').pattern, 'pending'), 201),
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/experts/{id}/approve', tags: ['Experts'], summary: "Approve a volunteer (admin). DELETE /experts/{id} declines.",
      security: bearer, middleware: [auth, requireRole('admin')], request: { params: idParam },
      responses: { 200: json(expert, 'Active.'), ...errors(400, 401, 403, 404) },
    }),
    async (c) => c.json(await s.experts.approve(c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/sites/{id}/owners', tags: ['Experts'], summary: "A site's owners: the last ring of its routed questions.",
      security: bearer, middleware: [auth], request: { params: idParam },
      responses: { 200: json(z.array(siteOwner), 'Owners.'), ...errors(400, 401, 404) },
    }),
    async (c) => c.json(await s.experts.owners(c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/sites/{id}/owners', tags: ['Experts'], summary: 'Make someone an owner of a site (admin).',
      security: bearer, middleware: [auth, requireRole('admin')], request: { params: idParam, ...body(addSiteOwnerRequest) },
      responses: { 200: json(z.array(siteOwner), 'Owners.'), ...errors(400, 401, 403, 404) },
    }),
    async (c) => c.json(await s.experts.addOwner(c.req.valid('param').id, c.req.valid('json').userId), 200),
  );

  app.openapi(
    createRoute({
      method: 'delete', path: '/sites/{id}/owners/{userId}', tags: ['Experts'], summary: 'Remove a site owner (admin).',
      security: bearer, middleware: [auth, requireRole('admin')], request: { params: z.object({ id, userId: id }) },
      responses: { 200: json(z.array(siteOwner), 'Owners.'), ...errors(400, 401, 403, 404) },
    }),
    async (c) => {
      const p = c.req.valid('param');
      return c.json(await s.experts.removeOwner(p.id, p.userId), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete', path: '/experts/{id}', tags: ['Experts'], summary: 'Remove an expert assignment, or decline a volunteer (admin).',
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
