// /browse: what colleagues know, site by site and scope by scope, and one's own.
import { browseEndpoints as e } from '@shared/contract';
import type { Sessions } from '../http/middleware/auth';
import { routeMaker, router } from '../http/routes';
import type { BrowseService } from './service';

export function browseRoutes(s: { sessions: Sessions; browse: BrowseService }) {
  const route = routeMaker(s.sessions);
  return router()
    .openapi(route(e.browseSite), async (c) => c.json(await s.browse.site(c.get('viewer'), c.req.valid('param').id), 200))
    .openapi(route(e.browseScope), async (c) => c.json(await s.browse.scope(c.get('viewer'), c.req.valid('param').id, c.req.valid('query')), 200))
    .openapi(route(e.browseMine), async (c) => c.json(await s.browse.mine(c.get('viewer'), c.req.valid('query')), 200));
}
