// What the panel knows about this page's tips beyond the API: what the page's anchoring found (not
// found here?) and what the page asked the panel to show (a picked element, a clicked marker). The
// background keeps both per tab and sends them with the tab's state (tab-state.ts).
import { signal } from '@preact/signals';
import { askBackground, type PanelState, type PanelTarget, type TipAnchoring, type TipOutcome } from '../../messaging';

const anchoring = signal<TipAnchoring | null>(null);
export const target = signal<PanelTarget | null>(null);
/** The tip whose discussion the notes section shows (its marker was clicked), or null for the list. */
export const focusedTip = signal<string | null>(null);
/** "Not found on this page" is unfolded (an item shown from the inbox may be there: it unfolds it). */
export const missingUnfolded = signal(true);

/** The ids of this page's tips with this anchoring outcome (`not-found`: once the page settled). */
export function tipsHere(pageKey: string, outcome: TipOutcome): Set<string> {
  const a = anchoring.value;
  if (!a || a.pageKey !== pageKey) return new Set();
  return new Set(Object.entries(a.outcomes).flatMap(([id, o]) => (o === outcome ? [id] : [])));
}

/** The tab's tip state, as the background sent it. */
export function tipsState(state: PanelState): void {
  anchoring.value = state.anchoring;
  target.value = state.target;
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
  await askBackground('panel:target-done', null);
}
