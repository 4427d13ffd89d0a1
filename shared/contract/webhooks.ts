import { z } from 'zod';
import { id, idParam, ok, timestamp } from './common';
import { body, endpoints, error, errors, json } from './http';
import { eventKind } from './live';

export const webhookFormat = z.enum(['json', 'slack']).meta({
  id: 'WebhookFormat',
  description: 'json: { delivery, event }; slack: a Slack-compatible { text, blocks } with a link to the page.',
});

export const webhook = z
  .object({ id, url: z.url(), kinds: z.array(eventKind), format: webhookFormat, active: z.boolean(), createdAt: timestamp })
  .meta({ id: 'Webhook' });
export type Webhook = z.infer<typeof webhook>;

export const createdWebhook = webhook
  .extend({
    secret: z.string().meta({
      description:
        'Shown once. Each delivery has X-Alongside-Signature: sha256=HMAC-SHA256(secret, timestamp + "." + body), ' +
        'X-Alongside-Timestamp (unix seconds) and X-Alongside-Delivery (the idempotency key, stable across retries).',
    }),
  })
  .meta({ id: 'CreatedWebhook' });

const webhookUrl = z
  .url({ protocol: /^https?$/ })
  .max(2_000)
  .meta({
    description:
      'http(s), without credentials; the host must be, and resolve to, public addresses only, unless the server ' +
      'lists it in WEBHOOK_ALLOWED_HOSTS (checked on save and again on each delivery).',
  });

export const createWebhookRequest = z
  .object({
    url: webhookUrl,
    kinds: z.array(eventKind).min(1),
    format: webhookFormat.default('json'),
    active: z.boolean().default(true),
  })
  .meta({ id: 'CreateWebhookRequest' });

export const updateWebhookRequest = z
  .object({ url: webhookUrl.optional(), kinds: z.array(eventKind).min(1).optional(), format: webhookFormat.optional(), active: z.boolean().optional() })
  .meta({ id: 'UpdateWebhookRequest' });

export const webhookDelivery = z
  .object({
    id,
    eventId: z.string(),
    kind: z.string(),
    status: z.enum(['pending', 'delivered', 'failed']),
    attempts: z.int(),
    nextAttemptAt: timestamp,
    lastStatus: z.int().nullable(),
    lastError: z.string().nullable(),
    deliveredAt: timestamp.nullable(),
    createdAt: timestamp,
  })
  .meta({ id: 'WebhookDelivery' });
export type WebhookDelivery = z.infer<typeof webhookDelivery>;

const refusedUrl = error(
  'webhook_url_forbidden: the URL has credentials, or its host is or resolves to a loopback, private, link-local or ' +
    'other non-public address (list internal receivers in WEBHOOK_ALLOWED_HOSTS); webhook_url_unresolvable: its host ' +
    'does not resolve. The message says which address and why.',
);

export const webhookTest = z
  .object({
    status: z.int().nullable().meta({ description: "The receiver's HTTP status; null when it could not be reached." }),
    error: z.string().nullable(),
    durationMs: z.int(),
  })
  .meta({ id: 'WebhookTest', description: 'A signed `webhook.test` delivery, sent at once and not logged.' });

export const webhookEndpoints = endpoints({
  listWebhooks: {
    method: 'get', path: '/webhooks', access: 'admin', tags: ['Webhooks'],
    summary: 'Registered webhooks (admin). Secrets are not shown again.',
    responses: { 200: json(z.array(webhook), 'Webhooks.'), ...errors(401, 403) },
  },
  createWebhook: {
    method: 'post', path: '/webhooks', access: 'admin', tags: ['Webhooks'],
    summary: 'Register a webhook for some event kinds (admin). Only org-visible content is ever sent. The secret is shown once.',
    request: body(createWebhookRequest),
    responses: { 201: json(createdWebhook, 'Registered.'), ...errors(400, 401, 403), 422: refusedUrl },
  },
  updateWebhook: {
    method: 'patch', path: '/webhooks/{id}', access: 'admin', tags: ['Webhooks'],
    summary: 'Change a webhook (admin).',
    request: { params: idParam, ...body(updateWebhookRequest) },
    responses: { 200: json(webhook, 'Updated.'), ...errors(400, 401, 403, 404), 422: refusedUrl },
  },
  deleteWebhook: {
    method: 'delete', path: '/webhooks/{id}', access: 'admin', tags: ['Webhooks'],
    summary: 'Remove a webhook and its log (admin).',
    request: { params: idParam },
    responses: { 200: json(ok, 'Removed.'), ...errors(400, 401, 403, 404) },
  },
  testWebhook: {
    method: 'post', path: '/webhooks/{id}/test', access: 'admin', tags: ['Webhooks'],
    summary: 'Send a signed test delivery now and say how the receiver answered (admin).',
    request: { params: idParam },
    responses: { 200: json(webhookTest, 'What happened.'), ...errors(400, 401, 403, 404) },
  },
  retryWebhookDelivery: {
    method: 'post', path: '/webhooks/{id}/deliveries/{deliveryId}/retry', access: 'admin', tags: ['Webhooks'],
    summary: 'Send a failed delivery again, with a fresh set of attempts (admin).',
    request: { params: z.object({ id, deliveryId: id }) },
    responses: { 200: json(webhookDelivery, 'Pending again.'), ...errors(400, 401, 403, 404, 409) },
  },
  listWebhookDeliveries: {
    method: 'get', path: '/webhooks/{id}/deliveries', access: 'admin', tags: ['Webhooks'],
    summary: 'The delivery log, newest first (admin).',
    request: { params: idParam },
    responses: { 200: json(z.array(webhookDelivery), 'Deliveries.'), ...errors(400, 401, 403, 404) },
  },
});
