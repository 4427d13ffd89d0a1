import { z } from 'zod';
import { timestamp } from './common';

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
