// Users and teams: admins manage them; everyone signed in can list teams (to share with one).
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { addMemberRequest, createTeamRequest, id, idParam, ok, signUpRequest, team, updateUserRequest, user } from '@shared/contract';
import { requireRole, requireViewer } from '../middleware/auth';
import { toUser } from '../services/accounts';
import type { Services } from '../services';
import { bearer, body, errors, json, router } from './openapi';

export function peopleRoutes(s: Services) {
  const auth = requireViewer(s.sessions);
  const admin = [auth, requireRole('admin')];
  const app = router();

  app.openapi(
    createRoute({
      method: 'get', path: '/users', tags: ['People'], summary: 'All accounts (admin).',
      security: bearer, middleware: admin,
      responses: { 200: json(z.array(user), 'Accounts by name.'), ...errors(401, 403) },
    }),
    async (c) => c.json((await s.accounts.list()).map(toUser), 200),
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/users', tags: ['People'], summary: 'Create a local account for someone (admin).',
      security: bearer, middleware: admin, request: body(signUpRequest),
      responses: { 201: json(user, 'Created.'), ...errors(400, 401, 403, 409, 413) },
    }),
    async (c) => c.json(toUser(await s.accounts.signUp(c.req.valid('json'), 'member')), 201),
  );

  app.openapi(
    createRoute({
      method: 'patch', path: '/users/{id}', tags: ['People'], summary: "Change someone's role (admin).",
      security: bearer, middleware: admin, request: { params: idParam, ...body(updateUserRequest) },
      responses: { 200: json(user, 'Updated.'), ...errors(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const row = await s.accounts.setRole(c.get('viewer').id, c.req.valid('param').id, c.req.valid('json').role);
      return c.json(toUser(row), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/teams', tags: ['People'], summary: 'Teams and their members.',
      security: bearer, middleware: [auth],
      responses: { 200: json(z.array(team), 'Teams by name.'), ...errors(401) },
    }),
    async (c) => c.json(await s.teams.list(), 200),
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/teams', tags: ['People'], summary: 'Create a team (admin).',
      security: bearer, middleware: admin, request: body(createTeamRequest),
      responses: { 201: json(team, 'Created.'), ...errors(400, 401, 403, 409) },
    }),
    async (c) => c.json(await s.teams.create(c.req.valid('json').name), 201),
  );

  app.openapi(
    createRoute({
      method: 'delete', path: '/teams/{id}', tags: ['People'], summary: 'Delete a team and the content shared with it (admin).',
      security: bearer, middleware: admin, request: { params: idParam },
      responses: { 200: json(ok, 'Deleted.'), ...errors(400, 401, 403, 404) },
    }),
    async (c) => {
      await s.teams.remove(c.req.valid('param').id);
      return c.json({ ok: true as const }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/teams/{id}/members', tags: ['People'], summary: 'Add a member (admin).',
      security: bearer, middleware: admin, request: { params: idParam, ...body(addMemberRequest) },
      responses: { 200: json(team, 'The team.'), ...errors(400, 401, 403, 404) },
    }),
    async (c) => c.json(await s.teams.addMember(c.req.valid('param').id, c.req.valid('json').userId), 200),
  );

  app.openapi(
    createRoute({
      method: 'delete', path: '/teams/{id}/members/{userId}', tags: ['People'], summary: 'Remove a member (admin).',
      security: bearer, middleware: admin, request: { params: z.object({ id, userId: id }) },
      responses: { 200: json(team, 'The team.'), ...errors(400, 401, 403, 404) },
    }),
    async (c) => {
      const { id: teamId, userId } = c.req.valid('param');
      return c.json(await s.teams.removeMember(teamId, userId), 200);
    },
  );

  return app;
}
