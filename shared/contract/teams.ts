import { z } from 'zod';
import { id, idParam, ok } from './common';
import { body, endpoints, errors, json } from './http';

export const team = z
  .object({ id, name: z.string(), members: z.array(z.object({ id, name: z.string() })) })
  .meta({ id: 'Team' });
export type Team = z.infer<typeof team>;
export const createTeamRequest = z.object({ name: z.string().trim().min(1).max(100) }).meta({ id: 'CreateTeamRequest' });
export const addMemberRequest = z.object({ userId: id }).meta({ id: 'AddMemberRequest' });

const memberParams = z.object({ id, userId: id });

export const teamEndpoints = endpoints({
  listTeams: {
    method: 'get', path: '/teams', access: 'signed-in', tags: ['Teams'],
    summary: 'Teams and their members (everyone signed in: to share with one).',
    responses: { 200: json(z.array(team), 'Teams by name.'), ...errors(401) },
  },
  createTeam: {
    method: 'post', path: '/teams', access: 'admin', tags: ['Teams'],
    summary: 'Create a team (admin).',
    request: body(createTeamRequest),
    responses: { 201: json(team, 'Created.'), ...errors(400, 401, 403, 409) },
  },
  deleteTeam: {
    method: 'delete', path: '/teams/{id}', access: 'admin', tags: ['Teams'],
    summary: 'Delete a team and the content shared with it (admin).',
    request: { params: idParam },
    responses: { 200: json(ok, 'Deleted.'), ...errors(400, 401, 403, 404) },
  },
  addTeamMember: {
    method: 'post', path: '/teams/{id}/members', access: 'admin', tags: ['Teams'],
    summary: 'Add a member (admin).',
    request: { params: idParam, ...body(addMemberRequest) },
    responses: { 200: json(team, 'The team.'), ...errors(400, 401, 403, 404) },
  },
  removeTeamMember: {
    method: 'delete', path: '/teams/{id}/members/{userId}', access: 'admin', tags: ['Teams'],
    summary: 'Remove a member (admin).',
    request: { params: memberParams },
    responses: { 200: json(team, 'The team.'), ...errors(400, 401, 403, 404) },
  },
});
