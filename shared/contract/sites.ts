import { z } from 'zod';

/** How a site's URLs become page keys, and how its screens are named. See shared/urlpattern/page-key.ts. */
export const siteRules = z.object({
  /** Query parameters that identify a page (all others are stripped before anything leaves the browser). */
  keepQuery: z.array(z.string().min(1).max(100)).max(50).default([]),
  /** The fragment is a route (hash-routed apps): keep it in the page key. */
  hashRouting: z.boolean().default(false),
  /** URL templates that name the site's screens, e.g. { name: 'Account', pattern: '/accounts/:id' }. */
  templates: z
    .array(z.object({ name: z.string().min(1).max(100), pattern: z.string().min(1).max(2000) }))
    .max(200)
    .default([]),
});
export type SiteRules = z.infer<typeof siteRules>;

const origin = z
  .string()
  .max(300)
  .meta({ example: 'https://crm.corp.example', description: 'scheme://host[:port], nothing else.' });

export const site = z
  .object({
    id: z.uuid(),
    origin: z.string(),
    name: z.string(),
    rules: siteRules,
  })
  .meta({ id: 'Site' });
export type Site = z.infer<typeof site>;

export const createSiteRequest = z
  .object({ origin, name: z.string().trim().min(1).max(100), rules: siteRules.default({ keepQuery: [], hashRouting: false, templates: [] }) })
  .meta({ id: 'CreateSiteRequest' });
export const updateSiteRequest = z
  .object({ name: z.string().trim().min(1).max(100).optional(), rules: siteRules.optional() })
  .meta({ id: 'UpdateSiteRequest' });
