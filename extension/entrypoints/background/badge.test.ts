import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

// The badge as the toolbar shows it: text and color per tab (null: the default for new tabs).
const badges = new Map<number | null, { text?: string; color?: string }>();
const set = (tabId: number | undefined, change: { text?: string; color?: string }) =>
  badges.set(tabId ?? null, { ...badges.get(tabId ?? null), ...change });
vi.mock('wxt/browser', () => ({
  browser: {
    storage: { session: fakeBrowser.storage.session },
    action: {
      setBadgeText: async ({ tabId, text }: { tabId?: number; text: string }) => void set(tabId, { text }),
      setBadgeBackgroundColor: async ({ tabId, color }: { tabId?: number; color: string }) => void set(tabId, { color }),
    },
  },
}));
const { saveUnread, showBadge, showDefaultBadge } = await import('./badge');

const page = (counts: { notes: number; tips: number; questions: number; openQuestions: number } | null, problem: 'unreachable' | null = null) => ({
  tabId: 1, pageKey: 'https://crm.example/a', site: { id: 's', name: 'CRM', origin: 'https://crm.example' }, screen: null, counts, problem,
});
const [PAGE, PROBLEM, INBOX] = ['#2557d6', '#b45309', '#6d28d9'];

beforeEach(() => {
  fakeBrowser.reset();
  badges.clear();
});

describe('the badge', () => {
  it("shows the page's count where it has one, in the page color", async () => {
    await saveUnread(7);
    await showBadge(1, page({ notes: 1, tips: 2, questions: 4, openQuestions: 1 }));
    expect(badges.get(1)).toEqual({ text: '4', color: PAGE });
  });

  it('shows a problem over everything', async () => {
    await saveUnread(7);
    await showBadge(1, page(null, 'unreachable'));
    expect(badges.get(1)).toEqual({ text: '!', color: PROBLEM });
  });

  it('shows the unread inbox count where no page count applies, in its own color', async () => {
    await saveUnread(7);
    await showBadge(1, page({ notes: 0, tips: 0, questions: 3, openQuestions: 0 }));
    expect(badges.get(1)).toEqual({ text: '7', color: INBOX });
    await saveUnread(3);
    await showBadge(2, null);
    expect(badges.get(2)).toEqual({ text: '3', color: INBOX });
    await saveUnread(120);
    await showDefaultBadge();
    expect(badges.get(null)).toEqual({ text: '99+', color: INBOX });
    await saveUnread(0);
    await showDefaultBadge();
    expect(badges.get(null)?.text).toBe('');
  });
});
