// Frames from another site inside a tab's page (a partner's widget, a legacy screen framed from its own
// host): when that site is granted too, the frame script (entrypoints/frame-agent/) is injected there
// (its probe asks: entrypoints/frame-probe.ts) and shows that frame's tips and pin mode. Each tab keeps which of its frames run one and their page keys,
// in storage.session like the tab's page (a worker restart keeps it).
import { browser } from 'wxt/browser';
import { tellTab, type TabMessages, type TipSummary } from '../../messaging';
import { oneAtATime } from './one-at-a-time';

const key = (tabId: number) => `frames:${tabId}`;

/** Frame id → the page key of what that frame shows. */
type Agents = Record<string, string>;

async function agents(tabId: number): Promise<Agents> {
  return ((await browser.storage.session.get(key(tabId)))[key(tabId)] as Agents | undefined) ?? {};
}

/** Frame `frameId` of the tab shows a granted site's page `frameKey` (null: no longer, or not granted). */
export function setAgent(tabId: number, frameId: number, frameKey: string | null): Promise<void> {
  return setting(async () => {
    const all = await agents(tabId);
    if (frameKey === null) delete all[frameId];
    else all[frameId] = frameKey;
    await browser.storage.session.set({ [key(tabId)]: all });
  });
}
// Frames of one page load together: each change is made on the one before.
const setting = oneAtATime();

/** The frame script (entrypoints/frame-agent/), into frame `frameId` of the tab. */
export async function injectFrameAgent(tabId: number, frameId: number): Promise<void> {
  await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: ['/frame-agent.js'] });
}

export const forgetAgents = (tabId: number) => browser.storage.session.remove(key(tabId));

/** The tips of the page shown by frame `frameId` (0: the tab's own page, without those of its frames). */
export async function frameTips(tabId: number, frameId: number, tips: TipSummary[]): Promise<TipSummary[]> {
  if (frameId === 0) return tips.filter((t) => !t.anchor.frame);
  const frameKey = (await agents(tabId))[frameId];
  return frameKey ? tips.filter((t) => t.anchor.frame === frameKey) : [];
}

/** Tells the tab's frame scripts (not its top frame's content script). */
export async function tellAgents<K extends keyof TabMessages>(tabId: number, type: K, data: TabMessages[K], except?: number): Promise<void> {
  const frames = Object.keys(await agents(tabId)).map(Number);
  await Promise.all(frames.filter((f) => f !== except).map((f) => tellTab(tabId, type, data, f)));
}
