// What the extension remembers in storage.local: the server, the session, the sites the server lists
// and the ones the user turned on. The server URL set by IT policy (storage.managed) wins over the typed one:
// Chrome fills storage.managed from its policy `3rdparty.extensions.<id>` (checked against managed_schema.json),
// Firefox from policies.json `3rdparty.Extensions.<gecko id>` (README "Enterprise deployment").
import { browser } from 'wxt/browser';
import type { Session, Site } from '@shared/contract';
import { apiClient, apiRoot, type ApiClient } from '@shared/client';

/** The session and its server; the device token that came with it is kept apart (sign-in-devices.ts). */
export interface StoredSession extends Omit<Session, 'device'> {
  serverUrl: string;
}

export interface ServerSetting {
  url: string | null;
  /** Set by policy: the options page shows it read-only. */
  managed: boolean;
}

const local = browser.storage.local;

async function managedServerUrl(): Promise<string | null> {
  try {
    const { serverUrl } = await browser.storage.managed.get('serverUrl');
    return typeof serverUrl === 'string' && serverUrl ? serverUrl : null;
  } catch {
    return null; // no policy: Firefox throws ("Managed storage manifest not found"), Chrome answers {}
  }
}

export async function serverSetting(): Promise<ServerSetting> {
  const managed = await managedServerUrl();
  if (managed) return { url: managed, managed: true };
  const { serverUrl } = await local.get('serverUrl');
  return { url: typeof serverUrl === 'string' ? serverUrl : null, managed: false };
}

export const saveServerUrl = (serverUrl: string) => local.set({ serverUrl });

export async function storedSession(): Promise<StoredSession | null> {
  const { session } = await local.get('session');
  return (session as StoredSession | undefined) ?? null;
}

export const saveSession = (session: StoredSession) => local.set({ session });

/** Forget the session and what came with it (the cached sites). Turned-on sites and device tokens are kept for the next sign-in. */
export const forgetSession = () => local.remove(['session', 'sites']);

export async function cachedSites(): Promise<Site[]> {
  const { sites } = await local.get('sites');
  return (sites as Site[] | undefined) ?? [];
}

export const saveSites = (sites: Site[]) => local.set({ sites });

export async function enabledOrigins(): Promise<string[]> {
  const { enabledOrigins: origins } = await local.get('enabledOrigins');
  return (origins as string[] | undefined) ?? [];
}

export async function setOriginEnabled(origin: string, on: boolean): Promise<void> {
  const current = new Set(await enabledOrigins());
  if (on) current.add(origin);
  else current.delete(origin);
  await local.set({ enabledOrigins: [...current] });
}

/** Every program of the extension runs at its own origin: moz-extension:// is Firefox. */
const inFirefox = () => globalThis.location?.protocol === 'moz-extension:';

/**
 * The match pattern that grants an origin (scheme://host[:port]) to the extension and runs the content
 * script there. Firefox's match patterns have no port (MDN "Match patterns"; Firefox bugs 1362809 and
 * 1468162): one with a port is accepted and reported as granted, yet matches no URL, so neither the
 * content script nor a fetch to the server runs. Firefox gets the host's pattern, which covers every port;
 * the background keeps to the exact origin itself (a page on another port gets nothing: tab-pages.ts).
 */
export function originPattern(origin: string, withPort = !inFirefox()): string {
  if (withPort) return `${origin}/*`;
  const { protocol, hostname } = new URL(origin);
  return `${protocol}//${hostname}/*`;
}

/** Whether the browser still lets the extension reach the server (the user can revoke it any time). */
export const serverGranted = (serverUrl: string) =>
  browser.permissions.contains({ origins: [originPattern(new URL(apiRoot(serverUrl)).origin)] });

/** The API client for the stored session, or null when signed out. */
export async function sessionClient(): Promise<{ api: ApiClient; session: StoredSession } | null> {
  const session = await storedSession();
  return session ? { api: apiClient(apiRoot(session.serverUrl), { token: session.token }), session } : null;
}
