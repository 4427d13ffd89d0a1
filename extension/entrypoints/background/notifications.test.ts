import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { InboxItem } from '@shared/contract';
import { fakeBrowser } from 'wxt/testing/fake-browser';

const local = fakeBrowser.storage.local;
const created: Array<{ id: string; title: string; message: string; contextMessage?: string }> = [];
const failing = new Set<string>();
const opened: string[] = [];
const clickListeners: Array<(id: string) => void> = [];
vi.mock('wxt/browser', () => ({
  browser: {
    storage: { local },
    permissions: { contains: async () => true },
    runtime: { getURL: (p: string) => `chrome-extension://x${p}` },
    notifications: {
      create: async (id: string, o: { title: string; message: string; contextMessage?: string }) => {
        if (failing.has(id)) throw new Error('refused');
        created.push({ id, ...o });
      },
      clear: async () => true,
      onClicked: { addListener: (listener: (id: string) => void) => void clickListeners.push(listener) },
    },
    tabs: { create: async (o: { url: string }) => void opened.push(o.url) },
  },
}));
vi.mock('../../server/settings', () => ({
  cachedSites: async () => [{ id: 's', origin: 'https://crm.example', name: 'CRM', rules: { keepQuery: [], hashRouting: false, templates: [] } }],
  sessionClient: async () => null,
}));
vi.mock('./registration', () => ({ activeOrigins: async () => ['https://crm.example'] }));
const { listenToNotificationClicks, notifyRouted } = await import('./notifications');

const item = (id: string, over: Partial<InboxItem> = {}): InboxItem => ({
  id,
  kind: 'question_routed',
  createdAt: '2026-11-30T10:00:00.000Z',
  readAt: null,
  note: null,
  question: { id: `q${id}`, pattern: 'https://crm.example/accounts/:id', title: `Question ${id}`, answerId: null },
  actor: null,
  ...over,
});

beforeEach(async () => {
  created.length = 0;
  opened.length = 0;
  failing.clear();
  await local.remove(['notifyRoutedSince', 'notifiedInbox']);
});

describe('notifyRouted', () => {
  it('does nothing unless the user opted in', async () => {
    await notifyRouted([item('1')]);
    expect(created).toEqual([]);
  });

  it('notifies each new unread routed question once, oldest first, naming it only on a site the extension runs on', async () => {
    await local.set({ notifyRoutedSince: '2026-11-30T09:00:00.000Z' });
    const items = [
      item('5', { question: { id: 'q5', pattern: 'https://elsewhere.example/x', title: 'Secret elsewhere', answerId: null } }),
      item('4'),
      item('3', { readAt: '2026-11-30T10:01:00.000Z' }),
      item('2', { kind: 'answer_posted' }),
      item('1', { createdAt: '2026-11-30T08:00:00.000Z' }), // from before the switch was turned on
    ];
    await notifyRouted(items);
    expect(created).toEqual([
      { id: 'inbox:4', type: 'basic', iconUrl: 'chrome-extension://x/icon/128.png', title: 'A question was routed to you', message: 'Question 4', contextMessage: 'CRM' },
      expect.objectContaining({ id: 'inbox:5', message: 'Open the Alongside panel on your apps to see it.', contextMessage: undefined }),
    ]);
    expect(JSON.stringify(created)).not.toContain('Secret elsewhere');
    await notifyRouted(items);
    expect(created).toHaveLength(2);
    expect((await local.get('notifiedInbox')).notifiedInbox).toEqual({ '4': 'https://crm.example/accounts', '5': null });
  });

  it('keeps the ids before showing, and one refused notification does not stop the others', async () => {
    await local.set({ notifyRoutedSince: '2026-11-30T09:00:00.000Z' });
    failing.add('inbox:7');
    await notifyRouted([item('8'), item('7'), item('6')]);
    expect(created.map((c) => c.id)).toEqual(['inbox:6', 'inbox:8']);
    expect(Object.keys((await local.get('notifiedInbox')).notifiedInbox as object).sort()).toEqual(['6', '7', '8']);
  });
});

describe('a click on a notification', () => {
  it('opens the page, then brings the count up to date', async () => {
    await local.set({ notifiedInbox: { '4': 'https://crm.example/accounts' } });
    const afterRead = vi.fn(async () => undefined);
    listenToNotificationClicks(afterRead);
    for (const click of clickListeners) click('inbox:4');
    await vi.waitFor(() => expect(afterRead).toHaveBeenCalledOnce());
    expect(opened).toEqual(['https://crm.example/accounts']);
  });
});
