import { z } from 'zod';
import { id, person, timestamp } from './common';
import { pattern } from './notes';

export const expertStatus = z.enum(['active', 'pending']).meta({
  id: 'ExpertStatus',
  description: 'pending: a volunteer waiting for an admin; not listed for pages until approved.',
});

export const expert = z
  .object({ id, user: person, scopeId: id, pattern: z.string(), status: expertStatus.optional(), createdAt: timestamp })
  .meta({ id: 'Expert', description: 'A person responsible for the pages a scope matches.' });
export type Expert = z.infer<typeof expert>;

export const createExpertRequest = z.object({ userId: id, pattern }).meta({ id: 'CreateExpertRequest' });

export const volunteerRequest = z.object({ pattern }).meta({ id: 'VolunteerRequest' });

export const siteOwner = z
  .object({ siteId: id, user: person, createdAt: timestamp })
  .meta({ id: 'SiteOwner', description: "A person responsible for a whole site: the last ring of its routed questions." });
export const addSiteOwnerRequest = z.object({ userId: id }).meta({ id: 'AddSiteOwnerRequest' });
