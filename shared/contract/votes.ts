import { z } from 'zod';
import { id } from './common';
import { endpoints, errors, json } from './http';

export const votable = z.enum(['notes', 'questions', 'answers']);
export type Votable = z.infer<typeof votable>;
export const voteResult = z.object({ score: z.int(), votedByMe: z.boolean() }).meta({ id: 'VoteResult' });

const voteParams = z.object({ kind: votable, id });

export const voteEndpoints = endpoints({
  castVote: {
    method: 'put', path: '/{kind}/{id}/vote', access: 'signed-in', tags: ['Votes'],
    summary: 'Mark a note, question or answer helpful (once per person, not your own).',
    request: { params: voteParams },
    responses: { 200: json(voteResult, 'The new score.'), ...errors(400, 401, 403, 404) },
  },
  withdrawVote: {
    method: 'delete', path: '/{kind}/{id}/vote', access: 'signed-in', tags: ['Votes'],
    summary: 'Take your vote back.',
    request: { params: voteParams },
    responses: { 200: json(voteResult, 'The new score.'), ...errors(400, 401, 403, 404) },
  },
});
