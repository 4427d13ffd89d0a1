import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { createSiteRequest, idParam, ok, site, updateSiteRequest } from '@shared/contract';
import { requireRole, requireViewer } from '../middleware/auth';
import type { Services } from '../services';
import { bearer, body, errors, json, router } from './openapi';

export function siteRoutes(s: Services) {
  const auth = requireViewer(s.sessions);
  const admin = [auth, requireRole('admin')];
  const app = router();

  app.openapi(
    createRoute({
      method: 'get', path: '/sites', tags: ['Sites'], summary: 'The registered sites (the extension runs on these only).',
      security: bearer, middleware: [auth],
      responses: { 200: json(z.array(site), 'Sites by name.'), ...errors(401) },
    }),
    (c) => c.json(s.sites.list(), 200),
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/sites/{id}', tags: ['Sites'], summary: 'One site.',
      security: bearer, middleware: [auth], request: { params: idParam },
      responses: { 200: json(site, 'The site.'), ...errors(400, 401, 404) },
    }),
    (c) => c.json(s.sites.get(c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/sites', tags: ['Sites'], summary: 'Register an app origin with its page-key rules (admin).',
      security: bearer, middleware: admin, request: body(createSiteRequest),
      responses: { 201: json(site, 'Registered.'), ...errors(400, 401, 403, 409, 413) },
    }),
    async (c) => c.json(await s.sites.create(c.req.valid('json')), 201),
  );

  app.openapi(
    createRoute({
      method: 'patch', path: '/sites/{id}', tags: ['Sites'], summary: "Rename a site or change its rules (admin).",
      security: bearer, middleware: admin, request: { params: idParam, ...body(updateSiteRequest) },
      responses: { 200: json(site, 'Updated.'), ...errors(400, 401, 403, 404, 413) },
    }),
    async (c) => c.json(await s.sites.update(c.req.valid('param').id, c.req.valid('json')), 200),
  );

  app.openapi(
    createRoute({
      method: 'delete', path: '/sites/{id}', tags: ['Sites'], summary: 'Remove a site and all content on it (admin).',
      security: bearer, middleware: admin, request: { params: idParam },
      responses: { 200: json(ok, 'Removed.'), ...errors(400, 401, 403, 404) },
    }),
    async (c) => {
      await s.sites.remove(c.req.valid('param').id);
      return c.json({ ok: true as const }, 200);
    },
  );

  return app;
}
