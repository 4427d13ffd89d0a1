// /watches: the patterns a person watches.
import { watchEndpoints as e } from '@shared/contract';
import type { Sessions } from '../http/middleware/auth';
import { routeMaker, router } from '../http/routes';
import type { WatchService } from './service';

export function watchRoutes(s: { sessions: Sessions; watches: WatchService }) {
  const route = routeMaker(s.sessions);
  return router()
    .openapi(route(e.listWatches), async (c) => c.json(await s.watches.list(c.get('viewer').id), 200))
    .openapi(route(e.createWatch), async (c) => c.json(await s.watches.add(c.get('viewer').id, c.req.valid('json').pattern), 201))
    .openapi(route(e.deleteWatch), async (c) => {
      await s.watches.remove(c.get('viewer').id, c.req.valid('param').id);
      return c.json({ ok: true as const }, 200);
    });
}
