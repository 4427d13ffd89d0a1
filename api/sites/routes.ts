// /sites: the registered apps with their rules, their screens and their owners; the URL tester.
import { type Expert, siteEndpoints as e, type SitePreview, type SiteRules } from '@shared/contract';
import { templatePattern } from '@shared/page-key';
import type { Sessions } from '../http/middleware/auth';
import { routeMaker, router } from '../http/routes';
import type { Viewer } from '../kernel/access';
import type { SiteService } from './service';

/** What the site pages ask of the page context (context/service.ts): declared here, so folders depend one way. */
interface PageLens {
  preview(viewer: Viewer, url: string, rules?: SiteRules): Promise<SitePreview>;
  expertsForPage(url: string): Promise<Expert[]>;
}

export function siteRoutes(s: { sessions: Sessions; sites: SiteService; context: PageLens }) {
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
    .openapi(route(e.previewSite), async (c) => {
      const { url, rules } = c.req.valid('json');
      return c.json(await s.context.preview(c.get('viewer'), url, rules), 200);
    })
    .openapi(route(e.getSiteUsage), async (c) => c.json(await s.sites.usage(c.req.valid('param').id), 200))
    .openapi(route(e.listSiteScreens), async (c) => {
      const site = s.sites.get(c.req.valid('param').id);
      const screens = await Promise.all(
        site.rules.templates.map(async (t) => ({
          name: t.name,
          pattern: t.pattern,
          experts: (await s.context.expertsForPage(templatePattern(t.pattern, site.origin)).catch(() => [])).map((x) => x.user),
        })),
      );
      return c.json(screens, 200);
    })
    .openapi(route(e.listSiteOwners), async (c) => c.json(await s.sites.owners(c.req.valid('param').id), 200))
    .openapi(route(e.addSiteOwner), async (c) => c.json(await s.sites.addOwner(c.req.valid('param').id, c.req.valid('json').userId), 200))
    .openapi(route(e.removeSiteOwner), async (c) => {
      const { id, userId } = c.req.valid('param');
      return c.json(await s.sites.removeOwner(id, userId), 200);
    });
}
