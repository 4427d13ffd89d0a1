import { z } from 'zod';
import { endpoints, error, json } from './http';

export const health = z.object({ ok: z.literal(true), version: z.string() }).meta({ id: 'Health' });

export const serverEndpoints = endpoints({
  getHealth: {
    method: 'get', path: '/health', access: 'public', tags: ['Server'],
    summary: 'Whether this server answers, and its version.',
    responses: {
      200: json(health, 'The server is up.'),
      '4XX': error('A client error: 431 when the request headers are too large. Every error has the Error body.'),
    },
  },
});
