// Who is signed in to the console, and what the server says of itself before anyone is: one place, as
// signals, so every page reads the same state. The session itself is an HttpOnly cookie: this code never
// sees it, it only asks who it belongs to.
import { signal } from '@preact/signals';
import { ApiFailure } from '@shared/client';
import type { Me } from '@shared/contract';
import { api } from './api';

export type SessionState =
  | { kind: 'loading' }
  | { kind: 'unreachable'; message: string }
  | { kind: 'first-run' } // no account yet: the first to sign up becomes the admin
  | { kind: 'signed-out' }
  | { kind: 'signed-in'; me: Me };

export const session = signal<SessionState>({ kind: 'loading' });

/** The signed-in person, for pages that only show when someone is. */
export const me = (): Me => {
  const state = session.value;
  if (state.kind !== 'signed-in') throw new Error('no one is signed in');
  return state.me;
};

export const isAdmin = () => session.value.kind === 'signed-in' && session.value.me.user.role === 'admin';

/** Reads the session again: at start, after signing in or out, and when a call says it has ended. */
export async function refreshSession(): Promise<void> {
  try {
    const health = await api('GET /health');
    if (health.needsAdmin) return void (session.value = { kind: 'first-run' });
    session.value = { kind: 'signed-in', me: await api('GET /auth/me') };
  } catch (err) {
    if (err instanceof ApiFailure && err.kind === 'unauthorized') session.value = { kind: 'signed-out' };
    else session.value = { kind: 'unreachable', message: err instanceof Error ? err.message : String(err) };
  }
}

export async function signOut(): Promise<void> {
  await api('POST /auth/console/signout').catch(() => undefined);
  session.value = { kind: 'signed-out' };
}
