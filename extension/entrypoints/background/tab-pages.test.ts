import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Note, PageContext } from '@shared/contract';
import { fakeApi } from '../../server/fake-api';

vi.mock('wxt/browser', async () => ({ browser: (await import('wxt/testing/fake-browser')).fakeBrowser }));
const origin = 'https://crm.example';
vi.mock('./registration', () => ({ activeOrigins: async () => [origin] }));
vi.mock('./badge', () => ({ showBadge: async () => undefined, showDefaultBadge: async () => undefined }));
vi.mock('@shared/page-key', () => ({ pageKey: (url: string) => url, screenName: () => null }));
/** Each /context request waits until the test answers it. */
const requests = new Map<string, (notes: Note[]) => void>();
let contextCalls = 0;
const api = fakeApi({
  'GET /context': ({ query }) => {
    contextCalls++;
    return new Promise((resolve) => requests.set(query!.url, (notes) => resolve({ counts: { notes: 0, tips: notes.length, openQuestions: 0 }, notes } as unknown as PageContext)));
  },
});
vi.mock('../../server/settings', () => ({
  cachedSites: async () => [{ id: 's', name: 'CRM', origin, rules: {} }],
  serverGranted: async () => true,
  sessionClient: async () => ({ api, session: { serverUrl: 'https://api.example' } }),
}));
const tellTab = vi.fn(async (..._: unknown[]) => undefined);
vi.mock('../../messaging', () => ({ tellTab: (...args: unknown[]) => tellTab(...args) }));
const { locate, tabPage, tabTips, updateContext } = await import('./tab-pages');

const tip = (id: string, body = 'Merging is final.') =>
  ({ id, body, anchor: { selector: [{ type: 'CssSelector', value: '#merge' }] }, possiblyOutdated: false, author: { id: 'a', name: 'Ada' } }) as Note;
const answer = async (key: string, notes: Note[] = []) => {
  await vi.waitFor(() => expect(requests.has(key)).toBe(true));
  requests.get(key)!(notes);
};

beforeEach(() => {
  fakeBrowser.reset();
  requests.clear();
  tellTab.mockClear();
});

describe('locate', () => {
  it('keeps the page of the latest locate of a tab, whatever order the answers come in', async () => {
    const [a, b, c] = ['/a', '/b', '/c'].map((path) => `${origin}${path}`) as [string, string, string];
    const located = [locate(1, a), locate(1, b), locate(1, c)];
    await answer(a);
    await answer(c, [tip('t1')]);
    await answer(b);
    await Promise.all(located);
    expect((await tabPage(1))?.pageKey).toBe(c);
    expect((await tabTips(1, c))?.map((t) => t.id)).toEqual(['t1']);
    const told = tellTab.mock.calls.filter(([, type]) => type === 'page:update').map(([, , page]) => (page as { pageKey: string }).pageKey);
    expect(told).toEqual([c]);
  });
});

describe('locate after an in-page move', () => {
  const fetched = () => contextCalls;

  it('fetches nothing for a move that keeps the page key, whether the first fetch is under way or done', async () => {
    const page = `${origin}/accounts/1`;
    const before = fetched();
    const first = locate(1, page);
    const tagged = locate(1, page, { moved: true }); // the app tagged its address; the same key
    await answer(page, [tip('t1')]);
    expect(await tagged).toEqual(await first);
    expect((await locate(1, page, { moved: true }))?.counts).toMatchObject({ tips: 1 });
    expect(fetched() - before).toBe(1);
    expect((await tabPage(1))?.pageKey).toBe(page);
  });

  it('fetches again for a new view of the same page, and for a move to another page', async () => {
    const [a, b] = [`${origin}/a`, `${origin}/b`];
    const before = fetched();
    const first = locate(1, a);
    await answer(a);
    await first;
    requests.clear();
    const reloaded = locate(1, a);
    await answer(a);
    await reloaded;
    requests.clear();
    const movedOn = locate(1, b, { moved: true });
    await answer(b);
    await movedOn;
    expect(fetched() - before).toBe(3);
    expect((await tabPage(1))?.pageKey).toBe(b);
  });
});

describe('updateContext', () => {
  it('tells the tab to reload its markers when a tip changed but not their count', async () => {
    const page = `${origin}/a`;
    const located = locate(1, page);
    await answer(page, [tip('t1')]);
    const { counts } = (await located)!;
    const summary = (await tabTips(1, page))!;

    await updateContext(1, page, counts!, summary);
    expect(tellTab).not.toHaveBeenCalledWith(1, 'tips:refresh', null);

    await updateContext(1, page, counts!, [{ ...summary[0]!, possiblyOutdated: true }]);
    expect(tellTab).toHaveBeenCalledWith(1, 'tips:refresh', null);
    expect((await tabTips(1, page))?.[0]?.possiblyOutdated).toBe(true);
  });
});
