// Live updates: a server-sent event stream per open panel, and the tickets that let EventSource open one.
import { createRoute } from '@hono/zod-openapi';
import { apiError, eventsQuery, eventTicket, liveEvent } from '@shared/contract';
import { ApiError } from '../errors';
import { requireViewer } from '../middleware/auth';
import type { Services } from '../services';
import { bearer, errors, json, router } from './openapi';

/** The refusals of GET /events when its caps are reached: the error body plus Retry-After. */
const capped = (description: string) => ({
  ...json(apiError, description),
  headers: { 'Retry-After': { description: 'Seconds to wait before trying again.', schema: { type: 'integer' as const } } },
});

export function eventRoutes(s: Services) {
  const app = router();

  app.openapi(
    createRoute({
      method: 'post', path: '/events/ticket', tags: ['Live'], security: bearer, middleware: [requireViewer(s.sessions)],
      summary: 'A single-use ticket (about 60 s) to open GET /events from an EventSource, which cannot send Authorization.',
      responses: { 201: json(eventTicket, 'The ticket.'), ...errors(401) },
    }),
    async (c) => {
      const { ticket, expiresAt } = await s.sessions.createTicket(c.get('viewer').sessionId);
      return c.json({ ticket, expiresAt: expiresAt.toISOString() }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/events', tags: ['Live'], security: bearer,
      summary:
        'Server-sent events: content events for the page (those you may see) and your own (inbox count). Resume with ' +
        'Last-Event-ID (or ?lastEventId=). Authorization header, or ?ticket= from POST /events/ticket. Heartbeat comments ~20 s.',
      request: { query: eventsQuery },
      responses: {
        200: {
          description:
            'text/event-stream: each event has `id` (the event id), `event` (its kind) and `data` (a LiveEvent as JSON); ' +
            'also `ready` once replay is done, `reset` and `end`.',
          content: { 'text/event-stream': { schema: liveEvent } },
        },
        ...errors(400, 401, 404),
        429: capped('too_many_streams: you hold EVENTS_MAX_STREAMS_PER_USER streams on this server already; close one first.'),
        503: capped('server_busy: this server holds EVENTS_MAX_STREAMS streams; nothing was opened.'),
      },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const header = c.req.header('authorization');
      let who: Awaited<ReturnType<typeof s.sessions.viewerForSession>> = null;
      if (header) {
        const [scheme, token] = header.split(' ');
        const viewer = scheme?.toLowerCase() === 'bearer' && token ? await s.sessions.authenticate(token) : null;
        if (!viewer) throw new ApiError(401, 'invalid_token', 'This session has expired or was signed out. Sign in again.');
        who = await s.sessions.viewerForSession(viewer.sessionId);
      } else if (query.ticket) {
        who = await s.sessions.redeemTicket(query.ticket);
        if (!who) throw new ApiError(401, 'invalid_ticket', 'This ticket was used, has expired or is unknown. Ask for a new one.');
      } else {
        throw new ApiError(401, 'unauthorized', 'Send Authorization: Bearer <token>, or ?ticket= from POST /events/ticket.');
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
    },
  );

  return app;
}
