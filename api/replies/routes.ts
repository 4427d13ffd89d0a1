// /notes/{id}/replies: a note's (or tip's) discussion.
import { replyEndpoints as e } from '@shared/contract';
import type { Sessions } from '../http/middleware/auth';
import { routeMaker, router } from '../http/routes';
import type { ReplyService } from './service';

export function replyRoutes(s: { sessions: Sessions; replies: ReplyService }) {
  const route = routeMaker(s.sessions);
  return router()
    .openapi(route(e.listReplies), async (c) => c.json(await s.replies.list(c.get('viewer'), c.req.valid('param').id), 200))
    .openapi(route(e.createReply), async (c) =>
      c.json(await s.replies.add(c.get('viewer'), c.req.valid('param').id, c.req.valid('json').body, c.req.valid('header')['idempotency-key']), 201),
    );
}
