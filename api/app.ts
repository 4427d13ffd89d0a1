// The API as a value: `createApp(services)` returns a Hono app that tests call with app.request(...)
// and main.ts serves. Routes → services → db.
import { bodyLimit } from 'hono/body-limit';
import { limits } from '@shared/contract';
import { ApiError } from './errors';
import { onError, onNotFound } from './middleware/error-handler';
import { authRoutes } from './routes/auth';
import { contentRoutes } from './routes/content';
import { contextRoutes } from './routes/context';
import { docsRoutes } from './routes/docs';
import { eventRoutes } from './routes/events';
import { inboxRoutes } from './routes/inbox';
import { router } from './routes/openapi';
import { peopleRoutes } from './routes/people';
import { siteRoutes } from './routes/sites';
import { webhookRoutes } from './routes/webhooks';
import type { Services } from './services';

export const API_BASE = '/api/v1';
export const API_VERSION = '0.1.0';

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
  api.get('/health', (c) => c.json({ ok: true, version: API_VERSION }));
  api.route('/', authRoutes(services));
  api.route('/', peopleRoutes(services));
  api.route('/', siteRoutes(services));
  api.route('/', contextRoutes(services));
  api.route('/', contentRoutes(services));
  api.route('/', inboxRoutes(services));
  api.route('/', eventRoutes(services));
  api.route('/', webhookRoutes(services));

  api.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'The token from POST /auth/signin or /auth/signup.',
  });
  api.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Alongside API',
      version: API_VERSION,
      description:
        "Colleague notes, tips, questions and experts for the company's internal web apps. Every error is " +
        '`{ code, message }` with a stable code.',
    },
    servers: [{ url: API_BASE }],
  });
  docsRoutes(api, API_BASE);

  const app = router();
  app.route(API_BASE, api);
  app.get('/', (c) => c.redirect(`${API_BASE}/docs`));
  app.notFound(onNotFound);
  app.onError(onError);
  return app;
}
