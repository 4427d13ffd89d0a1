// /{kind}/{id}/vote: "helpful" votes on notes, questions and answers.
import { voteEndpoints as e } from '@shared/contract';
import type { Sessions } from '../http/middleware/auth';
import { routeMaker, router } from '../http/routes';
import type { VoteService } from './service';

export function voteRoutes(s: { sessions: Sessions; votes: VoteService }) {
  const route = routeMaker(s.sessions);
  return router()
    .openapi(route(e.castVote), async (c) => {
      const { kind, id } = c.req.valid('param');
      return c.json(await s.votes.set(c.get('viewer'), kind, id, true), 200);
    })
    .openapi(route(e.withdrawVote), async (c) => {
      const { kind, id } = c.req.valid('param');
      return c.json(await s.votes.set(c.get('viewer'), kind, id, false), 200);
    });
}
