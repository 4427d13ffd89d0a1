// @vitest-environment happy-dom
// What the live parts of the panel say: what "Watch" watches, who a question went to, who "Ask an
// expert" will reach, and the inbox button's count.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Expert, InboxItem, Question, QuestionSummary, Site } from '@shared/contract';
import { fakeApi, type Handler } from '../../../server/fake-api';

vi.mock('wxt/browser', async () => ({ browser: (await import('wxt/testing/fake-browser')).fakeBrowser }));
vi.mock('../../../messaging', () => ({ askBackground: async () => null }));
const routes = {
  'GET /questions/{id}': vi.fn<Handler<'GET /questions/{id}'>>(),
  'GET /watches': vi.fn<Handler<'GET /watches'>>(),
  'GET /inbox': vi.fn<Handler<'GET /inbox'>>(),
  'POST /inbox/read': vi.fn<Handler<'POST /inbox/read'>>(),
};
const client = fakeApi(routes);
vi.mock('../store', async (original) => ({
  ...(await original<typeof import('../store')>()),
  api: () => client,
  act: async <T,>(_what: string, run: (a: typeof client) => Promise<T>) => run(client),
}));
const { me } = await import('../store');
const { inboxOpen } = await import('../focus');
const { unread } = await import('../live');
const { Inbox, InboxButton } = await import('./Inbox');
const { QuestionCard } = await import('./QuestionCard');
const { QuestionComposer } = await import('./QuestionComposer');
const { WatchToggle } = await import('./WatchToggle');
const { ExpertList, expertFor } = await import('./ExpertList');

const person = (n: string) => ({ id: `00000000-0000-4000-8000-00000000000${n.length}`, name: n });
const site: Site = {
  id: '00000000-0000-4000-8000-000000000010',
  origin: 'https://crm.example',
  name: 'CRM',
  rules: {
    keepQuery: [],
    hashRouting: true,
    templates: [
      { name: 'Account', pattern: '/accounts/:id' },
      { name: 'Accounts', pattern: '/accounts' },
    ],
  },
};

beforeEach(async () => {
  fakeBrowser.reset();
  await fakeBrowser.storage.local.set({ sites: [site] });
  me.value = { user: { ...person('Ada'), email: 'ada@x', role: 'member', disabled: false, createdAt: '' }, teams: [] };
  routes['GET /watches'].mockResolvedValue([]);
});
afterEach(cleanup);

describe('WatchToggle', () => {
  const shown = async (pageKey: string, screenName: string | null, siteId = site.id) => {
    render(<WatchToggle pageKey={pageKey} screen={screenName} siteId={siteId} />);
    const button = await screen.findByRole('button', { name: /^Watch / });
    return { name: button.textContent, pattern: button.title.match(/^Watch (\S+):/)?.[1] };
  };

  it('watches the screen a page belongs to', async () => {
    expect(await shown('https://crm.example/accounts/7', 'Account')).toEqual({ name: 'Watch all Account pages', pattern: 'https://crm.example/accounts/:id' });
  });
  it('watches this page when its screen is one page', async () => {
    expect(await shown('https://crm.example/accounts', 'Accounts')).toEqual({ name: 'Watch this page', pattern: 'https://crm.example/accounts' });
  });
  it('watches the page itself where no screen applies, or the site is not known', async () => {
    expect(await shown('https://crm.example/reports/7', null)).toEqual({ name: 'Watch this page', pattern: 'https://crm.example/reports/7' });
    cleanup();
    expect((await shown('https://crm.example/accounts/7', 'Account', 'another site')).name).toBe('Watch this page');
  });
});

describe('QuestionCard', () => {
  const ago = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();
  const asked = (sentTo: QuestionSummary['sentTo'], over: Partial<QuestionSummary> = {}) =>
    ({ id: 'q1', title: 'How?', status: 'open', answerCount: 0, author: person('Ada'), createdAt: ago(3), visibility: 'org', score: 0, sentTo, ...over }) as unknown as QuestionSummary;

  it('says on its row whom an asked question was sent to, or that nobody answers for the screen yet', () => {
    render(<QuestionCard summary={asked([person('Dave'), person('Erin')])} pageKey="https://crm.example/a" />);
    expect(screen.getByTestId('routed-to').textContent).toBe('Sent to Dave, Erin');
    cleanup();
    render(<QuestionCard summary={asked([])} pageKey="https://crm.example/a" />);
    expect(screen.getByTestId('routed-to').textContent).toBe('No expert yet for this screen: visible to everyone on the app');
    cleanup();
    render(<QuestionCard summary={asked([], { visibility: 'team' })} pageKey="https://crm.example/a" />);
    expect(screen.getByTestId('routed-to').textContent).toBe('No expert yet for this screen: visible to the team it is shared with');
    cleanup();
    render(<QuestionCard summary={asked(null)} pageKey="https://crm.example/a" />);
    expect(screen.queryByTestId('routed-to')).toBeNull(); // not asked of the experts
  });

  it('names who a question went to, ring by ring, with when, once open', async () => {
    const summary = asked([person('Dave'), person('Erin'), person('Owner')]);
    const routedTo = [
      { person: person('Dave'), ring: 1, at: ago(2) },
      { person: person('Erin'), ring: 2, at: ago(1) },
      { person: person('Owner'), ring: 2, at: ago(1) },
    ];
    routes['GET /questions/{id}'].mockResolvedValue({ ...summary, body: '', routedTo, answers: [], votedByMe: false } as unknown as Question);
    render(<QuestionCard summary={summary} pageKey="https://crm.example/a" />);
    fireEvent.click(screen.getByRole('button', { name: 'How?' }));
    await waitFor(() => expect(screen.getByTestId('routed-to').textContent).toBe('Sent to Dave · 2 hours ago, then Erin, Owner · 1 hour ago'));
  });
});

describe('QuestionComposer, asking the experts', () => {
  it('names each expert once and never the asker', () => {
    const e = (who: { id: string; name: string }, pattern: string): Expert => ({ id: `${who.id}${pattern}`, user: who, scopeId: 's', pattern, screen: null, createdAt: '' });
    const [dave, ada] = [person('Dave'), person('Ada')];
    render(<QuestionComposer pageKey="https://crm.example/a/1" experts={[e(dave, '/a/:id'), e(ada, '/a/*'), e(dave, '/a/*')]} onDone={() => undefined} />);
    expect(screen.getByTestId('expert-recipients').querySelector('strong')?.textContent).toBe('Dave');
  });
});

describe('InboxButton', () => {
  it('says the unread count and toggles the inbox', () => {
    unread.value = 3;
    render(<InboxButton />);
    const button = screen.getByRole('button', { name: 'Inbox, 3 unread' });
    expect(button.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(button);
    expect(inboxOpen.value).toBe(true);
    unread.value = 0;
  });
});

describe('Inbox', () => {
  const question = { id: '00000000-0000-4000-8000-000000000020', pattern: 'https://crm.example/refunds/:id', title: 'How do I refund an order?', answerId: null };
  const answer = (id: string, actor: { id: string; name: string }, readAt: string | null = null): InboxItem => ({
    id: `00000000-0000-4000-8000-00000000003${id}`,
    kind: 'answer_posted',
    createdAt: `2026-11-30T10:0${9 - Number(id)}:00.000Z`,
    readAt,
    note: null,
    question,
    actor,
  });

  it('shows the answers to one question as one entry naming who answered; opening it marks them all read', async () => {
    const [ben, ada] = [{ id: 'u-ben', name: 'Ben Okafor' }, { id: 'u-ada', name: 'Ada Lovelace' }];
    const items = [answer('1', ben), answer('2', ada), answer('3', ben, '2026-11-30T11:00:00.000Z')];
    routes['GET /inbox'].mockResolvedValue({ items, unread: 2 });
    routes['POST /inbox/read'].mockResolvedValue({ ok: true });
    render(<Inbox />);
    const entries = await screen.findAllByTestId('inbox-item');
    expect(entries).toHaveLength(1);
    expect(entries[0]!.textContent).toContain('3 answers, 2 new · Ben Okafor and Ada Lovelace');
    expect(entries[0]!.textContent).toContain('“How do I refund an order?”');
    fireEvent.click(screen.getByRole('button', { name: /3 answers/ }));
    await waitFor(() => expect(entries[0]!.classList.contains('unread')).toBe(false));
    expect(routes['POST /inbox/read']).toHaveBeenCalledTimes(1);
    expect(routes['POST /inbox/read']).toHaveBeenCalledWith({ json: { ids: [items[0]!.id, items[1]!.id] } });
  });
});

describe('ExpertList', () => {
  const expert = (who: { id: string; name: string }, pattern: string, screenName: string | null): Expert => ({
    id: `e-${who.id}`, user: who, scopeId: 's', pattern, screen: screenName, createdAt: '',
  });

  it("names each expert's screen, shows their initials, and asks one of them by name, never me", () => {
    const [ben, dave] = [{ id: 'u-ben', name: 'Ben Okafor' }, { id: 'u-dave', name: 'Dave' }];
    const asked: (string | null)[] = [];
    render(
      <ExpertList
        experts={[expert(ben, 'https://crm.example/accounts/:id', 'Account'), expert(dave, 'https://crm.example/invoices/*', null), expert(me.value!.user, 'https://crm.example/accounts/*', 'Account')]}
        onAsk={(first) => asked.push(first)}
      />,
    );
    const rows = screen.getAllByTestId('expert');
    expect(rows.map((r) => r.querySelector('.avatar')?.textContent)).toEqual(['BO', 'D', 'A']);
    expect(rows[0]!.textContent).toContain('Expert for Account');
    expect(rows[1]!.textContent).toContain('Expert for pages under /invoices');
    expect(rows[0]!.textContent).not.toContain('https://');
    expect(rows[2]!.querySelector('button')).toBeNull(); // no "Ask" on my own row
    fireEvent.click(screen.getByRole('button', { name: 'Ask Ben Okafor' }));
    fireEvent.click(screen.getByRole('button', { name: 'Ask an expert' }));
    expect(asked).toEqual(['u-ben', null]);
  });

  it('says where a pattern that is no screen leads', () => {
    expect(expertFor({ pattern: 'https://crm.example/accounts/42', screen: null })).toBe('the page /accounts/42');
    expect(expertFor({ pattern: 'https://*.example/*', screen: null })).toBe('pages across sites');
  });
});
