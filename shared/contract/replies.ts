import { z } from 'zod';
import { id, idParam, limits, markdownBody, person, retryable, timestamp } from './common';
import { body, endpoints, errors, json } from './http';

export const noteReply = z
  .object({ id, noteId: id, body: z.string(), author: person, createdAt: timestamp })
  .meta({ id: 'NoteReply', description: "A reply in a note's (or tip's) discussion." });
export type NoteReply = z.infer<typeof noteReply>;

export const createReplyRequest = z.object({ body: markdownBody(limits.answerBodyChars) }).meta({ id: 'CreateReplyRequest' });

export const replyEndpoints = endpoints({
  listReplies: {
    method: 'get', path: '/notes/{id}/replies', access: 'signed-in', tags: ['Replies'],
    summary: "A note's (or tip's) discussion, oldest first.",
    request: { params: idParam },
    responses: { 200: json(z.array(noteReply), 'Replies.'), ...errors(400, 401, 404) },
  },
  createReply: {
    method: 'post', path: '/notes/{id}/replies', access: 'signed-in', tags: ['Replies'],
    summary: 'Reply to a note; its author is told.',
    request: { params: idParam, headers: retryable, ...body(createReplyRequest) },
    responses: { 201: json(noteReply, 'Replied.'), ...errors(400, 401, 404, 413) },
  },
});
