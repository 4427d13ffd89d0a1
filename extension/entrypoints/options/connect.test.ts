// Signing in keeps this browser's device token per server and account, beyond signing out, and sends
// it with every later sign-in to that account (api/auth/sign-in.ts: guesses from elsewhere then never
// lock its owner out).
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

vi.mock('wxt/browser', async () => ({ browser: (await import('wxt/testing/fake-browser')).fakeBrowser }));
vi.mock('../../messaging', () => ({ askBackground: async () => null }));
const { signOut, startSession } = await import('./connect');
const { storedSession } = await import('../../server/settings');

/** What each sign-in and sign-up sent: the server and the body. */
let sent: Array<{ server: string; body: { email: string; device?: string } }> = [];
/** The device tokens the server knows. */
const known = new Set<string>();
let issued = 0;
const answer = (body: unknown) => new Response(JSON.stringify(body));
// The server's side, as the API does it: it lowercases the email, and answers a device token: the one
// sent if it knows it, else a new one.
vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
  const request = new Request(input, init);
  const { origin, pathname } = new URL(request.url);
  if (pathname.endsWith('/sites')) return answer([]);
  if (pathname.endsWith('/auth/signout')) return answer({ ok: true });
  const body = (await request.json()) as { email: string; device?: string };
  sent.push({ server: origin, body });
  const email = body.email.trim().toLowerCase();
  const user = { id: email, email, name: 'Ada', role: 'member', createdAt: '2026-12-01T00:00:00.000Z' };
  const device = body.device && known.has(body.device) ? body.device : `ald_${++issued}`;
  known.add(device);
  return answer({ token: `token-${sent.length}`, expiresAt: '2026-12-31T00:00:00.000Z', user, device });
});
afterAll(() => vi.unstubAllGlobals());

const SERVER = 'http://127.0.0.1:8420';
const signIn = (email: string, server = SERVER) => startSession(server, 'signin', email, 'correct horse battery', '');
const lastDevice = () => sent.at(-1)?.body.device;
const newest = () => [...known].at(-1);

beforeEach(() => {
  fakeBrowser.reset();
  sent = [];
  known.clear();
});

describe('the sign-in device token', () => {
  it('is sent with the next sign-in to the account after signing out, however the address and email were typed', async () => {
    await signIn('ada@corp.example');
    expect(lastDevice()).toBeUndefined(); // the first sign-in of this browser
    const first = newest();
    await signOut();
    expect(await storedSession()).toBeNull();

    await signIn(' Ada@Corp.example', 'http://127.0.0.1:8420/api/v1/');
    expect(lastDevice()).toBe(first);
  });

  it('belongs to one account on one server', async () => {
    await signIn('ada@corp.example');
    await signIn('ben@corp.example');
    expect(lastDevice()).toBeUndefined();
    await signIn('ada@corp.example', 'https://other.corp.example');
    expect(lastDevice()).toBeUndefined();
    expect(sent.map((s) => s.server)).toEqual([SERVER, SERVER, 'https://other.corp.example']);
  });

  it('comes with a sign-up too, and is kept apart from the session', async () => {
    await startSession(SERVER, 'signup', 'cy@corp.example', 'correct horse battery', 'Cy');
    const device = newest();
    expect(await storedSession()).not.toHaveProperty('device');
    await signOut();
    await signIn('cy@corp.example');
    expect(lastDevice()).toBe(device);
  });

  it('is the one the server answered last: a server that no longer knows the kept one gives a new one', async () => {
    await signIn('ada@corp.example');
    const forgotten = newest();
    known.clear(); // the server's database was restored from a backup
    await signIn('ada@corp.example');
    expect(lastDevice()).toBe(forgotten);
    const renewed = newest();
    expect(renewed).not.toBe(forgotten);
    await signIn('ada@corp.example');
    expect(lastDevice()).toBe(renewed);
  });
});
