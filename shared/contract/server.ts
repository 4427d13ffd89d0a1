import { z } from 'zod';
import { body, endpoints, error, errors, json } from './http';

export const health = z
  .object({
    ok: z.literal(true),
    version: z.string(),
    needsAdmin: z.boolean().meta({ description: 'No account exists yet: the first to sign up becomes the admin (the console walks them through).' }),
  })
  .meta({ id: 'Health' });

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

/** The console's first run, step by step; each can be left and resumed. */
export const setupProgress = z
  .object({
    app: z.boolean().meta({ description: 'A first app (site) is registered.' }),
    invited: z.boolean().meta({ description: 'Colleagues can join: more accounts, an invitation link, or sign-up for the company.' }),
    extension: z.boolean().meta({ description: 'The admin read how to install the extension.' }),
    done: z.boolean().meta({ description: 'The admin finished (or left) the first run.' }),
  })
  .meta({ id: 'SetupProgress' });
export type SetupProgress = z.infer<typeof setupProgress>;

export const setupUpdate = z
  .object({ extension: z.literal(true).optional(), done: z.literal(true).optional() })
  .meta({ id: 'SetupUpdate', description: 'Steps the admin marks done; the others follow from what exists.' });

export const serverInfo = z
  .object({
    version: z.string(),
    database: z.enum(['pglite', 'postgres']).meta({ description: 'pglite: the embedded database; postgres: DATABASE_URL.' }),
    signUp: signUpPolicy,
    setup: setupProgress,
    settings: z
      .array(z.object({ name: z.string(), value: z.string(), source: z.enum(['environment', 'default']) }))
      .meta({ description: 'The settings in force (read-only here), secrets left out.' }),
  })
  .meta({ id: 'ServerInfo' });
export type ServerInfo = z.infer<typeof serverInfo>;

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
  updateSetup: {
    method: 'patch', path: '/server/setup', access: 'admin', tags: ['Server'],
    summary: "Mark first-run steps done (admin): what exists (an app, colleagues) says the rest.",
    request: body(setupUpdate),
    responses: { 200: json(setupProgress, 'The first run now.'), ...errors(400, 401, 403) },
  },
  setSignUpPolicy: {
    method: 'put', path: '/server/signup', access: 'admin', tags: ['Server'],
    summary: 'Who may sign up: anyone, the company\'s email domains, or nobody (admin).',
    request: body(signUpPolicy),
    responses: { 200: json(signUpPolicy, 'The policy now.'), ...errors(400, 401, 403) },
  },
});
