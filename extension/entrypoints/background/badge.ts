// The toolbar badge. A tab on a site's page shows that page's count (notes + tips + open questions) or
// "!" when the page cannot load; where no page count applies (another site, a page with nothing on it)
// it shows the unread inbox count, in another color so the two are not confused.
import { browser } from 'wxt/browser';
import type { TabPage } from '../../messaging';
import { badgeTotal } from '@shared/text/page-counts';

const BADGE_COLORS = { page: '#2557d6', problem: '#b45309', inbox: '#6d28d9' } as const;

function badgeFor(page: TabPage | null, unread: number): { text: string; color: string } {
  if (page?.problem) return { text: '!', color: BADGE_COLORS.problem };
  const count = page?.counts ? badgeTotal(page.counts) : 0;
  if (count > 0) return { text: String(count), color: BADGE_COLORS.page };
  return { text: unread > 0 ? (unread > 99 ? '99+' : String(unread)) : '', color: BADGE_COLORS.inbox };
}

const UNREAD_KEY = 'inbox:unread';

/** The last known unread inbox count (storage.session: a worker restart keeps it). */
export async function storedUnread(): Promise<number> {
  const n = (await browser.storage.session.get(UNREAD_KEY))[UNREAD_KEY];
  return typeof n === 'number' ? n : 0;
}

export const saveUnread = (unread: number) => browser.storage.session.set({ [UNREAD_KEY]: unread });

/** Shows a tab's badge: `page` is the tab's site page, or null for any other tab. */
export async function showBadge(tabId: number, page: TabPage | null): Promise<void> {
  const { text, color } = badgeFor(page, await storedUnread());
  try {
    await browser.action.setBadgeText({ tabId, text });
    await browser.action.setBadgeBackgroundColor({ tabId, color });
  } catch {
    // the tab is gone
  }
}

/** The badge of tabs the extension has not drawn one for yet (new tabs): the unread count. */
export async function showDefaultBadge(): Promise<void> {
  const { text, color } = badgeFor(null, await storedUnread());
  await browser.action.setBadgeText({ text });
  await browser.action.setBadgeBackgroundColor({ color });
}
