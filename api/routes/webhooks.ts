// Outgoing webhooks (admin): register, change, remove, and read the delivery log.
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { apiError, createdWebhook, createWebhookRequest, idParam, ok, updateWebhookRequest, webhook, webhookDelivery } from '@shared/contract';
import { requireRole, requireViewer } from '../middleware/auth';
import type { Services } from '../services';
import { bearer, body, errors, json, router } from './openapi';

const refusedUrl = json(
  apiError,
  'webhook_url_forbidden: the URL has credentials, or its host is or resolves to a loopback, private, link-local or ' +
    'other non-public address (list internal receivers in WEBHOOK_ALLOWED_HOSTS); webhook_url_unresolvable: its host ' +
    'does not resolve. The message says which address and why.',
);

export function webhookRoutes(s: Services) {
  const app = router();
  const admin = { security: bearer, middleware: [requireViewer(s.sessions), requireRole('admin')] };

  app.openapi(
    createRoute({
      method: 'get', path: '/webhooks', tags: ['Webhooks'], ...admin, summary: 'Registered webhooks (admin). Secrets are not shown again.',
      responses: { 200: json(z.array(webhook), 'Webhooks.'), ...errors(401, 403) },
    }),
    async (c) => c.json(await s.webhooks.list(), 200),
  );
  app.openapi(
    createRoute({
      method: 'post', path: '/webhooks', tags: ['Webhooks'], ...admin,
      summary: 'Register a webhook for some event kinds (admin). Only org-visible content is ever sent. The secret is shown once.',
      request: body(createWebhookRequest),
      responses: { 201: json(createdWebhook, 'Registered.'), ...errors(400, 401, 403), 422: refusedUrl },
    }),
    async (c) => c.json(await s.webhooks.create(c.req.valid('json')), 201),
  );
  app.openapi(
    createRoute({
      method: 'patch', path: '/webhooks/{id}', tags: ['Webhooks'], ...admin, summary: 'Change a webhook (admin).',
      request: { params: idParam, ...body(updateWebhookRequest) },
      responses: { 200: json(webhook, 'Updated.'), ...errors(400, 401, 403, 404), 422: refusedUrl },
    }),
    async (c) => c.json(await s.webhooks.update(c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(
    createRoute({
      method: 'delete', path: '/webhooks/{id}', tags: ['Webhooks'], ...admin, summary: 'Remove a webhook and its log (admin).',
      request: { params: idParam },
      responses: { 200: json(ok, 'Removed.'), ...errors(400, 401, 403, 404) },
    }),
    async (c) => {
      await s.webhooks.remove(c.req.valid('param').id);
      return c.json({ ok: true as const }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get', path: '/webhooks/{id}/deliveries', tags: ['Webhooks'], ...admin, summary: 'The delivery log, newest first (admin).',
      request: { params: idParam },
      responses: { 200: json(z.array(webhookDelivery), 'Deliveries.'), ...errors(400, 401, 403, 404) },
    }),
    async (c) => c.json(await s.webhooks.deliveries(c.req.valid('param').id), 200),
  );
  return app;
}
