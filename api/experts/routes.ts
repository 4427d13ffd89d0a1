// /experts: who is responsible for which pages; volunteers and their approval.
import { expertEndpoints as e } from '@shared/contract';
import type { ContextService } from '../context/service';
import type { Sessions } from '../http/middleware/auth';
import { routeMaker, router } from '../http/routes';
import type { ExpertService } from './service';

export function expertRoutes(s: { sessions: Sessions; experts: ExpertService; context: ContextService }) {
  const route = routeMaker(s.sessions);
  return router()
    .openapi(route(e.listExperts), async (c) => {
      const { url } = c.req.valid('query');
      return c.json(url ? await s.context.expertsForPage(url) : await s.experts.list(c.get('viewer')), 200);
    })
    .openapi(route(e.assignExpert), async (c) => {
      const { userId, pattern } = c.req.valid('json');
      return c.json(await s.experts.assign(userId, pattern), 201);
    })
    .openapi(route(e.volunteerAsExpert), async (c) => c.json(await s.experts.assign(c.get('viewer').id, c.req.valid('json').pattern, 'pending'), 201))
    .openapi(route(e.approveExpert), async (c) => c.json(await s.experts.approve(c.req.valid('param').id), 200))
    .openapi(route(e.removeExpert), async (c) => {
      await s.experts.remove(c.req.valid('param').id);
      return c.json({ ok: true as const }, 200);
    });
}
