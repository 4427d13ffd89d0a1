// @vitest-environment happy-dom
// Background refreshes that fail keep what the panel shows (the problem screen is for what the user asked).
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { InboxItem, LiveEvent, Question, QuestionSummary } from '@shared/contract';
import { ApiFailure } from '@shared/client';
import { fakeApi, type Handler } from '../../../server/fake-api';

vi.mock('wxt/browser', async () => ({ browser: (await import('wxt/testing/fake-browser')).fakeBrowser }));
vi.mock('../../../messaging', () => ({ askBackground: async () => null }));
const routes = {
  'GET /questions/{id}': vi.fn<Handler<'GET /questions/{id}'>>(),
  'GET /watches': vi.fn<Handler<'GET /watches'>>(),
  'GET /inbox': vi.fn<Handler<'GET /inbox'>>(),
  'POST /inbox/read-all': vi.fn<Handler<'POST /inbox/read-all'>>(),
  'POST /inbox/read': vi.fn<Handler<'POST /inbox/read'>>(),
};
const client = fakeApi(routes);
const liveListeners = new Set<(e: LiveEvent) => void>();
vi.mock('../live', async (original) => ({
  ...(await original<typeof import('../live')>()),
  onLive: (l: (e: LiveEvent) => void) => {
    liveListeners.add(l);
    return () => liveListeners.delete(l);
  },
}));
vi.mock('../store', async (original) => {
  const real = await original<typeof import('../store')>();
  return {
    ...real,
    api: () => client,
    // As the real one: a failure that is a state takes the panel to the problem screen.
    act: async <T,>(_what: string, run: (a: typeof client) => Promise<T>) => {
      try {
        return await run(client);
      } catch {
        real.view.value = 'problem';
        return undefined;
      }
    },
  };
});
const { view, me, status } = await import('../store');
const { unread } = await import('../live');
const { QuestionCard } = await import('./QuestionCard');
const { WatchToggle } = await import('./WatchToggle');
const { Inbox } = await import('./Inbox');

const blip = () => new ApiFailure('unreachable', 0, 'network_error', 'The server did not answer.');
const settle = () => new Promise((r) => setTimeout(r, 20));
const person = { id: 'u2', name: 'Ada' };
const summary = { id: 'q1', title: 'How?', status: 'open', answerCount: 0, author: person, createdAt: '2026-11-30T10:00:00Z', visibility: 'org', score: 0 } as unknown as QuestionSummary;
const question = { ...summary, body: 'Body text', routedTo: [], answers: [], votedByMe: false } as unknown as Question;

beforeEach(() => {
  view.value = 'ready';
  me.value = { user: { id: 'u1', name: 'Me', role: 'member' } } as never;
  for (const f of Object.values(routes)) f.mockReset();
});
afterEach(cleanup);

describe('QuestionCard', () => {
  it('a live refetch that fails keeps the question and the panel', async () => {
    routes['GET /questions/{id}'].mockResolvedValue(question);
    render(<QuestionCard summary={summary} pageKey="https://crm.example/a" />);
    fireEvent.click(screen.getByRole('button', { name: 'How?' }));
    await screen.findByText('Body text');
    routes['GET /questions/{id}'].mockRejectedValue(blip());
    for (const l of liveListeners) l({ id: '9', kind: 'answer.created', data: { questionId: 'q1' } } as unknown as LiveEvent);
    await settle();
    expect(routes['GET /questions/{id}']).toHaveBeenCalledTimes(2);
    expect(view.value).toBe('ready');
    expect(screen.getByText('Body text')).toBeTruthy();
  });
});

describe('WatchToggle', () => {
  it('shows nothing (no panel problem) when the watches cannot be loaded, and tries again on the next page', async () => {
    routes['GET /watches'].mockRejectedValueOnce(blip());
    const { rerender } = render(<WatchToggle pageKey="https://crm.example/a" screen={null} siteId="s" />);
    await settle();
    expect(screen.queryByRole('button')).toBeNull();
    expect(view.value).toBe('ready');

    routes['GET /watches'].mockResolvedValue([]);
    rerender(<WatchToggle pageKey="https://crm.example/b" screen={null} siteId="s" />);
    await screen.findByRole('button', { name: 'Watch this page' });
    // Fetched once per panel: another page asks nothing more.
    rerender(<WatchToggle pageKey="https://crm.example/c" screen={null} siteId="s" />);
    await screen.findByRole('button', { name: 'Watch this page' });
    expect(routes['GET /watches']).toHaveBeenCalledTimes(2);
  });
});

describe('Inbox', () => {
  const item = { id: 'i1', kind: 'answer_posted', createdAt: '2026-11-30T10:00:00Z', readAt: null, note: null, question: null, actor: null } as InboxItem;

  it('"Mark all read" says so only once the server has it, and the count goes to 0', async () => {
    routes['GET /inbox'].mockResolvedValue({ items: [item], unread: 1 });
    render(<Inbox />);
    const button = await screen.findByRole('button', { name: 'Mark all read' });
    routes['POST /inbox/read-all'].mockRejectedValueOnce(blip());
    fireEvent.click(button);
    await settle();
    expect(status.value).toBe('Could not mark as read. Try again.');
    expect(unread.value).toBe(1);

    routes['POST /inbox/read-all'].mockResolvedValue({ ok: true });
    fireEvent.click(await screen.findByRole('button', { name: 'Mark all read' }));
    await waitFor(() => expect(status.value).toBe('All marked read.'));
    expect(unread.value).toBe(0);
  });
});
