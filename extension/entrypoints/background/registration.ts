// The content script runs only on sites the server lists AND the user turned on AND the browser granted.
// It is registered at run time (never in the manifest), and re-synced whenever one of those changes.
import { browser } from 'wxt/browser';
import { cachedSites, enabledOrigins, originPattern, storedSession } from '../../server/settings';

const SCRIPT_ID = 'alongside-overlay';

/** The origins the content script should run on now. */
export async function activeOrigins(): Promise<string[]> {
  if (!(await storedSession())) return [];
  const [sites, enabled] = await Promise.all([cachedSites(), enabledOrigins()]);
  const wanted = sites.map((s) => s.origin).filter((o) => enabled.includes(o));
  const granted = await Promise.all(wanted.map((o) => browser.permissions.contains({ origins: [originPattern(o)] })));
  return wanted.filter((_, i) => granted[i]);
}

let syncing: Promise<void> = Promise.resolve();

/** Makes the registered content script match `activeOrigins()` (serialized: events can arrive together). */
export function syncRegistrations(): Promise<void> {
  syncing = syncing.then(async () => {
    // Two origins of one host have one pattern in Firefox (no ports): register it once.
    const matches = [...new Set((await activeOrigins()).map((o) => originPattern(o)))].sort();
    const existing = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
    // The worker starts often (it stops after 30 s idle): leave a registration that is already right.
    if (existing.length && [...(existing[0]!.matches ?? [])].sort().join() === matches.join()) return;
    if (existing.length) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
    if (!matches.length) return;
    await browser.scripting.registerContentScripts([
      { id: SCRIPT_ID, js: ['content-scripts/content.js'], matches, runAt: 'document_idle', persistAcrossSessions: true },
    ]);
  }).catch((err: unknown) => console.error('Alongside: could not register the content script', err));
  return syncing;
}
