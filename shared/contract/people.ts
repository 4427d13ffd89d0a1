import { z } from 'zod';
import { id, idParam, ok, role, timestamp } from './common';
import { body, endpoints, errors, json } from './http';

export const user = z
  .object({
    id,
    email: z.string(),
    name: z.string(),
    role,
    disabled: z.boolean().meta({ description: 'Turned off by an admin: no sign-in, no session.' }),
    createdAt: timestamp,
  })
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

/** An account an admin creates (POST /users): a new account, with the role it starts with. */
export const createUserRequest = newAccount
  .extend({ role: role.default('member') })
  .meta({ id: 'CreateUserRequest' });

export const updateUserRequest = z
  .object({
    role: role.optional(),
    disabled: z.boolean().optional().meta({ description: 'true turns the account off and ends its sessions; false turns it on again.' }),
  })
  .meta({ id: 'UpdateUserRequest' });

export const usersQuery = z.object({
  q: z.string().trim().max(200).optional().meta({ description: 'Part of a name or email.' }),
  cursor: z.string().max(500).optional().meta({ description: "The previous page's `next`." }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const usersPage = z
  .object({ items: z.array(user), next: z.string().nullable().meta({ description: 'Pass as `cursor` for the next page; null at the end.' }) })
  .meta({ id: 'UsersPage', description: 'Accounts by name.' });

export const invitation = z
  .object({ id, role, uses: z.int(), expiresAt: timestamp, revoked: z.boolean(), createdAt: timestamp })
  .meta({ id: 'Invitation', description: 'A link that lets colleagues create an account whatever the sign-up policy.' });
export type Invitation = z.infer<typeof invitation>;

export const createInvitationRequest = z
  .object({
    role: role.default('member'),
    days: z.int().min(1).max(90).default(14).meta({ description: 'How long the link works.' }),
  })
  .meta({ id: 'CreateInvitationRequest' });

export const createdInvitation = invitation
  .extend({ token: z.string().meta({ description: 'Shown once: the link is the console URL /join?invitation=<token>.' }) })
  .meta({ id: 'CreatedInvitation' });

export const peopleEndpoints = endpoints({
  listUsers: {
    method: 'get', path: '/users', access: 'admin', tags: ['People'],
    summary: 'Accounts by name, a page at a time, optionally matching a part of the name or email (admin).',
    request: { query: usersQuery },
    responses: { 200: json(usersPage, 'A page of accounts.'), ...errors(400, 401, 403) },
  },
  createUser: {
    method: 'post', path: '/users', access: 'admin', tags: ['People'],
    summary: 'Create a local account for someone, with its role (admin).',
    request: body(createUserRequest),
    responses: { 201: json(user, 'Created.'), ...errors(400, 401, 403, 409, 413) },
  },
  updateUser: {
    method: 'patch', path: '/users/{id}', access: 'admin', tags: ['People'],
    summary: "Change someone's role, or turn their account off or on (admin).",
    request: { params: idParam, ...body(updateUserRequest) },
    responses: { 200: json(user, 'Updated.'), ...errors(400, 401, 403, 404, 409) },
  },
  listInvitations: {
    method: 'get', path: '/invitations', access: 'admin', tags: ['People'],
    summary: 'Invitation links, newest first (admin).',
    responses: { 200: json(z.array(invitation), 'Invitations.'), ...errors(401, 403) },
  },
  createInvitation: {
    method: 'post', path: '/invitations', access: 'admin', tags: ['People'],
    summary: 'Make an invitation link (admin); its token is shown once.',
    request: body(createInvitationRequest),
    responses: { 201: json(createdInvitation, 'Made.'), ...errors(400, 401, 403) },
  },
  revokeInvitation: {
    method: 'delete', path: '/invitations/{id}', access: 'admin', tags: ['People'],
    summary: 'Stop an invitation link from working (admin).',
    request: { params: idParam },
    responses: { 200: json(ok, 'Revoked.'), ...errors(400, 401, 403, 404) },
  },
});
