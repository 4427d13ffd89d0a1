// The database, table by table. Reads like the SQL it generates; migrations in api/db/migrations are
// generated from this file by `npm run db:generate` and committed.
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  customType,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { Anchor, SiteRules } from '@shared/contract';
import { searchVector, type SearchedTable } from './search-columns';

const createdAt = timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();
const updatedAt = timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();
const pk = uuid('id').primaryKey().defaultRandom();
/** What search reads of a table's items: generated from their text, never written (search-columns.ts). */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });
const searchColumn = (table: SearchedTable) => tsvector('search').generatedAlwaysAs(searchVector(table));

export const role = pgEnum('role', ['member', 'moderator', 'admin']);
export const visibility = pgEnum('visibility', ['private', 'team', 'org']);
export const expertStatus = pgEnum('expert_status', ['active', 'pending']);
export const deliveryStatus = pgEnum('delivery_status', ['pending', 'delivered', 'failed']);
export const webhookFormat = pgEnum('webhook_format', ['json', 'slack']);

export const users = pgTable(
  'users',
  {
    id: pk,
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: role('role').notNull().default('member'),
    /** Set while an admin has turned the account off: no sign-in, no session. */
    disabledAt: timestamp('disabled_at', { withTimezone: true, mode: 'date' }),
    createdAt,
  },
  (t) => [uniqueIndex('users_email_key').on(sql`lower(${t.email})`), index('users_name_idx').on(t.name, t.id)],
);

/** Opaque bearer tokens, stored as their SHA-256 so a database leak yields no usable token. */
export const sessions = pgTable(
  'sessions',
  {
    id: pk,
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    createdAt,
    lastUsedAt: timestamp('last_used_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [uniqueIndex('sessions_token_hash_key').on(t.tokenHash), index('sessions_user_idx').on(t.userId)],
);

/**
 * Devices that signed in to an account before (the token is kept by the browser, only its hash here):
 * their sign-ins are limited on their own, so guesses from elsewhere cannot lock the owner out.
 */
export const signInDevices = pgTable(
  'sign_in_devices',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    createdAt,
    lastUsedAt: timestamp('last_used_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('sign_in_devices_user_idx').on(t.userId)],
);

export const teams = pgTable(
  'teams',
  { id: pk, name: text('name').notNull(), createdAt },
  (t) => [uniqueIndex('teams_name_key').on(sql`lower(${t.name})`)],
);

export const memberships = pgTable(
  'memberships',
  {
    teamId: uuid('team_id').notNull().references(() => teams.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    createdAt,
  },
  (t) => [primaryKey({ columns: [t.teamId, t.userId] }), index('memberships_user_idx').on(t.userId)],
);

/** A registered app origin and the rules that turn its URLs into page keys. */
export const sites = pgTable(
  'sites',
  {
    id: pk,
    origin: text('origin').notNull(),
    name: text('name').notNull(),
    rules: jsonb('rules').$type<SiteRules>().notNull(),
    createdAt,
  },
  (t) => [uniqueIndex('sites_origin_key').on(t.origin)],
);

/** A URL pattern that content is attached to; one row per distinct pattern of a site. */
export const scopes = pgTable(
  'scopes',
  {
    id: pk,
    siteId: uuid('site_id').notNull().references(() => sites.id, { onDelete: 'cascade' }),
    pattern: text('pattern').notNull(),
    createdAt,
  },
  (t) => [uniqueIndex('scopes_site_pattern_key').on(t.siteId, t.pattern)],
);

const sharing = {
  visibility: visibility('visibility').notNull().default('org'),
  teamId: uuid('team_id').references(() => teams.id, { onDelete: 'cascade' }),
};
const teamIffTeamVisibility = (name: string, t: { visibility: unknown; teamId: unknown }) =>
  check(name, sql`(${t.visibility} = 'team') = (${t.teamId} is not null)`);

/** A note about the pages of a scope; a tip is a note with an anchor. */
export const notes = pgTable(
  'notes',
  {
    id: pk,
    scopeId: uuid('scope_id').notNull().references(() => scopes.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    body: text('body').notNull(),
    anchor: jsonb('anchor').$type<Anchor>(),
    /** Who last confirmed that the tip still points at the right element, and when (pinning counts). */
    verifiedBy: uuid('verified_by').references(() => users.id, { onDelete: 'set null' }),
    verifiedAt: timestamp('verified_at', { withTimezone: true, mode: 'date' }),
    /** Set when enough people's browsers failed to anchor the tip; cleared by re-pinning or verifying. */
    outdatedAt: timestamp('outdated_at', { withTimezone: true, mode: 'date' }),
    ...sharing,
    createdAt,
    updatedAt,
    search: searchColumn('notes'),
  },
  (t) => [
    index('notes_scope_idx').on(t.scopeId, t.createdAt),
    index('notes_search_idx').using('gin', t.search),
    teamIffTeamVisibility('notes_team_check', t),
  ],
);

/** Each person's latest anchoring outcome for a tip, since it was last pinned or verified. */
export const anchorReports = pgTable(
  'anchor_reports',
  {
    noteId: uuid('note_id').notNull().references(() => notes.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    found: boolean('found').notNull(),
    confidence: real('confidence').notNull(),
    reportedAt: timestamp('reported_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.noteId, t.userId] })],
);

export const questions = pgTable(
  'questions',
  {
    id: pk,
    scopeId: uuid('scope_id').notNull().references(() => scopes.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    // No FK to answers (that would be a cycle); the service clears it when the answer goes.
    acceptedAnswerId: uuid('accepted_answer_id'),
    /** "Ask an expert": the ring it was last routed to and when; null when not routed (or routing is over). */
    routingRing: integer('routing_ring'),
    routedAt: timestamp('routed_at', { withTimezone: true, mode: 'date' }),
    ...sharing,
    createdAt,
    updatedAt,
    search: searchColumn('questions'),
  },
  (t) => [
    index('questions_scope_idx').on(t.scopeId, t.createdAt),
    index('questions_search_idx').using('gin', t.search),
    teamIffTeamVisibility('questions_team_check', t),
  ],
);

export const answers = pgTable(
  'answers',
  {
    id: pk,
    questionId: uuid('question_id').notNull().references(() => questions.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    body: text('body').notNull(),
    createdAt,
    updatedAt,
    search: searchColumn('answers'),
  },
  (t) => [index('answers_question_idx').on(t.questionId, t.createdAt), index('answers_search_idx').using('gin', t.search)],
);

/** One "helpful" vote per user on one note, question or answer. */
export const votes = pgTable(
  'votes',
  {
    id: pk,
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    noteId: uuid('note_id').references(() => notes.id, { onDelete: 'cascade' }),
    questionId: uuid('question_id').references(() => questions.id, { onDelete: 'cascade' }),
    answerId: uuid('answer_id').references(() => answers.id, { onDelete: 'cascade' }),
    createdAt,
  },
  (t) => [
    check('votes_one_target', sql`num_nonnulls(${t.noteId}, ${t.questionId}, ${t.answerId}) = 1`),
    uniqueIndex('votes_note_key').on(t.noteId, t.userId),
    uniqueIndex('votes_question_key').on(t.questionId, t.userId),
    uniqueIndex('votes_answer_key').on(t.answerId, t.userId),
  ],
);

/** A person responsible for the pages a scope matches. */
export const experts = pgTable(
  'experts',
  {
    id: pk,
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    scopeId: uuid('scope_id').notNull().references(() => scopes.id, { onDelete: 'cascade' }),
    /** Volunteers start pending until an admin approves; pending experts are not listed for pages. */
    status: expertStatus('status').notNull().default('active'),
    createdAt,
  },
  (t) => [uniqueIndex('experts_scope_user_key').on(t.scopeId, t.userId), index('experts_user_idx').on(t.userId)],
);

/** A report that content is wrong, outdated or inappropriate. */
export const flags = pgTable(
  'flags',
  {
    id: pk,
    reporterId: uuid('reporter_id').references(() => users.id, { onDelete: 'set null' }),
    noteId: uuid('note_id').references(() => notes.id, { onDelete: 'cascade' }),
    questionId: uuid('question_id').references(() => questions.id, { onDelete: 'cascade' }),
    answerId: uuid('answer_id').references(() => answers.id, { onDelete: 'cascade' }),
    reason: text('reason').notNull(),
    createdAt,
    resolvedAt: timestamp('resolved_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [check('flags_one_target', sql`num_nonnulls(${t.noteId}, ${t.questionId}, ${t.answerId}) = 1`)],
);

/** Something for one person to look at: a routed question, an answer to theirs, ... */
export const inboxItems = pgTable(
  'inbox_items',
  {
    id: pk,
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    noteId: uuid('note_id').references(() => notes.id, { onDelete: 'cascade' }),
    questionId: uuid('question_id').references(() => questions.id, { onDelete: 'cascade' }),
    answerId: uuid('answer_id').references(() => answers.id, { onDelete: 'cascade' }),
    /** Who acted (answered, asked, replied, accepted, wrote); null for the server's own news (a tip outdated). */
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt,
    readAt: timestamp('read_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    index('inbox_user_idx').on(t.userId, t.createdAt),
    index('inbox_unread_idx').on(t.userId).where(sql`${t.readAt} is null`),
  ],
);

/** Fixed-window counters for rate limits that must hold across API instances (sign-in). */
export const rateLimits = pgTable('rate_limits', {
  key: text('key').primaryKey(),
  windowStart: timestamp('window_start', { withTimezone: true, mode: 'date' }).notNull(),
  count: integer('count').notNull(),
});

/** The people a site's questions reach last, when no expert answers: admin-managed. */
export const siteOwners = pgTable(
  'site_owners',
  {
    siteId: uuid('site_id').notNull().references(() => sites.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    createdAt,
  },
  (t) => [primaryKey({ columns: [t.siteId, t.userId] })],
);

/** Who an "ask an expert" question went to, in which ring, and when. */
export const questionRoutes = pgTable(
  'question_routes',
  {
    questionId: uuid('question_id').notNull().references(() => questions.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    ring: integer('ring').notNull(),
    routedAt: timestamp('routed_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.questionId, t.userId] })],
);

/** A reply in a note's (or tip's) discussion. */
export const noteReplies = pgTable(
  'note_replies',
  {
    id: pk,
    noteId: uuid('note_id').notNull().references(() => notes.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    body: text('body').notNull(),
    createdAt,
    search: searchColumn('note_replies'),
  },
  (t) => [index('note_replies_note_idx').on(t.noteId, t.createdAt), index('note_replies_search_idx').using('gin', t.search)],
);

/** A person watching a URL pattern: new notes and questions there reach their inbox. */
export const watches = pgTable(
  'watches',
  {
    id: pk,
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    siteId: uuid('site_id').notNull().references(() => sites.id, { onDelete: 'cascade' }),
    pattern: text('pattern').notNull(),
    createdAt,
  },
  (t) => [uniqueIndex('watches_user_pattern_key').on(t.userId, t.pattern), index('watches_site_idx').on(t.siteId)],
);

/**
 * What happened, in commit order: the id is the server-sent event id. Written in the transaction of the
 * change it describes. No foreign keys: events outlive what they describe (note.deleted) and are pruned
 * by age. scope_id: content events for the pages of a scope; user_id: one person's own events.
 */
export const events = pgTable(
  'events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    createdAt,
    kind: text('kind').notNull(),
    scopeId: uuid('scope_id'),
    userId: uuid('user_id'),
    authorId: uuid('author_id'),
    visibility: visibility('visibility'),
    teamId: uuid('team_id'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
  },
  (t) => [
    index('events_scope_idx').on(t.scopeId, t.id),
    index('events_user_idx').on(t.userId, t.id),
    index('events_created_idx').on(t.createdAt),
  ],
);

/** Short-lived, single-use tickets that let an EventSource (no headers) open a stream for a session. */
export const eventTickets = pgTable('event_tickets', {
  ticketHash: text('ticket_hash').primaryKey(),
  sessionId: uuid('session_id').notNull().references(() => sessions.id, { onDelete: 'cascade' }),
  expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
});

/** Outgoing webhooks: admins register a URL for some event kinds. The secret signs each delivery. */
export const webhooks = pgTable('webhooks', {
  id: pk,
  url: text('url').notNull(),
  kinds: text('kinds').array().notNull(),
  format: webhookFormat('format').notNull().default('json'),
  secret: text('secret').notNull(),
  active: boolean('active').notNull().default(true),
  createdAt,
});

/** One row per webhook and event, created with the event; the worker claims due rows and records each try. */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: pk,
    webhookId: uuid('webhook_id').notNull().references(() => webhooks.id, { onDelete: 'cascade' }),
    eventId: bigint('event_id', { mode: 'number' }).notNull(),
    status: deliveryStatus('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    lastStatus: integer('last_status'),
    lastError: text('last_error'),
    deliveredAt: timestamp('delivered_at', { withTimezone: true, mode: 'date' }),
    createdAt,
  },
  (t) => [
    index('webhook_deliveries_due_idx').on(t.nextAttemptAt).where(sql`${t.status} = 'pending'`),
    index('webhook_deliveries_webhook_idx').on(t.webhookId, t.createdAt),
  ],
);

/**
 * Writes that a client may send again (its outbox retries after a lost answer): the first one's result,
 * by the key the client sent with it, per person. Recorded in the write's own transaction, so a resend
 * finds it exactly when the write committed. Kept a day.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    operation: text('operation').notNull(),
    result: jsonb('result'),
    createdAt,
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] }), index('idempotency_keys_created_idx').on(t.createdAt)],
);

/** Server settings an admin changes at run time (the console), by name; the environment gives their first values. */
export const serverSettings = pgTable('server_settings', {
  name: text('name').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt,
});

/** Links that let colleagues create an account whatever the sign-up policy; kept hashed, until they expire or are revoked. */
export const invitations = pgTable('invitations', {
  id: pk,
  tokenHash: text('token_hash').notNull().unique(),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  role: role('role').notNull().default('member'),
  uses: integer('uses').notNull().default(0),
  expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
  revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
  createdAt,
});
