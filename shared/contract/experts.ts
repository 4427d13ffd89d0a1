import { z } from 'zod';
import { id, idParam, ok, pageUrl, pattern, person, timestamp } from './common';
import { body, endpoints, errors, json } from './http';

export const expertStatus = z.enum(['active', 'pending']).meta({
  id: 'ExpertStatus',
  description: 'pending: a volunteer waiting for an admin; not listed for pages until approved.',
});

export const expert = z
  .object({
    id,
    user: person,
    scopeId: id,
    pattern: z.string(),
    screen: z.string().nullable().meta({ description: "The site's screen the pattern is (its name, e.g. \"Account\"); null for a pattern that is no screen." }),
    status: expertStatus.optional(),
    createdAt: timestamp,
  })
  .meta({ id: 'Expert', description: 'A person responsible for the pages a scope matches.' });
export type Expert = z.infer<typeof expert>;

export const createExpertRequest = z.object({ userId: id, pattern }).meta({ id: 'CreateExpertRequest' });

export const volunteerRequest = z.object({ pattern }).meta({ id: 'VolunteerRequest' });

export const expertEndpoints = endpoints({
  listExperts: {
    method: 'get', path: '/experts', access: 'signed-in', tags: ['Experts'],
    summary: 'With url: the experts for that page, most specific scope first. Without: every assignment.',
    request: { query: z.object({ url: pageUrl.optional() }) },
    responses: { 200: json(z.array(expert), 'Experts.'), ...errors(400, 401, 404) },
  },
  assignExpert: {
    method: 'post', path: '/experts', access: 'admin', tags: ['Experts'],
    summary: 'Make someone an expert for a URL pattern (admin).',
    request: body(createExpertRequest),
    responses: { 201: json(expert, 'Assigned.'), ...errors(400, 401, 403, 404, 409, 422) },
  },
  volunteerAsExpert: {
    method: 'post', path: '/experts/volunteer', access: 'signed-in', tags: ['Experts'],
    summary: 'Volunteer as an expert for a URL pattern; pending until an admin approves.',
    request: body(volunteerRequest),
    responses: { 201: json(expert, 'Pending.'), ...errors(400, 401, 409, 422) },
  },
  approveExpert: {
    method: 'post', path: '/experts/{id}/approve', access: 'admin', tags: ['Experts'],
    summary: 'Approve a volunteer (admin). DELETE /experts/{id} declines.',
    request: { params: idParam },
    responses: { 200: json(expert, 'Active.'), ...errors(400, 401, 403, 404) },
  },
  removeExpert: {
    method: 'delete', path: '/experts/{id}', access: 'admin', tags: ['Experts'],
    summary: 'Remove an expert assignment, or decline a volunteer (admin).',
    request: { params: idParam },
    responses: { 200: json(ok, 'Removed.'), ...errors(400, 401, 403, 404) },
  },
});
