import { z } from 'zod';
import { body, endpoints, error, errors, json } from './http';

export const health = z.object({ ok: z.literal(true), version: z.string() }).meta({ id: 'Health' });

export const signUpPolicy = z
  .object({
    mode: z.enum(['open', 'domains', 'closed']).meta({
      description: 'open: anyone who reaches the server; domains: emails of these domains; closed: invitations and admins only.',
    }),
    domains: z
      .array(z.string().trim().toLowerCase().regex(/^(?=.{1,253}$)([a-z0-9-]{1,63}\.)+[a-z]{2,63}$/, 'must be a domain, like corp.example'))
      .max(50)
      .default([]),
  })
  .refine((p) => p.mode !== 'domains' || p.domains.length > 0, { message: 'name at least one domain', path: ['domains'] })
  .meta({ id: 'SignUpPolicy' });
export type SignUpPolicy = z.infer<typeof signUpPolicy>;

export const serverInfo = z
  .object({
    version: z.string(),
    database: z.enum(['pglite', 'postgres']).meta({ description: 'pglite: the embedded database; postgres: DATABASE_URL.' }),
    signUp: signUpPolicy,
    settings: z
      .array(z.object({ name: z.string(), value: z.string(), source: z.enum(['environment', 'default']) }))
      .meta({ description: 'The settings in force (read-only here), secrets left out.' }),
  })
  .meta({ id: 'ServerInfo' });

export const serverEndpoints = endpoints({
  getHealth: {
    method: 'get', path: '/health', access: 'public', tags: ['Server'],
    summary: 'Whether this server answers, and its version.',
    responses: {
      200: json(health, 'The server is up.'),
      '4XX': error('A client error: 431 when the request headers are too large. Every error has the Error body.'),
    },
  },
  getServer: {
    method: 'get', path: '/server', access: 'admin', tags: ['Server'],
    summary: 'Version, database, sign-up policy and the settings in force (admin).',
    responses: { 200: json(serverInfo, 'The server.'), ...errors(401, 403) },
  },
  setSignUpPolicy: {
    method: 'put', path: '/server/signup', access: 'admin', tags: ['Server'],
    summary: 'Who may sign up: anyone, the company\'s email domains, or nobody (admin).',
    request: body(signUpPolicy),
    responses: { 200: json(signUpPolicy, 'The policy now.'), ...errors(400, 401, 403) },
  },
});
