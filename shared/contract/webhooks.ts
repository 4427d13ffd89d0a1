import { z } from 'zod';
import { id, timestamp } from './common';
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
