// The background's part of tips: it injects the tip layer into a tab on demand, reports anchoring
// outcomes to the API (the content script cannot call it: CORS), and hands the panel what the page
// found (outcomes, a picked element, a clicked marker) through storage.session, which the panel follows
// (panel-state.ts). The layer's tips come with the tab's page (tab-pages.ts: the context of its counts).
import { browser } from 'wxt/browser';
import { sessionClient } from '../../server/settings';
import { tellTab, type PanelTarget, type TipAnchoring } from '../../messaging';
import { anchoringKey, targetKey } from '../../tips/session-keys';
import { tellAgents } from './frame-agents';
import { oneAtATime } from './one-at-a-time';
import { activeOrigins } from './registration';
import { tabPage } from './tab-pages';

/** The tip layer's script (entrypoints/tip-layer/): only pages with tips, or in pin mode, load it. */
const TIP_LAYER = '/tip-layer.js';

/** Into the tab's top frame, or into frame `frameId` where the frame script asks (frame-agents.ts). */
export async function injectTipLayer(tabId: number, frameId = 0): Promise<void> {
  await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [TIP_LAYER] });
}

/** Whether the tab is on a granted site's page with this key right now (nothing is sent otherwise). */
async function onPage(tabId: number, pageKey: string): Promise<boolean> {
  return (await tabPage(tabId))?.pageKey === pageKey;
}

/**
 * What one frame of the tab found. The page and the frames of other sites in it anchor their own tips,
 * so the outcomes of one page view are merged; another page's replace them.
 */
// One after another: two frames reporting at once would each merge into what the other overwrites.
const recording = oneAtATime();
export function recordAnchoring(tabId: number, anchoring: TipAnchoring): Promise<void> {
  return recording(async () => {
    const key = anchoringKey(tabId);
    const before = (await browser.storage.session.get(key))[key] as TipAnchoring | undefined;
    const outcomes = before?.pageKey === anchoring.pageKey ? { ...before.outcomes, ...anchoring.outcomes } : anchoring.outcomes;
    await browser.storage.session.set({ [key]: { pageKey: anchoring.pageKey, outcomes } satisfies TipAnchoring });
  });
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

/**
 * Pin mode in a tab that shows a granted site's page (anywhere else the shortcut does nothing): in the
 * page, and in the frames of other granted sites in it, each pointing at its own elements.
 */
export async function startPinMode(tabId: number, repin: string | null): Promise<void> {
  if (!(await tabPage(tabId))) return;
  await Promise.all([tellTab(tabId, 'pin:start', { repin, granted: await activeOrigins() }), tellAgents(tabId, 'pin:start', { repin, granted: [] })]);
}

/** Pin mode ended in frame `frameId` (a pick or a cancel there): it ends in the tab's other frames. */
export async function endPinMode(tabId: number, frameId: number): Promise<void> {
  await Promise.all([frameId === 0 ? undefined : tellTab(tabId, 'pin:stop', null), tellAgents(tabId, 'pin:stop', null, frameId)]);
}

export const forgetTipState = (tabId: number) => browser.storage.session.remove([anchoringKey(tabId), targetKey(tabId)]);
