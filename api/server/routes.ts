// /health, and /server: what the server says of itself and the settings an admin changes at run time.
import { serverEndpoints as e } from '@shared/contract';
import type { Sessions } from '../http/middleware/auth';
import { routeMaker, router } from '../http/routes';
import { API_VERSION } from '../version';
import type { ServerService } from './service';

export function serverRoutes(s: { sessions: Sessions; server: ServerService }) {
  const route = routeMaker(s.sessions);
  return router()
    .openapi(route(e.getHealth), async (c) => c.json({ ok: true as const, version: API_VERSION, needsAdmin: await s.server.needsAdmin() }, 200))
    .openapi(route(e.updateSetup), async (c) => c.json(await s.server.markSetup(c.req.valid('json')), 200))
    .openapi(route(e.getServer), async (c) => c.json(await s.server.info(), 200))
    .openapi(route(e.setSignUpPolicy), async (c) => c.json(await s.server.setSignUpPolicy(c.req.valid('json')), 200));
}
