import { z } from 'zod';
import { id, idParam, ok, pageUrl, person, timestamp } from './common';
import { body, endpoints, errors, json } from './http';

/** How a site's URLs become page keys, and how its screens are named. See shared/page-key. */
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

export const siteOwner = z
  .object({ siteId: id, user: person, createdAt: timestamp })
  .meta({ id: 'SiteOwner', description: 'A person responsible for a whole site: the last ring of its routed questions.' });
export type SiteOwner = z.infer<typeof siteOwner>;
export const addSiteOwnerRequest = z.object({ userId: id }).meta({ id: 'AddSiteOwnerRequest' });

export const sitePreviewRequest = z
  .object({
    url: pageUrl,
    rules: siteRules.optional().meta({ description: "Rules to try instead of the site's own (or for a site not registered yet)." }),
  })
  .meta({ id: 'SitePreviewRequest' });

const previewCounts = z.object({ notes: z.int(), tips: z.int(), questions: z.int(), openQuestions: z.int() });

/** What the page key of one URL would be, and what would show there: the console's URL tester. */
export const sitePreview = z
  .object({
    origin: z.string(),
    site: z.object({ id, name: z.string() }).nullable().meta({ description: 'The registered site of this origin, if any.' }),
    pageKey: z.string().meta({ description: 'What the extension would send for this URL.' }),
    screen: z.string().nullable(),
    scopes: z
      .array(z.object({ id, pattern: z.string(), counts: previewCounts.meta({ description: 'What is on this scope alone.' }) }))
      .meta({ description: 'Every scope the page key matches, most specific first.' }),
    notes: z.array(z.object({ id, pattern: z.string(), excerpt: z.string(), tip: z.boolean() })),
    questions: z.array(z.object({ id, pattern: z.string(), title: z.string() })),
    counts: previewCounts,
  })
  .meta({ id: 'SitePreview', description: 'Items as the asking admin may see them (visibility applies to admins too).' });
export type SitePreview = z.infer<typeof sitePreview>;

export const siteUsage = z
  .object({ notes: z.int(), tips: z.int(), questions: z.int(), answers: z.int(), replies: z.int(), experts: z.int(), watches: z.int() })
  .meta({ id: 'SiteUsage', description: 'Everything removing the site deletes, counted whoever can see it.' });
export type SiteUsage = z.infer<typeof siteUsage>;

export const siteScreen = z
  .object({ name: z.string(), pattern: z.string(), experts: z.array(person) })
  .meta({ id: 'SiteScreen', description: "One of the site's screens (templates) and the active experts for its pages." });
export type SiteScreen = z.infer<typeof siteScreen>;

export const siteEndpoints = endpoints({
  listSites: {
    method: 'get', path: '/sites', access: 'signed-in', tags: ['Sites'],
    summary: 'The registered sites (the extension runs on these only).',
    responses: { 200: json(z.array(site), 'Sites by name.'), ...errors(401) },
  },
  getSite: {
    method: 'get', path: '/sites/{id}', access: 'signed-in', tags: ['Sites'],
    summary: 'One site.',
    request: { params: idParam },
    responses: { 200: json(site, 'The site.'), ...errors(400, 401, 404) },
  },
  createSite: {
    method: 'post', path: '/sites', access: 'admin', tags: ['Sites'],
    summary: 'Register an app origin with its page-key rules (admin).',
    request: body(createSiteRequest),
    responses: { 201: json(site, 'Registered.'), ...errors(400, 401, 403, 409, 413) },
  },
  updateSite: {
    method: 'patch', path: '/sites/{id}', access: 'admin', tags: ['Sites'],
    summary: 'Rename a site or change its rules (admin).',
    request: { params: idParam, ...body(updateSiteRequest) },
    responses: { 200: json(site, 'Updated.'), ...errors(400, 401, 403, 404, 413) },
  },
  deleteSite: {
    method: 'delete', path: '/sites/{id}', access: 'admin', tags: ['Sites'],
    summary: 'Remove a site and all content on it (admin).',
    request: { params: idParam },
    responses: { 200: json(ok, 'Removed.'), ...errors(400, 401, 403, 404) },
  },
  previewSite: {
    method: 'post', path: '/sites/preview', access: 'admin', tags: ['Sites'],
    summary: "What a URL's page key, screen, scopes and items would be, with the site's rules or others (admin).",
    request: body(sitePreviewRequest),
    responses: { 200: json(sitePreview, 'The preview.'), ...errors(400, 401, 403) },
  },
  getSiteUsage: {
    method: 'get', path: '/sites/{id}/usage', access: 'admin', tags: ['Sites'],
    summary: 'What removing the site would delete (admin).',
    request: { params: idParam },
    responses: { 200: json(siteUsage, 'Counts.'), ...errors(400, 401, 403, 404) },
  },
  listSiteScreens: {
    method: 'get', path: '/sites/{id}/screens', access: 'signed-in', tags: ['Sites'],
    summary: "The site's screens with their experts: those without one are where help is missing.",
    request: { params: idParam },
    responses: { 200: json(z.array(siteScreen), 'Screens in template order.'), ...errors(400, 401, 404) },
  },
  listSiteOwners: {
    method: 'get', path: '/sites/{id}/owners', access: 'signed-in', tags: ['Sites'],
    summary: "A site's owners: the last ring of its routed questions.",
    request: { params: idParam },
    responses: { 200: json(z.array(siteOwner), 'Owners.'), ...errors(400, 401, 404) },
  },
  addSiteOwner: {
    method: 'post', path: '/sites/{id}/owners', access: 'admin', tags: ['Sites'],
    summary: 'Make someone an owner of a site (admin).',
    request: { params: idParam, ...body(addSiteOwnerRequest) },
    responses: { 200: json(z.array(siteOwner), 'Owners.'), ...errors(400, 401, 403, 404) },
  },
  removeSiteOwner: {
    method: 'delete', path: '/sites/{id}/owners/{userId}', access: 'admin', tags: ['Sites'],
    summary: 'Remove a site owner (admin).',
    request: { params: z.object({ id, userId: id }) },
    responses: { 200: json(z.array(siteOwner), 'Owners.'), ...errors(400, 401, 403, 404) },
  },
});
