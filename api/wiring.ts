// Builds every service of one API process, each with its collaborators given to its constructor, in the
// order they depend on each other; nothing is assigned afterwards. main.ts and the tests call it.
import type { Settings } from './config';
import { SessionService } from './auth/sessions';
import { BrowseService } from './browse/service';
import { SearchService } from './search/service';
import { SignInService } from './auth/sign-in';
import { ContextService } from './context/service';
import { ScopeContentCache } from './context/scope-content';
import type { Database } from './db/database';
import { RoutingService } from './experts/routing';
import { ExpertService } from './experts/service';
import { InboxService } from './inbox/service';
import { LiveHub } from './kernel/live-hub';
import { RateLimiter } from './kernel/rate-limiter';
import { WritePath } from './kernel/write-path';
import { NoteService } from './notes/service';
import { TipService } from './notes/tips';
import { AccountService } from './people/service';
import { QuestionService } from './questions/service';
import { ReplyService } from './replies/service';
import { ScopeService } from './scopes/service';
import { ServerService } from './server/service';
import { InvitationService } from './people/invitations';
import { SiteService } from './sites/service';
import { TeamService } from './teams/service';
import { VoteService } from './votes/service';
import { WatchService } from './watches/service';
import { WebhookService } from './webhooks/service';

export type Services = Awaited<ReturnType<typeof createServices>>;

/** Builds every service and loads what they keep in memory (sites, the scope index). */
export async function createServices(database: Database, settings: Settings) {
  const writes = new WritePath(database);
  const limiter = new RateLimiter(database);
  const invitations = new InvitationService(database);
  const sessions = new SessionService(database, writes, settings.sessionTtlMs);
  const sites = new SiteService(database, writes);
  const scopes = new ScopeService(database, writes, sites);
  const context = new ContextService(sites, scopes, new ScopeContentCache(database, writes));
  const pageExperts = (pattern: string) => context.expertIdsForPattern(pattern);
  const inbox = new InboxService(database, writes);
  const watches = new WatchService(database, sites, inbox);
  const routing = new RoutingService(writes, pageExperts, inbox, settings.escalateAfterMs);
  const notes = new NoteService(database, writes, scopes, watches);
  const questions = new QuestionService(database, writes, scopes, inbox, routing, watches);
  const services = {
    settings,
    database,
    writes,
    limiter,
    sessions,
    signIns: new SignInService(database, limiter, settings.signInLimits),
    accounts: new AccountService(database, writes, invitations),
    invitations,
    server: new ServerService(database, settings),
    teams: new TeamService(database, writes),
    sites,
    scopes,
    context,
    notes,
    tips: new TipService(database, writes, notes, pageExperts, inbox),
    replies: new ReplyService(database, writes, notes, inbox),
    questions,
    votes: new VoteService(writes, notes, questions),
    experts: new ExpertService(database, writes, scopes, sites),
    routing,
    inbox,
    watches,
    live: new LiveHub(database, writes, scopes, sessions, settings),
    webhooks: new WebhookService(database, settings),
    browse: new BrowseService(database, sites),
    search: new SearchService(database, sites, scopes, (url) => context.locate(url), settings.searchConfig),
  };
  await writes.start();
  await services.live.start();
  await sites.load();
  await scopes.load();
  return services;
}
