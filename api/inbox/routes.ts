// /inbox: each person's things to look at.
import { inboxEndpoints as e } from '@shared/contract';
import type { Sessions } from '../http/middleware/auth';
import { routeMaker, router } from '../http/routes';
import type { InboxService } from './service';

export function inboxRoutes(s: { sessions: Sessions; inbox: InboxService }) {
  const route = routeMaker(s.sessions);
  return router()
    .openapi(route(e.getInbox), async (c) => c.json(await s.inbox.list(c.get('viewer').id, c.req.valid('query').unread), 200))
    .openapi(route(e.markInboxItemRead), async (c) => {
      await s.inbox.markRead(c.get('viewer').id, [c.req.valid('param').id]);
      return c.json({ ok: true as const }, 200);
    })
    .openapi(route(e.markInboxItemsRead), async (c) => {
      await s.inbox.markRead(c.get('viewer').id, c.req.valid('json').ids);
      return c.json({ ok: true as const }, 200);
    })
    .openapi(route(e.markInboxRead), async (c) => {
      await s.inbox.markRead(c.get('viewer').id, 'all');
      return c.json({ ok: true as const }, 200);
    });
}
