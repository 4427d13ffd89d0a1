// /teams: everyone signed in lists them (to share with one); admins manage them.
import { teamEndpoints as e } from '@shared/contract';
import type { Sessions } from '../http/middleware/auth';
import { routeMaker, router } from '../http/routes';
import type { TeamService } from './service';

export function teamRoutes(s: { sessions: Sessions; teams: TeamService }) {
  const route = routeMaker(s.sessions);
  return router()
    .openapi(route(e.listTeams), async (c) => c.json(await s.teams.list(), 200))
    .openapi(route(e.createTeam), async (c) => c.json(await s.teams.create(c.req.valid('json').name), 201))
    .openapi(route(e.deleteTeam), async (c) => {
      await s.teams.remove(c.req.valid('param').id);
      return c.json({ ok: true as const }, 200);
    })
    .openapi(route(e.addTeamMember), async (c) => c.json(await s.teams.addMember(c.req.valid('param').id, c.req.valid('json').userId), 200))
    .openapi(route(e.removeTeamMember), async (c) => {
      const { id, userId } = c.req.valid('param');
      return c.json(await s.teams.removeMember(id, userId), 200);
    });
}
