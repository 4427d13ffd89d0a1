import { z } from 'zod';
import { id, role, timestamp } from './common';

export const email = z.string().trim().toLowerCase().pipe(z.email()).meta({ example: 'ada@corp.example' });
export const password = z
  .string()
  .min(10, 'must be at least 10 characters')
  .max(200, 'must be at most 200 characters');

export const user = z
  .object({ id, email: z.string(), name: z.string(), role, createdAt: timestamp })
  .meta({ id: 'User' });
export type User = z.infer<typeof user>;

export const signUpRequest = z
  .object({ email, name: z.string().trim().min(1).max(100), password })
  .meta({ id: 'SignUpRequest' });
export const signInRequest = z
  .object({ email, password: z.string().min(1).max(200) })
  .meta({ id: 'SignInRequest' });

export const session = z
  .object({
    token: z.string().meta({ description: 'Opaque bearer token. Shown once; the server keeps only its hash.' }),
    expiresAt: timestamp,
    user,
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

export const updateUserRequest = z.object({ role }).meta({ id: 'UpdateUserRequest' });

export const team = z
  .object({ id, name: z.string(), members: z.array(z.object({ id, name: z.string() })) })
  .meta({ id: 'Team' });
export type Team = z.infer<typeof team>;
export const createTeamRequest = z.object({ name: z.string().trim().min(1).max(100) }).meta({ id: 'CreateTeamRequest' });
export const addMemberRequest = z.object({ userId: id }).meta({ id: 'AddMemberRequest' });
