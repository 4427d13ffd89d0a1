// /webhooks (admin): register, change, remove, and read the delivery log.
import { webhookEndpoints as e } from '@shared/contract';
import type { Sessions } from '../http/middleware/auth';
import { routeMaker, router } from '../http/routes';
import type { WebhookService } from './service';

export function webhookRoutes(s: { sessions: Sessions; webhooks: WebhookService }) {
  const route = routeMaker(s.sessions);
  return router()
    .openapi(route(e.listWebhooks), async (c) => c.json(await s.webhooks.list(), 200))
    .openapi(route(e.createWebhook), async (c) => c.json(await s.webhooks.create(c.req.valid('json')), 201))
    .openapi(route(e.updateWebhook), async (c) => c.json(await s.webhooks.update(c.req.valid('param').id, c.req.valid('json')), 200))
    .openapi(route(e.deleteWebhook), async (c) => {
      await s.webhooks.remove(c.req.valid('param').id);
      return c.json({ ok: true as const }, 200);
    })
    .openapi(route(e.testWebhook), async (c) => c.json(await s.webhooks.test(c.req.valid('param').id), 200))
    .openapi(route(e.retryWebhookDelivery), async (c) => {
      const { id, deliveryId } = c.req.valid('param');
      return c.json(await s.webhooks.retry(id, deliveryId), 200);
    })
    .openapi(route(e.listWebhookDeliveries), async (c) => c.json(await s.webhooks.deliveries(c.req.valid('param').id), 200));
}
