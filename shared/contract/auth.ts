import { z } from 'zod';
import { id, idParam, ok, timestamp } from './common';
import { body, endpoints, errors, json } from './http';
import { email, newAccount, user } from './people';

const consoleSession = z
  .object({ user, expiresAt: timestamp })
  .meta({ id: 'ConsoleSession', description: 'The session is in an HttpOnly cookie (alongside_session), never in the body.' });

/** A device token: kept by the browser, sent with its next sign-ins to the same account. */
const device = z.string().max(200);

export const signUpRequest = newAccount
  .extend({
    invitation: z.string().max(200).optional().meta({ description: 'An invitation token: signs up whatever the sign-up policy.' }),
  })
  .meta({ id: 'SignUpRequest' });

export const signInRequest = z
  .object({
    email,
    password: z.string().min(1).max(200),
    device: device.optional().meta({
      description:
        "The device token of this browser's earlier sign-in to this account. Its attempts are limited on their own, so " +
        'guesses from elsewhere never hold it back.',
    }),
  })
  .meta({ id: 'SignInRequest' });

export const session = z
  .object({
    token: z.string().meta({ description: 'Opaque bearer token. Shown once; the server keeps only its hash.' }),
    expiresAt: timestamp,
    user,
    device: device.meta({ description: 'Keep it (beyond signing out) and send it with the next sign-ins to this account from this browser.' }),
  })
  .meta({ id: 'Session' });
export type Session = z.infer<typeof session>;

export const sessionInfo = z
  .object({ id, createdAt: timestamp, lastUsedAt: timestamp, expiresAt: timestamp, current: z.boolean() })
  .meta({ id: 'SessionInfo' });

export const me = z
  .object({ user, teams: z.array(z.object({ id, name: z.string() })) })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof me>;

export const authEndpoints = endpoints({
  signUp: {
    method: 'post', path: '/auth/signup', access: 'public', tags: ['Auth'],
    summary: 'Create a local account and sign in. The first account becomes admin.',
    description: "Allowed by the server's sign-up policy (open, the company's email domains, or closed), or with an invitation.",
    request: body(signUpRequest),
    responses: { 201: json(session, 'Signed up and in.'), ...errors(400, 403, 409, 413, 429) },
  },
  signIn: {
    method: 'post', path: '/auth/signin', access: 'public', tags: ['Auth'],
    summary: 'Sign in with email and password; returns a bearer token.',
    request: body(signInRequest),
    responses: { 200: json(session, 'Signed in.'), ...errors(400, 401, 413, 429) },
  },
  signOut: {
    method: 'post', path: '/auth/signout', access: 'signed-in', tags: ['Auth'],
    summary: 'Revoke the token this request carries.',
    responses: { 200: json(ok, 'Signed out.'), ...errors(401) },
  },
  getMe: {
    method: 'get', path: '/auth/me', access: 'signed-in', tags: ['Auth'],
    summary: 'Who the token belongs to, and their teams.',
    responses: { 200: json(me, 'The signed-in user.'), ...errors(401) },
  },
  listSessions: {
    method: 'get', path: '/auth/sessions', access: 'signed-in', tags: ['Auth'],
    summary: "The signed-in user's active sessions.",
    responses: { 200: json(z.array(sessionInfo), 'Active sessions, oldest first.'), ...errors(401) },
  },
  consoleSignUp: {
    method: 'post', path: '/auth/console/signup', access: 'public', tags: ['Auth'],
    summary: 'Sign up and in for the web console: the session is set as an HttpOnly, SameSite=Strict cookie.',
    request: body(signUpRequest),
    responses: { 201: json(consoleSession, 'Signed up and in.'), ...errors(400, 403, 409, 413, 429) },
  },
  consoleSignIn: {
    method: 'post', path: '/auth/console/signin', access: 'public', tags: ['Auth'],
    summary: 'Sign in to the web console: the session is set as an HttpOnly, SameSite=Strict cookie.',
    request: body(signInRequest),
    responses: { 200: json(consoleSession, 'Signed in.'), ...errors(400, 401, 413, 429) },
  },
  consoleSignOut: {
    method: 'post', path: '/auth/console/signout', access: 'signed-in', tags: ['Auth'],
    summary: "End the web console's session and clear its cookie.",
    responses: { 200: json(ok, 'Signed out.'), ...errors(401, 403) },
  },
  revokeSession: {
    method: 'delete', path: '/auth/sessions/{id}', access: 'signed-in', tags: ['Auth'],
    summary: 'Revoke one of your sessions (sign out elsewhere).',
    request: { params: idParam },
    responses: { 200: json(ok, 'Revoked.'), ...errors(400, 401, 404) },
  },
});
