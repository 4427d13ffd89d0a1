// The options page's actions: connect to a server, sign in or up, list and grant sites, sign out.
import { browser } from 'wxt/browser';
import type { Site } from '@shared/contract';
import { apiClient, apiRoot } from '@shared/client';
import { deviceFor, keepDevice } from '../../server/sign-in-devices';
import { enabledOrigins, forgetSession, originPattern, saveServerUrl, saveSession, saveSites, serverSetting, setOriginEnabled, storedSession } from '../../server/settings';
import { askBackground } from '../../messaging';

/** Where connecting is: waiting for the person to answer the browser's permission prompt, or for the server. */
export type ConnectPhase = 'asking' | 'checking';

/**
 * Asks the browser for the server's origin, then checks it answers like an Alongside API. Must be
 * called straight from the click: the permission prompt needs the user's gesture.
 */
export async function connect(serverUrl: string, onPhase?: (phase: ConnectPhase) => void): Promise<string> {
  const root = apiRoot(serverUrl);
  onPhase?.('asking');
  const granted = await browser.permissions.request({ origins: [originPattern(new URL(root).origin)] });
  if (!granted) throw new Error('Alongside needs access to the server to connect. Click Connect again and allow it.');
  onPhase?.('checking');
  const health = await apiClient(root).call('GET /health');
  await saveServerUrl(serverUrl);
  return health.version;
}

/**
 * Signs in (with this browser's device token for the account, if it signed in to it before) or up, then
 * keeps the session, and apart from it the device token the server answered, for the next sign-in.
 */
export async function startSession(serverUrl: string, mode: 'signin' | 'signup', email: string, password: string, name: string): Promise<void> {
  const api = apiClient(apiRoot(serverUrl));
  const { device, ...session } =
    mode === 'signin'
      ? await api.call('POST /auth/signin', { json: { email, password, device: await deviceFor(serverUrl, email) } })
      : await api.call('POST /auth/signup', { json: { email, name, password } });
  await keepDevice(serverUrl, session.user.email, device);
  await saveSession({ ...session, serverUrl });
  await refreshSites();
}

/** Fetches the sites the server lists and re-registers the content script on the granted ones. */
export async function refreshSites(): Promise<Site[]> {
  const session = await storedSession();
  if (!session) return [];
  const sites = await apiClient(apiRoot(session.serverUrl), { token: session.token }).call('GET /sites');
  await saveSites(sites);
  await askBackground('sites:sync', null);
  return sites;
}

/** Grant: the browser asks the user for this origin (from the click), then the content script runs there. */
export async function grantSite(origin: string): Promise<boolean> {
  const granted = await browser.permissions.request({ origins: [originPattern(origin)] });
  if (granted) {
    await setOriginEnabled(origin, true);
    await askBackground('sites:sync', null);
  }
  return granted;
}

export async function revokeSite(origin: string): Promise<void> {
  await setOriginEnabled(origin, false);
  // In Firefox one pattern covers every port of a host (settings.ts originPattern): it stays while the
  // server or another turned-on site on that host needs it.
  const { url } = await serverSetting();
  const needed = [...(await enabledOrigins()), ...(url ? [new URL(apiRoot(url)).origin] : [])].map((o) => originPattern(o));
  const pattern = originPattern(origin);
  // A permission the manifest requires (the test build's) cannot be removed; turning the site off is enough.
  if (!needed.includes(pattern)) await browser.permissions.remove({ origins: [pattern] }).catch(() => false);
  await askBackground('sites:sync', null);
}

export const siteGranted = (origin: string) => browser.permissions.contains({ origins: [originPattern(origin)] });

/** Revokes the token on the server (best effort: offline, it still ends here) and forgets it. */
export async function signOut(): Promise<void> {
  const session = await storedSession();
  if (session) await apiClient(apiRoot(session.serverUrl), { token: session.token }).call('POST /auth/signout').catch(() => undefined);
  await forgetSession();
  await askBackground('sites:sync', null);
}
