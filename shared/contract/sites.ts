import { z } from 'zod';
import { id, idParam, ok, person, timestamp } from './common';
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
export const addSiteOwnerRequest = z.object({ userId: id }).meta({ id: 'AddSiteOwnerRequest' });

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
