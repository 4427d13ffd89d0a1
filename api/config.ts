import { resolve } from 'node:path';
import { z } from 'zod';
import { DEFAULT_SEARCH_CONFIG } from './db/search-columns';
import { parseAllowList } from './webhooks/targets';

const flag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/** A comma-separated list of webhook receivers exempt from the public-address rule; each entry is checked now. */
const allowedHosts = z.string().transform((text, ctx) => {
  const entries = text.split(',').map((e) => e.trim()).filter(Boolean);
  try {
    parseAllowList(entries);
  } catch (err) {
    ctx.addIssue({ code: 'custom', message: (err as Error).message });
  }
  return entries;
});

/**
 * Every setting comes from the environment, and every default is here (README's "Configure" section lists
 * them); the services take what they need of the result, and keep no defaults of their own.
 */
const env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8420),
  HOST: z.string().default('127.0.0.1'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().url().optional(),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  SIGNUP: z.enum(['open', 'closed']).default('open'),
  SESSION_DAYS: z.coerce.number().min(1).max(365).default(30),
  TRUST_PROXY: flag.default(false),
  SIGNIN_LIMIT_PER_ADDRESS: z.coerce.number().int().min(1).max(100_000).default(30),
  SIGNIN_LIMIT_PER_ACCOUNT: z.coerce.number().int().min(1).max(100_000).default(10),
  SIGNIN_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(600),
  SIGNUP_LIMIT_PER_ADDRESS: z.coerce.number().int().min(1).max(100_000).default(20),
  ALONGSIDE_ADMIN_EMAIL: z.string().email().optional(),
  ALONGSIDE_ADMIN_PASSWORD: z.string().min(10).optional(),
  ALONGSIDE_ADMIN_NAME: z.string().min(1).default('Admin'),
  ROUTING_ESCALATE_MINUTES: z.coerce.number().positive().max(525_600).default(60),
  EVENTS_HEARTBEAT_SECONDS: z.coerce.number().min(1).max(300).default(20),
  EVENTS_MAX_STREAMS_PER_USER: z.coerce.number().int().min(1).max(10_000).default(20),
  EVENTS_MAX_STREAMS: z.coerce.number().int().min(1).max(1_000_000).default(10_000),
  WEBHOOK_TIMEOUT_SECONDS: z.coerce.number().positive().max(120).default(10),
  WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(30).default(8),
  WEBHOOK_BACKOFF_SECONDS: z.coerce.number().positive().max(3600).default(5),
  WEBHOOK_ALLOWED_HOSTS: allowedHosts.default([]),
  /** PostgreSQL's text search configuration: `english` stems, `simple` suits several languages at once. */
  SEARCH_CONFIG: z.string().regex(/^[a-z_][a-z0-9_]*$/, 'a text search configuration name, such as english or simple').max(63).default(DEFAULT_SEARCH_CONFIG),
});

export type Settings = ReturnType<typeof loadConfig>;

/** Settings that are never shown (the console's Server page), and the one shown without its password. */
const SECRET = new Set(['ALONGSIDE_ADMIN_PASSWORD']);
const withoutPassword = (url: string) => url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:•••@');

/** Every setting as the server runs with it: its variable, its value as text, and where it came from. */
function describe(values: Record<string, unknown>, given: Record<string, unknown>) {
  return Object.keys(env.shape)
    .filter((name) => !SECRET.has(name) && values[name] !== undefined)
    .map((name) => {
      const value = values[name];
      const text = Array.isArray(value) ? value.join(',') : String(value);
      return { name, value: name === 'DATABASE_URL' ? withoutPassword(text) : text, source: name in given ? ('environment' as const) : ('default' as const) };
    });
}

export function loadConfig(source: NodeJS.ProcessEnv = process.env) {
  // An empty variable means "not set", as in most tools (DATABASE_URL= falls back to PGlite).
  const given = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ''));
  const parsed = env.safeParse(given);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid configuration:\n${problems}`);
  }
  const e = parsed.data;
  if (Boolean(e.ALONGSIDE_ADMIN_EMAIL) !== Boolean(e.ALONGSIDE_ADMIN_PASSWORD)) {
    throw new Error('Invalid configuration: set both ALONGSIDE_ADMIN_EMAIL and ALONGSIDE_ADMIN_PASSWORD, or neither.');
  }
  return {
    /** For display (GET /server): every setting, secrets left out. */
    shown: describe(e, given),
    port: e.PORT,
    host: e.HOST,
    database: e.DATABASE_URL
      ? ({ driver: 'postgres', url: e.DATABASE_URL, poolSize: e.DB_POOL_SIZE } as const)
      : ({ driver: 'pglite', dataDir: resolve(e.DATA_DIR) } as const),
    signup: e.SIGNUP,
    sessionTtlMs: e.SESSION_DAYS * 24 * 3600 * 1000,
    trustProxy: e.TRUST_PROXY,
    /** Sign-in attempts per client address and per account, in one window. */
    signInLimits: {
      perAddress: { max: e.SIGNIN_LIMIT_PER_ADDRESS, windowSeconds: e.SIGNIN_LIMIT_WINDOW_SECONDS },
      perAccount: { max: e.SIGNIN_LIMIT_PER_ACCOUNT, windowSeconds: e.SIGNIN_LIMIT_WINDOW_SECONDS },
    },
    /** Sign-ups per client address an hour. */
    signUpLimit: { max: e.SIGNUP_LIMIT_PER_ADDRESS, windowSeconds: 3600 },
    escalateAfterMs: e.ROUTING_ESCALATE_MINUTES * 60_000,
    heartbeatMs: e.EVENTS_HEARTBEAT_SECONDS * 1000,
    maxStreamsPerUser: e.EVENTS_MAX_STREAMS_PER_USER,
    maxStreams: e.EVENTS_MAX_STREAMS,
    webhookTimeoutMs: e.WEBHOOK_TIMEOUT_SECONDS * 1000,
    webhookMaxAttempts: e.WEBHOOK_MAX_ATTEMPTS,
    webhookBackoffMs: e.WEBHOOK_BACKOFF_SECONDS * 1000,
    webhookAllowedHosts: e.WEBHOOK_ALLOWED_HOSTS,
    searchConfig: e.SEARCH_CONFIG,
    admin: e.ALONGSIDE_ADMIN_EMAIL
      ? { email: e.ALONGSIDE_ADMIN_EMAIL.toLowerCase(), password: e.ALONGSIDE_ADMIN_PASSWORD!, name: e.ALONGSIDE_ADMIN_NAME }
      : undefined,
  };
}
