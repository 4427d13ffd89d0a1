// Wires the services together. One instance of each per API process.
import type { Config } from '../config';
import type { Database } from '../db/database';
import { AccountService } from './accounts';
import { ChangeFeed } from './change-feed';
import { ContextService } from './context';
import { EventHub } from './event-streams';
import { pruneEvents } from './events';
import { ReplyService } from './replies';
import { RoutingService } from './routing';
import { WatchService } from './watches';
import { WebhookService } from './webhooks';
import { ExpertService } from './experts';
import { InboxService } from './inbox';
import { NoteService } from './notes';
import { QuestionService } from './questions';
import { RateLimiter } from './rate-limiter';
import { ScopeContentCache } from './scope-content';
import { ScopeService } from './scopes';
import { SessionService } from './sessions';
import { SiteService } from './sites';
import { TeamService } from './teams';
import { TipService } from './tips';
import { VoteService } from './votes';

export type ServiceOptions = Pick<Config, 'signup' | 'sessionTtlMs' | 'trustProxy'> & Partial<LiveOptions>;

/** Live updates, routing and webhooks; tests shrink the delays and caps. */
export interface LiveOptions {
  heartbeatMs: number;
  maxStreamsPerUser: number;
  maxStreams: number;
  escalateAfterMs: number;
  webhookTimeoutMs: number;
  webhookMaxAttempts: number;
  webhookBackoffMs: number;
  webhookAllowedHosts: string[];
}

export const defaultLiveOptions: LiveOptions = {
  heartbeatMs: 20_000,
  maxStreamsPerUser: 20,
  maxStreams: 10_000,
  escalateAfterMs: 60 * 60_000,
  webhookTimeoutMs: 10_000,
  webhookMaxAttempts: 8,
  webhookBackoffMs: 5_000,
  webhookAllowedHosts: [],
};

export const defaultServiceOptions: ServiceOptions = { signup: 'open', sessionTtlMs: 30 * 24 * 3600 * 1000, trustProxy: false };

export type Services = Awaited<ReturnType<typeof createServices>>;

/** Builds every service and loads what they keep in memory (sites, the scope index). */
export async function createServices(database: Database, options: ServiceOptions = defaultServiceOptions) {
  // Only the live options (a whole Config may be passed), and only those given.
  const given = Object.keys(defaultLiveOptions).flatMap((key) => {
    const value = options[key as keyof LiveOptions];
    return value === undefined ? [] : [[key, value]];
  });
  const liveOptions: LiveOptions = { ...defaultLiveOptions, ...Object.fromEntries(given) };
  const feed = new ChangeFeed(database);
  const limiter = new RateLimiter(database);
  const sites = new SiteService(database, feed);
  const scopes = new ScopeService(database, feed, sites);
  const content = new ScopeContentCache(database, feed);
  const notes = new NoteService(database, feed, scopes);
  const context = new ContextService(sites, scopes, content);
  const inbox = new InboxService(database, feed);
  const questions = new QuestionService(database, feed, scopes, inbox);
  const routing = new RoutingService(database, context, inbox, feed, liveOptions.escalateAfterMs);
  questions.routing = routing;
  const watches = new WatchService(database, feed, sites, inbox);
  notes.onCreated = (tx, emit, created) => watches.notify(tx, emit, created, { noteId: created.noteId });
  questions.onCreated = (tx, emit, created) => watches.notify(tx, emit, created, { questionId: created.questionId });
  const sessions = new SessionService(database, feed, options.sessionTtlMs);
  const services = {
    options,
    liveOptions,
    feed,
    accounts: new AccountService(database, feed, limiter, {
      perAddress: { max: 30, windowSeconds: 600 },
      perEmail: { max: 10, windowSeconds: 600 },
    }),
    limiter,
    sessions,
    teams: new TeamService(database, feed),
    sites,
    scopes,
    context,
    notes,
    replies: new ReplyService(database, feed, notes, inbox),
    tips: new TipService(database, feed, notes, context, inbox),
    inbox,
    questions,
    routing,
    watches,
    votes: new VoteService(database, feed, notes, questions),
    experts: new ExpertService(database, feed, scopes),
    live: new EventHub(database, feed, scopes, sessions, liveOptions),
    webhooks: new WebhookService(database, liveOptions),
  };
  await feed.start();
  await services.live.start();
  await sites.load();
  await scopes.load();
  return services;
}

/**
 * The periodic jobs (escalating routed questions, delivering webhooks, pruning old events). main.ts
 * starts them; every instance may run them: each job claims its rows with FOR UPDATE SKIP LOCKED.
 */
export function startJobs(services: Services, everyMs = 1_000): () => void {
  let running = false;
  let lastPrune = 0;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await services.routing.escalateDue();
      while ((await services.webhooks.deliverDue()) > 0);
      if (Date.now() - lastPrune > 3_600_000) {
        lastPrune = Date.now();
        await pruneEvents(services.feed);
      }
    } catch (err) {
      console.error(`[jobs] ${(err as Error).message}`);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
