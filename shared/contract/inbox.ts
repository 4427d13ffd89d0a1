import { z } from 'zod';
import { id, idParam, ok, person, timestamp } from './common';
import { body, endpoints, errors, json } from './http';

export const inboxKind = z
  .enum(['tip_outdated', 'question_routed', 'answer_posted', 'answer_accepted', 'note_reply', 'watched_activity'])
  .meta({
    id: 'InboxKind',
    description:
      'tip_outdated: a tip you wrote, or one on pages you are an expert for, may point at the wrong element. ' +
      'question_routed: a question was routed to you as an expert (or site owner). answer_posted: your question got ' +
      'an answer. answer_accepted: your answer was accepted. note_reply: a reply to your note. watched_activity: a new ' +
      'note or question on pages you watch.',
  });
export type InboxKind = z.infer<typeof inboxKind>;

export const inboxItem = z
  .object({
    id,
    kind: inboxKind,
    createdAt: timestamp,
    readAt: timestamp.nullable(),
    note: z
      .object({ id, pattern: z.string(), excerpt: z.string() })
      .nullable()
      .meta({ description: 'The note or tip the item is about; open its pattern to see it in place.' }),
    question: z
      .object({ id, pattern: z.string(), title: z.string(), answerId: id.nullable() })
      .nullable()
      .optional()
      .meta({ description: 'The question the item is about (and the answer, for answers); open its pattern to see it in place.' }),
    actor: person
      .nullable()
      .meta({ description: 'Who acted: answered, accepted, asked, replied or wrote it; null for the server\'s own news (a tip outdated), or while its content is hidden from you.' }),
  })
  .meta({ id: 'InboxItem' });
export type InboxItem = z.infer<typeof inboxItem>;

export const inboxPage = z
  .object({ items: z.array(inboxItem), unread: z.int() })
  .meta({ id: 'InboxPage', description: 'Newest first, at most 100 items.' });
export type InboxPage = z.infer<typeof inboxPage>;

export const inboxQuery = z.object({
  unread: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true')
    .meta({ description: 'true: unread items only.' }),
});

export const markInboxReadRequest = z
  .object({ ids: z.array(id).min(1).max(100) })
  .meta({ id: 'MarkInboxReadRequest', description: 'Items to mark read together: a group the inbox shows as one entry.' });

export const inboxEndpoints = endpoints({
  getInbox: {
    method: 'get', path: '/inbox', access: 'signed-in', tags: ['Inbox'],
    summary: 'Your inbox, newest first, with the unread count.',
    request: { query: inboxQuery },
    responses: { 200: json(inboxPage, 'The inbox.'), ...errors(400, 401) },
  },
  markInboxItemRead: {
    method: 'post', path: '/inbox/{id}/read', access: 'signed-in', tags: ['Inbox'],
    summary: 'Mark one item read.',
    request: { params: idParam },
    responses: { 200: json(ok, 'Marked.'), ...errors(400, 401, 404) },
  },
  markInboxItemsRead: {
    method: 'post', path: '/inbox/read', access: 'signed-in', tags: ['Inbox'],
    summary: 'Mark several items read at once (404 when none of them is yours).',
    request: body(markInboxReadRequest),
    responses: { 200: json(ok, 'Marked.'), ...errors(400, 401, 404) },
  },
  markInboxRead: {
    method: 'post', path: '/inbox/read-all', access: 'signed-in', tags: ['Inbox'],
    summary: 'Mark everything read.',
    responses: { 200: json(ok, 'Marked.'), ...errors(401) },
  },
});
