// GET /context: the extension's one call per page view.
import { contextEndpoints as e, contextQuery } from '@shared/contract';
import { requireViewer, type Sessions } from '../http/middleware/auth';
import { validationHook } from '../http/middleware/error-handler';
import { routeMaker, router } from '../http/routes';
import type { ContextService } from './service';

export function contextRoutes(s: { sessions: Sessions; context: ContextService }) {
  const app = router();
  // The hot path of the product (every page view) is a plain handler that validates its one parameter
  // with the same schema: zod-openapi's validator middleware cost a fifth of the instructions of a warm
  // request (callgrind, 380k vs 300k per request). The route is in the OpenAPI document as any other.
  app.openAPIRegistry.registerPath(routeMaker(s.sessions).unguarded(e.getContext));
  app.get('/context', requireViewer(s.sessions), async (c) => {
    const query = contextQuery.safeParse({ url: c.req.query('url') });
    if (!query.success) return validationHook(query, c)!;
    const { body, etag } = await s.context.render(c.get('viewer'), query.data.url);
    // The body differs per person: private to their browser, revalidated on every use.
    const headers = { etag, 'cache-control': 'private, no-cache', vary: 'Authorization' };
    if (c.req.header('if-none-match') === etag) return c.body(null, 304, headers);
    // Already serialized (and cached so) by the service: sent as is, not through c.json.
    return c.body(body, 200, { ...headers, 'content-type': 'application/json' });
  });
  return app;
}
