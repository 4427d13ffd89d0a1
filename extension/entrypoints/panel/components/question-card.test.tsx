// @vitest-environment happy-dom
// A question's detail as its asker and as a colleague see it: who may vote, where the answer box is,
// and the acceptance controls. The API is the fake client of the contract; the drafts are real.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Answer, Question, QuestionSummary } from '@shared/contract';
import { fakeApi, type Handler } from '../../../server/fake-api';
import { ada, ben } from './test-fixtures';

vi.mock('wxt/browser', async () => ({ browser: (await import('wxt/testing/fake-browser')).fakeBrowser }));
vi.mock('../../../messaging', () => ({ askBackground: async () => null }));
const routes = { 'GET /questions/{id}': vi.fn<Handler<'GET /questions/{id}'>>() };
const client = fakeApi(routes);
vi.mock('../store', async (original) => ({
  ...(await original<typeof import('../store')>()),
  api: () => client,
  act: async <T,>(_what: string, run: (a: typeof client) => Promise<T>) => run(client),
}));
const { drafts, me } = await import('../store');
const { QuestionCard } = await import('./QuestionCard');

const pageKey = 'https://crm.example/accounts/7';
const at = '2026-11-30T10:00:00Z';
const answer: Answer = { id: 'a1', questionId: 'q1', body: 'The finance director.', author: ben, accepted: true, score: 1, votedByMe: false, createdAt: at, updatedAt: at };
const summary = (over: Partial<QuestionSummary> = {}): QuestionSummary => ({
  id: 'q1', scopeId: 's1', pattern: pageKey, title: 'Who signs?', visibility: 'org', teamId: null, status: 'answered', answerCount: 1,
  author: ada, score: 2, votedByMe: false, createdAt: at, updatedAt: at, ...over,
});
const detail = (s: QuestionSummary): Question => ({ ...s, body: 'For EMEA.', acceptedAnswerId: 'a1', answers: [answer], routedTo: [] });
const signIn = (who: typeof ada) => (me.value = { user: { ...who, email: 'x@x', role: 'member', disabled: false, createdAt: '' }, teams: [] });

async function open(s: QuestionSummary) {
  routes['GET /questions/{id}'].mockResolvedValue(detail(s));
  const shown = render(<QuestionCard summary={s} pageKey={pageKey} />);
  fireEvent.click(screen.getByRole('button', { name: s.title }));
  await screen.findByTestId('answer');
  return shown;
}

beforeEach(() => fakeBrowser.reset());
afterEach(cleanup);

describe('QuestionCard', () => {
  it('the asker of an answered question: her score as text, the answer box behind "Add an answer", acceptance withdrawn by a button', async () => {
    signIn(ada);
    await open(summary());
    const card = screen.getByTestId('question');
    // One vote button: on Ben's answer. Her question shows its score.
    expect(screen.getAllByRole('button', { name: /Helpful/ })).toHaveLength(1);
    expect(card.querySelector('.card-head .score')!.textContent).toBe('Helpful votes: 2');
    expect(screen.queryByRole('textbox', { name: 'Your answer' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Withdraw acceptance' }).className).toBe('secondary small');
    fireEvent.click(screen.getByRole('button', { name: 'Add an answer' }));
    const box = await screen.findByRole('textbox', { name: 'Your answer' });
    expect(document.activeElement).toBe(box);
    expect(screen.queryByRole('button', { name: 'Add an answer' })).toBeNull();
  });

  it('a colleague: a vote button on the question beside its details, the answer box open', async () => {
    signIn(ben);
    await open(summary());
    const card = screen.getByTestId('question');
    expect(card.querySelector('.card-head .vote')!.getAttribute('aria-pressed')).toBe('false');
    expect(screen.getByRole('textbox', { name: 'Your answer' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /acceptance|Accept answer/ })).toBeNull();
  });

  it('the asker of an open question answers at once; a draft of an answer to her answered one opens its box', async () => {
    signIn(ada);
    await open(summary({ status: 'open', id: 'q2' }));
    expect(screen.getByRole('textbox', { name: 'Your answer' })).toBeTruthy();
    cleanup();
    await drafts.save(pageKey, 'answer:q1', { body: 'Half an answer', savedAt: 1 });
    await open(summary());
    await waitFor(() => expect((screen.getByRole('textbox', { name: 'Your answer' }) as HTMLTextAreaElement).value).toBe('Half an answer'));
  });

  it('her open question answered while she writes (accepted on another device): her box stays', async () => {
    signIn(ada);
    const { rerender } = await open(summary({ status: 'open' }));
    fireEvent.input(screen.getByRole('textbox', { name: 'Your answer' }), { target: { value: 'Also: the CFO' } });
    rerender(<QuestionCard summary={summary()} pageKey={pageKey} />);
    expect((screen.getByRole('textbox', { name: 'Your answer' }) as HTMLTextAreaElement).value).toBe('Also: the CFO');
  });
});
