import { z } from 'zod';
import { apiError, timestamp } from './common';
import { endpoints, errors, json } from './http';

export const eventKind = z
  .enum([
    'note.created',
    'note.updated',
    'note.deleted',
    'note.replied',
    'question.created',
    'question.routed',
    'answer.created',
    'answer.accepted',
    'vote.changed',
    'inbox.changed',
  ])
  .meta({
    id: 'EventKind',
    description:
      'Content events (for the pages of a scope, filtered by visibility) carry ids to refetch; inbox.changed is ' +
      "personal and carries the unread count. The stream also sends `reset` (refetch /context: the events you " +
      'missed are no longer kept) and `end` (the session ended; do not reconnect with it).',
  });
export type EventKind = z.infer<typeof eventKind>;

/** The `data` of one server-sent event; its SSE `id` is the event id, its SSE `event` the kind. */
export const liveEvent = z
  .object({
    id: z.string().meta({ description: 'The event id (also the SSE id, for Last-Event-ID).' }),
    kind: eventKind,
    at: timestamp,
    scopeId: z.string().nullable(),
    data: z.record(z.string(), z.unknown()).meta({
      description:
        'note.*: { noteId, pattern }; question.*: { questionId, pattern }; answer.created: { questionId, answerId }; ' +
        'answer.accepted: { questionId, answerId | null }; vote.changed: { kind, id, score }; inbox.changed: { unread }.',
    }),
  })
  .meta({ id: 'LiveEvent' });
export type LiveEvent = z.infer<typeof liveEvent>;

export const eventsQuery = z.object({
  url: z
    .string()
    .max(8_000)
    .optional()
    .meta({ description: 'The page: its content events (by the site rules, as /context). Without: personal events only.' }),
  ticket: z.string().max(200).optional().meta({ description: 'From POST /events/ticket, for clients that cannot send Authorization (EventSource).' }),
  lastEventId: z
    .string()
    .regex(/^\d{1,18}$/)
    .optional()
    .meta({ description: 'Resume after this event id, for clients that cannot send the Last-Event-ID header.' }),
});

export const eventTicket = z
  .object({ ticket: z.string(), expiresAt: timestamp })
  .meta({ id: 'EventTicket', description: 'Single use, valid for about 60 seconds: GET /events?ticket=...' });

/** The refusals of GET /events when its caps are reached: the error body plus Retry-After. */
const capped = (description: string) => ({
  ...json(apiError, description),
  headers: { 'Retry-After': { description: 'Seconds to wait before trying again.', schema: { type: 'integer' as const } } },
});

export const liveEndpoints = endpoints({
  createEventTicket: {
    method: 'post', path: '/events/ticket', access: 'signed-in', tags: ['Live'],
    summary: 'A single-use ticket (about 60 s) to open GET /events from an EventSource, which cannot send Authorization.',
    responses: { 201: json(eventTicket, 'The ticket.'), ...errors(401) },
  },
  streamEvents: {
    // Signed in by the Authorization header or by ?ticket= (checked by the handler itself).
    method: 'get', path: '/events', access: 'signed-in', tags: ['Live'],
    summary:
      'Server-sent events: content events for the page (those you may see) and your own (inbox count). Resume with ' +
      'Last-Event-ID (or ?lastEventId=). Authorization header, the console\'s session cookie, or ?ticket= from POST /events/ticket. ' +
      'Heartbeat comments ~20 s.',
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
  },
});
