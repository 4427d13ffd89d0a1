// Wires the services together. One instance of each per API process.
import type { Config } from '../config';
import type { Database } from '../db/database';
import { AccountService } from './accounts';
import { ChangeFeed } from './change-feed';
import { ContextService } from './context';
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

export type ServiceOptions = Pick<Config, 'signup' | 'sessionTtlMs' | 'trustProxy'>;

export const defaultServiceOptions: ServiceOptions = { signup: 'open', sessionTtlMs: 30 * 24 * 3600 * 1000, trustProxy: false };

export type Services = Awaited<ReturnType<typeof createServices>>;

/** Builds every service and loads what they keep in memory (sites, the scope index). */
export async function createServices(database: Database, options: ServiceOptions = defaultServiceOptions) {
  const feed = new ChangeFeed(database);
  const limiter = new RateLimiter(database);
  const sites = new SiteService(database, feed);
  const scopes = new ScopeService(database, feed, sites);
  const content = new ScopeContentCache(database, feed);
  const notes = new NoteService(database, feed, scopes);
  const questions = new QuestionService(database, feed, scopes);
  const context = new ContextService(sites, scopes, content);
  const inbox = new InboxService(database);
  const services = {
    options,
    feed,
    accounts: new AccountService(database, feed, limiter, {
      perAddress: { max: 30, windowSeconds: 600 },
      perEmail: { max: 10, windowSeconds: 600 },
    }),
    limiter,
    sessions: new SessionService(database, feed, options.sessionTtlMs),
    teams: new TeamService(database, feed),
    sites,
    scopes,
    context,
    notes,
    tips: new TipService(database, feed, notes, context, inbox),
    inbox,
    questions,
    votes: new VoteService(database, feed, notes, questions),
    experts: new ExpertService(database, feed, scopes),
  };
  await feed.start();
  await sites.load();
  await scopes.load();
  return services;
}
