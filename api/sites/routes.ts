// /sites: the registered apps with their rules, and their owners.
import { siteEndpoints as e } from '@shared/contract';
import type { Sessions } from '../http/middleware/auth';
import { routeMaker, router } from '../http/routes';
import type { SiteService } from './service';

export function siteRoutes(s: { sessions: Sessions; sites: SiteService }) {
  const route = routeMaker(s.sessions);
  return router()
    .openapi(route(e.listSites), (c) => c.json(s.sites.list(), 200))
    .openapi(route(e.getSite), (c) => c.json(s.sites.get(c.req.valid('param').id), 200))
    .openapi(route(e.createSite), async (c) => c.json(await s.sites.create(c.req.valid('json')), 201))
    .openapi(route(e.updateSite), async (c) => c.json(await s.sites.update(c.req.valid('param').id, c.req.valid('json')), 200))
    .openapi(route(e.deleteSite), async (c) => {
      await s.sites.remove(c.req.valid('param').id);
      return c.json({ ok: true as const }, 200);
    })
    .openapi(route(e.listSiteOwners), async (c) => c.json(await s.sites.owners(c.req.valid('param').id), 200))
    .openapi(route(e.addSiteOwner), async (c) => c.json(await s.sites.addOwner(c.req.valid('param').id, c.req.valid('json').userId), 200))
    .openapi(route(e.removeSiteOwner), async (c) => {
      const { id, userId } = c.req.valid('param');
      return c.json(await s.sites.removeOwner(id, userId), 200);
    });
}
