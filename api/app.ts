// The API as a value: `createApp(services)` returns a Hono app that tests call with app.request(...) and
// main.ts serves. Each domain's routes come from its folder (routes → service → db); the endpoints they
// implement are defined in shared/contract.
import { bodyLimit } from 'hono/body-limit';
import { limits } from '@shared/contract';
import { authRoutes } from './auth/routes';
import { browseRoutes } from './browse/routes';
import { searchRoutes } from './search/routes';
import { consoleRoutes } from './console/routes';
import { contextRoutes } from './context/routes';
import { expertRoutes } from './experts/routes';
import { docsRoutes } from './http/docs';
import { ApiError } from './kernel/errors';
import { onError, onNotFound } from './http/middleware/error-handler';
import { textOnly } from './http/middleware/text-only';
import { describeApi } from './http/openapi';
import { router } from './http/routes';
import { inboxRoutes } from './inbox/routes';
import { liveRoutes } from './live/routes';
import { noteRoutes } from './notes/routes';
import { peopleRoutes } from './people/routes';
import { questionRoutes } from './questions/routes';
import { replyRoutes } from './replies/routes';
import { serverRoutes } from './server/routes';
import { siteRoutes } from './sites/routes';
import { teamRoutes } from './teams/routes';
import { voteRoutes } from './votes/routes';
import { watchRoutes } from './watches/routes';
import { webhookRoutes } from './webhooks/routes';
import { API_VERSION } from './version';
import type { Services } from './wiring';

export const API_BASE = '/api/v1';

export function createApp(services: Services) {
  const api = router();
  api.on(
    ['POST', 'PUT', 'PATCH', 'DELETE'],
    '*',
    bodyLimit({
      maxSize: limits.bodyBytes,
      onError: () => {
        throw new ApiError(413, 'payload_too_large', `The request body is larger than ${limits.bodyBytes / 1024} KiB.`);
      },
    }),
  );
  api.use('*', textOnly);
  for (const routes of [
    serverRoutes,
    authRoutes,
    peopleRoutes,
    teamRoutes,
    siteRoutes,
    contextRoutes,
    noteRoutes,
    replyRoutes,
    questionRoutes,
    voteRoutes,
    expertRoutes,
    inboxRoutes,
    watchRoutes,
    liveRoutes,
    webhookRoutes,
    browseRoutes,
    searchRoutes,
  ]) {
    api.route('/', routes(services));
  }
  describeApi(api, { base: API_BASE, version: API_VERSION });
  docsRoutes(api, API_BASE);

  const app = router();
  app.route(API_BASE, api);
  consoleRoutes(app, API_BASE);
  app.notFound(onNotFound);
  app.onError(onError);
  return app;
}
