// What the panel knows about this page's tips beyond the API: what the page's anchoring found (not
// found here?) and what the page asked the panel to show (a picked element, a clicked marker). The
// background keeps both per tab in storage.session; the panel reads them and follows their changes.
import { signal } from '@preact/signals';
import { browser } from 'wxt/browser';
import type { PanelTarget, TipAnchoring } from '../../messaging';
import { anchoringKey, targetKey } from '../../tips/session-keys';

const anchoring = signal<TipAnchoring | null>(null);
export const target = signal<PanelTarget | null>(null);
/** The tip whose discussion the notes section shows (its marker was clicked), or null for the list. */
export const focusedTip = signal<string | null>(null);
/** "Not found on this page" is unfolded (an item shown from the inbox may be there: it unfolds it). */
export const missingUnfolded = signal(true);
let tabId: number | null = null;

/** The ids of this page's tips that anchoring could not find (once the page settled). */
export function notFoundHere(pageKey: string): Set<string> {
  const a = anchoring.value;
  if (!a || a.pageKey !== pageKey) return new Set();
  return new Set(Object.entries(a.outcomes).flatMap(([id, o]) => (o === 'not-found' ? [id] : [])));
}

/** Reads and follows this tab's tip state; called once at start. */
export async function watchTips(tab: number): Promise<void> {
  tabId = tab;
  const [aKey, tKey] = [anchoringKey(tab), targetKey(tab)];
  const stored = await browser.storage.session.get([aKey, tKey]);
  anchoring.value = (stored[aKey] as TipAnchoring | undefined) ?? null;
  target.value = (stored[tKey] as PanelTarget | undefined) ?? null;
  browser.storage.session.onChanged.addListener((changes) => {
    if (changes[aKey]) anchoring.value = (changes[aKey].newValue as TipAnchoring | undefined) ?? null;
    if (changes[tKey]) target.value = (changes[tKey].newValue as PanelTarget | undefined) ?? null;
  });
}

/**
 * The tab moved to another page (SPA navigation): the tip shown and a pick made on the old page belong
 * to it, so the panel goes back to the notes of the new one.
 */
export async function leavePage(next: string): Promise<void> {
  focusedTip.value = null;
  const t = target.value;
  if (t?.kind === 'pick' && t.pick.pageKey !== next) await clearTarget();
}

/** Done with what the page asked for (shown, posted or cancelled). */
export async function clearTarget(): Promise<void> {
  target.value = null;
  if (tabId !== null) await browser.storage.session.remove(targetKey(tabId));
}
