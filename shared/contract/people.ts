import { z } from 'zod';
import { id, idParam, role, timestamp } from './common';
import { body, endpoints, errors, json } from './http';

export const user = z
  .object({ id, email: z.string(), name: z.string(), role, createdAt: timestamp })
  .meta({ id: 'User' });
export type User = z.infer<typeof user>;

export const email = z.string().trim().toLowerCase().pipe(z.email()).meta({ example: 'ada@corp.example' });
export const password = z
  .string()
  .min(10, 'must be at least 10 characters')
  .max(200, 'must be at most 200 characters');

/** A new local account: signing up (POST /auth/signup), or an admin creating one (POST /users). */
export const newAccount = z
  .object({ email, name: z.string().trim().min(1).max(100), password })
  .meta({ id: 'NewAccount' });

export const updateUserRequest = z.object({ role }).meta({ id: 'UpdateUserRequest' });

export const peopleEndpoints = endpoints({
  listUsers: {
    method: 'get', path: '/users', access: 'admin', tags: ['People'],
    summary: 'All accounts (admin).',
    responses: { 200: json(z.array(user), 'Accounts by name.'), ...errors(401, 403) },
  },
  createUser: {
    method: 'post', path: '/users', access: 'admin', tags: ['People'],
    summary: 'Create a local account for someone (admin).',
    request: body(newAccount),
    responses: { 201: json(user, 'Created.'), ...errors(400, 401, 403, 409, 413) },
  },
  updateUser: {
    method: 'patch', path: '/users/{id}', access: 'admin', tags: ['People'],
    summary: "Change someone's role (admin).",
    request: { params: idParam, ...body(updateUserRequest) },
    responses: { 200: json(user, 'Updated.'), ...errors(400, 401, 403, 404, 409) },
  },
});
