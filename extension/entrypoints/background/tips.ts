// The background's part of tips: it injects the tip layer into a tab on demand, reports anchoring
// outcomes to the API (the content script cannot call it: CORS), and hands the panel what the page
// found (outcomes, a picked element, a clicked marker) through storage.session, which the panel follows
// (panel-state.ts). The layer's tips come with the tab's page (tab-pages.ts: the context of its counts).
import { browser } from 'wxt/browser';
import { sessionClient } from '../../server/settings';
import { tellTab, type PanelTarget, type TipAnchoring } from '../../messaging';
import { anchoringKey, targetKey } from '../../tips/session-keys';
import { tabPage } from './tab-pages';

/** The tip layer's script (entrypoints/tip-layer/): only pages with tips, or in pin mode, load it. */
const TIP_LAYER = '/tip-layer.js';

export async function injectTipLayer(tabId: number): Promise<void> {
  await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: [TIP_LAYER] });
}

/** Whether the tab is on a granted site's page with this key right now (nothing is sent otherwise). */
async function onPage(tabId: number, pageKey: string): Promise<boolean> {
  return (await tabPage(tabId))?.pageKey === pageKey;
}

export async function recordAnchoring(tabId: number, anchoring: TipAnchoring): Promise<void> {
  await browser.storage.session.set({ [anchoringKey(tabId)]: anchoring });
}

/** Best effort: an outcome that cannot be sent now is not worth a retry (the next page view reports again). */
export async function reportOutcomes(
  tabId: number,
  pageKey: string,
  reports: Array<{ id: string; found: boolean; confidence: number }>,
): Promise<void> {
  if (!(await onPage(tabId, pageKey))) return;
  const client = await sessionClient();
  if (!client) return;
  await Promise.all(
    reports.map((r) =>
      client.api
        .call('POST /notes/{id}/anchor-reports', { params: { id: r.id }, json: { found: r.found, confidence: r.confidence } })
        .catch((err: unknown) => {
          console.warn('Alongside: could not report where a tip was found', err);
        }),
    ),
  );
}

export async function setPanelTarget(tabId: number, target: PanelTarget): Promise<void> {
  await browser.storage.session.set({ [targetKey(tabId)]: target });
}

/** The panel is done with its target (shown, posted or cancelled). */
export const clearPanelTarget = (tabId: number) => browser.storage.session.remove(targetKey(tabId));

/** Pin mode in a tab that shows a granted site's page; anywhere else the shortcut does nothing. */
export async function startPinMode(tabId: number, repin: string | null): Promise<void> {
  if (await tabPage(tabId)) await tellTab(tabId, 'pin:start', { repin });
}

export const forgetTipState = (tabId: number) => browser.storage.session.remove([anchoringKey(tabId), targetKey(tabId)]);
