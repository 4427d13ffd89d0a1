// /search: what colleagues know, found by its words.
import { searchEndpoints as e } from '@shared/contract';
import type { Sessions } from '../http/middleware/auth';
import { routeMaker, router } from '../http/routes';
import type { SearchService } from './service';

export function searchRoutes(s: { sessions: Sessions; search: SearchService }) {
  const route = routeMaker(s.sessions);
  return router().openapi(route(e.search), async (c) => c.json(await s.search.search(c.get('viewer'), c.req.valid('query')), 200));
}
