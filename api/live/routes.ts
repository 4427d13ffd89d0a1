// /events: a server-sent event stream per open panel, and the tickets that let EventSource open one.
import { liveEndpoints as e } from '@shared/contract';
import type { SessionService } from '../auth/sessions';
import type { ContextService } from '../context/service';
import { authenticate } from '../http/middleware/auth';
import { routeMaker, router } from '../http/routes';
import { ApiError } from '../kernel/errors';
import type { LiveHub } from '../kernel/live-hub';

export function liveRoutes(s: { sessions: SessionService; context: ContextService; live: LiveHub }) {
  const route = routeMaker(s.sessions);
  return (
    router()
      .openapi(route(e.createEventTicket), async (c) => {
        const { ticket, expiresAt } = await s.sessions.createTicket(c.get('viewer').sessionId);
        return c.json({ ticket, expiresAt: expiresAt.toISOString() }, 201);
      })
      // Signed in by the header or by a single-use ticket (EventSource cannot send a header).
      .openapi(route.unguarded(e.streamEvents), async (c) => {
        const query = c.req.valid('query');
        let who: Awaited<ReturnType<typeof s.sessions.viewerForSession>>;
        if (query.ticket) {
          who = await s.sessions.redeemTicket(query.ticket);
          if (!who) throw new ApiError(401, 'invalid_ticket', 'This ticket was used, has expired or is unknown. Ask for a new one.');
        } else {
          // The Authorization header, or the console's cookie (EventSource sends it on its own).
          who = await s.sessions.viewerForSession((await authenticate(s.sessions, c)).sessionId);
        }
        if (!who) throw new ApiError(401, 'invalid_token', 'This session has expired or was signed out. Sign in again.');
        const pageKey = query.url ? s.context.locate(query.url).pageKey : null;
        const resume = c.req.header('last-event-id') ?? query.lastEventId;
        const lastEventId = resume && /^\d{1,18}$/.test(resume) ? Number(resume) : undefined;
        const stream = s.live.open(who.viewer, who.expiresAt, pageKey, lastEventId);
        return new Response(stream.body, {
          status: 200,
          headers: {
            'content-type': 'text/event-stream; charset=utf-8',
            'cache-control': 'no-cache, no-transform',
            connection: 'keep-alive',
            'x-accel-buffering': 'no',
          },
        }) as never;
      })
  );
}
