// The content script runs only on sites the server lists AND the user turned on AND the browser granted.
// It is registered at run time (never in the manifest), and re-synced whenever one of those changes.
import { browser } from 'wxt/browser';
import { oneAtATime } from './one-at-a-time';
import { cachedSites, enabledOrigins, originPattern, storedSession } from '../../server/settings';

// The page's own layer (top frames), and the probe in every frame that asks for the frame script
// where another granted site's frame is inside a granted page (entrypoints/frame-probe.ts).
const SCRIPTS = [
  { id: 'alongside-overlay', js: ['content-scripts/content.js'], allFrames: false },
  { id: 'alongside-frames', js: ['frame-probe.js'], allFrames: true },
];

/** The origins the content script should run on now. */
export async function activeOrigins(): Promise<string[]> {
  if (!(await storedSession())) return [];
  const [sites, enabled] = await Promise.all([cachedSites(), enabledOrigins()]);
  const wanted = sites.map((s) => s.origin).filter((o) => enabled.includes(o));
  const granted = await Promise.all(wanted.map((o) => browser.permissions.contains({ origins: [originPattern(o)] })));
  return wanted.filter((_, i) => granted[i]);
}

const syncing = oneAtATime();

/** Makes the registered content scripts match `activeOrigins()` (one sync at a time: events can arrive together). */
export function syncRegistrations(): Promise<void> {
  return syncing(async () => {
    // Two origins of one host have one pattern in Firefox (no ports): register it once.
    const matches = [...new Set((await activeOrigins()).map((o) => originPattern(o)))].sort();
    const existing = await browser.scripting.getRegisteredContentScripts({ ids: SCRIPTS.map((s) => s.id) });
    // The worker starts often (it stops after 30 s idle): leave registrations that are already right.
    const right = (s: (typeof existing)[number]) => [...(s.matches ?? [])].sort().join() === matches.join();
    if (existing.length === SCRIPTS.length && existing.every(right)) return;
    if (existing.length) await browser.scripting.unregisterContentScripts({ ids: existing.map((s) => s.id) });
    if (!matches.length) return;
    await browser.scripting.registerContentScripts(
      SCRIPTS.map((s) => ({ ...s, matches, runAt: 'document_idle' as const, persistAcrossSessions: true })),
    );
  }).catch((err: unknown) => console.error('Alongside: could not register the content scripts', err));
}
