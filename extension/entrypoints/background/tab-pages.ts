// Each tab's page: which site and page key it is on and its counts, kept in storage.session (a worker
// restart keeps it, a browser restart does not need it). The badge shows the same counts as the launcher.
// Beside it, the page's tips from the same context, for the tip layer: one context fetch a page view.
import { browser } from 'wxt/browser';
import type { Site } from '@shared/contract';
import { pageKey, screenName } from '@shared/page-key';
import { ApiFailure } from '@shared/client';
import { problemOf } from '../../server/problems';
import { showBadge, showDefaultBadge } from './badge';
import { activeOrigins } from './registration';
import { cachedSites, serverGranted, sessionClient } from '../../server/settings';
import { tellTab, type Counts, type TabPage, type TipSummary } from '../../messaging';
import { setAgent, tellAgents } from './frame-agents';
import { sameTips, tipSummaries } from '../../tips/summaries';

/** Where a tab's page is kept (the panel follows it: panel-state.ts). */
export const storeKey = (tabId: number) => `tab:${tabId}`;
const tipsKey = (tabId: number) => `tips:${tabId}`;

/** The tips of the context a tab's page was last loaded with. */
interface PageTips {
  pageKey: string;
  tips: TipSummary[];
}

export async function tabPage(tabId: number): Promise<TabPage | null> {
  const key = storeKey(tabId);
  return ((await browser.storage.session.get(key))[key] as TabPage | undefined) ?? null;
}

/** The tips of the tab's page `key`; null when the tab is not on that page (nothing kept for others). */
export async function tabTips(tabId: number, key: string): Promise<TipSummary[] | null> {
  const stored = (await browser.storage.session.get(tipsKey(tabId)))[tipsKey(tabId)] as PageTips | undefined;
  return stored?.pageKey === key ? stored.tips : null;
}

/** The page and its tips in one write, so the tip layer, told of the page, finds its tips. */
async function store(page: TabPage, tips: TipSummary[] = []): Promise<TabPage> {
  await browser.storage.session.set({ [storeKey(page.tabId)]: page, [tipsKey(page.tabId)]: { pageKey: page.pageKey, tips } satisfies PageTips });
  await showBadge(page.tabId, page);
  await Promise.all([tellTab(page.tabId, 'page:update', page), tellAgents(page.tabId, 'page:update', page)]);
  return page;
}

export const forgetTab = (tabId: number) => browser.storage.session.remove([storeKey(tabId), tipsKey(tabId)]);

/** The granted site a URL belongs to, or null: then nothing about the page is kept or sent. */
async function siteFor(url: string): Promise<Site | null> {
  let origin: string;
  try {
    origin = new URL(url).origin;
  } catch {
    return null;
  }
  if (!(await activeOrigins()).includes(origin)) return null;
  return (await cachedSites()).find((s) => s.origin === origin) ?? null;
}

/**
 * Frame `frameId` of the tab (another site's frame in its page, where the frame script runs) is at `url`:
 * its page key by its own site's rules when that site is granted too, and the tab's page.
 */
export async function locateFrame(tabId: number, frameId: number, url: string): Promise<{ frameKey: string; page: TabPage | null } | null> {
  const site = await siteFor(url);
  const frameKey = site ? pageKey(url, site.rules) : null;
  await setAgent(tabId, frameId, frameKey);
  return frameKey === null ? null : { frameKey, page: await tabPage(tabId) };
}

/** Each tab's latest locate: an older one that finishes later (SPA jumps A→B→C, B answered last) keeps nothing. */
const locating = new Map<number, number>();
/** Each tab's locate under way: its page key once known, its answer, and whether it is in. */
const loading = new Map<number, { ticket: number; key: Promise<string | null>; page: Promise<TabPage | null>; done: boolean }>();

/**
 * The tab is now at `url`: compute its page key by the site's rules, load the counts, show them.
 * Only the page key goes to the API. A newer locate of the tab overtakes this one: then nothing is
 * stored or told, and the answer (its caller's, which ignores it) is what this one found. `moved`: an
 * in-page move (history API, hash) rather than a new page view; one that keeps the page key (an app
 * tagging its address with a session id, a sort order) is the same page, loaded or loading already.
 */
export function locate(tabId: number, url: string, { moved = false } = {}): Promise<TabPage | null> {
  const ticket = (locating.get(tabId) ?? 0) + 1;
  locating.set(tabId, ticket);
  const before = loading.get(tabId);
  const site = siteFor(url);
  const key = site.then((s) => (s ? pageKey(url, s.rules) : null));
  const entry = { ticket, key, page: Promise.resolve<TabPage | null>(null), done: false };
  entry.page = (async () => {
    const found = await site;
    const k = await key;
    if (moved && k !== null && locating.get(tabId) === ticket) {
      if (before && !before.done && (await before.key) === k && locating.get(tabId) === ticket) {
        locating.set(tabId, before.ticket); // that locate is this page's: it stays the latest
        return before.page;
      }
      const kept = await tabPage(tabId);
      if (locating.get(tabId) === ticket && kept?.pageKey === k && kept.counts && !kept.problem) return kept;
    }
    return load(tabId, ticket, found, k);
  })().finally(() => {
    entry.done = true;
    if (loading.get(tabId) === entry) loading.delete(tabId);
  });
  loading.set(tabId, entry);
  return entry.page;
}

async function load(tabId: number, ticket: number, site: Site | null, key: string | null): Promise<TabPage | null> {
  const latest = () => locating.get(tabId) === ticket;
  const keep = async (page: TabPage, tips?: TipSummary[]) => (latest() ? store(page, tips) : page);
  if (!site || key === null) {
    // A tab that had a page (the site was just turned off or its permission removed) loses the UI now,
    // not at its next navigation.
    if (latest() && (await tabPage(tabId)) && latest()) {
      await forgetTab(tabId);
      await showBadge(tabId, null);
      await Promise.all([tellTab(tabId, 'page:update', null), tellAgents(tabId, 'page:update', null)]);
    }
    return null;
  }
  const base = { tabId, pageKey: key, site: { id: site.id, name: site.name, origin: site.origin }, screen: screenName(key, site.rules, site.origin) };
  const client = await sessionClient();
  if (!client) return keep({ ...base, counts: null, problem: 'signed-out' });
  try {
    const context = await client.api.call('GET /context', { query: { url: key } });
    return keep({ ...base, counts: context.counts, problem: null }, tipSummaries(context.notes));
  } catch (err) {
    const granted = await serverGranted(client.session.serverUrl);
    const problem = !granted ? 'permission-revoked' : err instanceof ApiFailure ? problemOf(err, navigator.onLine) : 'error';
    return keep({ ...base, counts: null, problem });
  }
}

/**
 * The panel loaded the page's context again: if the tab is still on that page, keep its counts and tips.
 * Tips that changed while their count did not (edited, re-pinned, flag cleared) reload the markers.
 */
export async function updateContext(tabId: number, key: string, counts: Counts, tips: TipSummary[]): Promise<void> {
  const page = await tabPage(tabId);
  if (!page || page.pageKey !== key) return;
  const before = await tabTips(tabId, key);
  await store({ ...page, counts, problem: null }, tips);
  if (!sameTips(before ?? [], tips)) await Promise.all([tellTab(tabId, 'tips:refresh', null), tellAgents(tabId, 'tips:refresh', null)]);
}

/**
 * Loads every known tab's page again (after a sign-in, sign-out or grant change), so launchers and
 * badges recover without a reload. Page keys are URLs their own normalization leaves unchanged.
 */
export async function relocateAll(): Promise<void> {
  const all = await browser.storage.session.get(null);
  const pages = Object.entries(all).filter(([key]) => key.startsWith('tab:')).map(([, page]) => page as TabPage);
  await Promise.all(pages.map((page) => locate(page.tabId, page.pageKey)));
}

/** Draws every tab's badge again: the unread inbox count changed (it shows where no page count applies). */
export async function redrawBadges(): Promise<void> {
  await showDefaultBadge();
  const tabs = await browser.tabs.query({});
  await Promise.all(tabs.map(async (tab) => tab.id !== undefined && showBadge(tab.id, await tabPage(tab.id))));
}
