import { z } from 'zod';
import { id, idParam, ok, pattern, timestamp } from './common';
import { body, endpoints, errors, json } from './http';

export const watch = z
  .object({ id, pattern: z.string(), createdAt: timestamp })
  .meta({ id: 'Watch', description: 'New notes and questions on pages this pattern matches reach your inbox.' });
export type Watch = z.infer<typeof watch>;

export const createWatchRequest = z.object({ pattern }).meta({ id: 'CreateWatchRequest' });

export const watchEndpoints = endpoints({
  listWatches: {
    method: 'get', path: '/watches', access: 'signed-in', tags: ['Watches'],
    summary: 'The patterns you watch.',
    responses: { 200: json(z.array(watch), 'Your watches.'), ...errors(401) },
  },
  createWatch: {
    method: 'post', path: '/watches', access: 'signed-in', tags: ['Watches'],
    summary: 'Watch a pattern: new notes and questions on the pages it covers reach your inbox.',
    request: body(createWatchRequest),
    responses: { 201: json(watch, 'Watching.'), ...errors(400, 401, 409, 422) },
  },
  deleteWatch: {
    method: 'delete', path: '/watches/{id}', access: 'signed-in', tags: ['Watches'],
    summary: 'Stop watching.',
    request: { params: idParam },
    responses: { 200: json(ok, 'Removed.'), ...errors(400, 401, 404) },
  },
});
