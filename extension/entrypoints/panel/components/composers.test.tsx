// @vitest-environment happy-dom
// Every composer reads its saved draft asynchronously, and a person (or a test) may type before it
// arrives. Here the draft store answers late on purpose (a gate the test opens after typing): what was
// typed stays, the submit button works at once, and a post before the answer does not bring it back.
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import type { ComponentChild } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Question, QuestionSummary } from '@shared/contract';
import { draftKey, type Draft, type DraftKind } from '../drafts';
import type { PinPick } from '../../../messaging';
import { fakeApi, type Handler } from '../../../server/fake-api';

vi.mock('wxt/browser', async () => ({ browser: (await import('wxt/testing/fake-browser')).fakeBrowser }));
vi.mock('../../../messaging', () => ({ askBackground: async () => null }));
const routes = {
  'GET /questions/{id}': vi.fn<Handler<'GET /questions/{id}'>>(),
  'GET /notes/{id}/replies': vi.fn<Handler<'GET /notes/{id}/replies'>>(),
};
const client = fakeApi(routes);
const post = vi.fn<(entry: unknown) => Promise<'sent' | 'pending' | 'rejected'>>();
vi.mock('../store', async (original) => ({
  ...(await original<typeof import('../store')>()),
  api: () => client,
  act: async <T,>(_what: string, run: (a: typeof client) => Promise<T>) => run(client),
  post,
}));
const { drafts, me } = await import('../store');
const { NoteComposer } = await import('./NoteComposer');
const { QuestionComposer } = await import('./QuestionComposer');
const { TipComposer } = await import('./TipComposer');
const { QuestionCard } = await import('./QuestionCard');
const { Discussion } = await import('./Discussion');

const pageKey = 'https://crm.example/accounts/7';
const person = { id: 'u2', name: 'Ada' };
const summary = { id: 'q1', title: 'How?', status: 'open', answerCount: 0, author: person, createdAt: '2026-11-30T10:00:00Z', visibility: 'org', score: 0 } as unknown as QuestionSummary;
const question = { ...summary, body: '', routedTo: [], answers: [], votedByMe: false } as unknown as Question;
const pick: PinPick = { pageKey, label: 'button “Merge”', anchor: { selector: [{ type: 'CssSelector', value: '#merge' }] }, repin: null };

interface Composer {
  name: string;
  kind: DraftKind;
  show: () => ComponentChild;
  /** Brings the composer on screen once rendered (the answer box shows in an open question). */
  open?: () => Promise<unknown>;
  /** The field typed into: its label and its draft field. */
  typed: { label: string; field: 'title' | 'body' };
  submit: string;
  /** A field of the draft left untouched: its label, its saved value, its empty value. */
  untouched?: { label: string; saved: Partial<Draft>; shows: string; empty: string };
}

const visibility = { label: 'Visible to', saved: { visibility: 'private', teamId: null }, shows: 'private', empty: 'org' } as const;
const composers: Composer[] = [
  {
    name: 'NoteComposer',
    kind: 'note',
    show: () => <NoteComposer pageKey={pageKey} onDone={() => undefined} />,
    typed: { label: 'Note', field: 'body' },
    submit: 'Post note',
    untouched: visibility,
  },
  {
    name: 'QuestionComposer',
    kind: 'question',
    show: () => <QuestionComposer pageKey={pageKey} experts={null} onDone={() => undefined} />,
    typed: { label: 'Question', field: 'title' },
    submit: 'Ask',
    untouched: { label: 'Details (optional)', saved: { body: 'Saved details' }, shows: 'Saved details', empty: '' },
  },
  {
    name: 'TipComposer',
    kind: 'tip',
    show: () => <TipComposer pick={pick} />,
    typed: { label: 'Tip', field: 'body' },
    submit: 'Post tip',
    untouched: visibility,
  },
  {
    name: 'the answer box of QuestionCard',
    kind: 'answer:q1',
    show: () => <QuestionCard summary={summary} pageKey={pageKey} />,
    open: async () => {
      fireEvent.click(screen.getByRole('button', { name: 'How?' }));
      await screen.findByRole('textbox', { name: 'Your answer' });
    },
    typed: { label: 'Your answer', field: 'body' },
    submit: 'Answer',
  },
  {
    name: 'the reply box of Discussion',
    kind: 'reply:n1',
    show: () => <Discussion noteId="n1" pageKey={pageKey} />,
    typed: { label: 'Your reply', field: 'body' },
    submit: 'Reply',
  },
];

// The draft store reads at once but answers only when the gate opens: a slow storage, on purpose.
let openGate: () => void = () => undefined;
let answers: Array<Promise<unknown>> = [];
beforeEach(() => {
  // Only the autosave's debounce is faked (advancing with real time), so a test can run it out at the end.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'], shouldAdvanceTime: true });
  const gate = new Promise<void>((resolve) => (openGate = resolve));
  const read = drafts.load.bind(drafts);
  answers = [];
  vi.spyOn(drafts, 'load').mockImplementation((...args) => {
    const answer = read(...args).then(async (saved) => {
      await gate;
      return saved;
    });
    answers.push(answer);
    return answer;
  });
  me.value = { user: { id: 'u1', name: 'Me', role: 'member' }, teams: [] } as never;
  post.mockReset().mockResolvedValue('pending');
  routes['GET /questions/{id}'].mockResolvedValue(question);
  routes['GET /notes/{id}/replies'].mockResolvedValue([]);
});
afterEach(async () => {
  cleanup();
  vi.restoreAllMocks();
  vi.useRealTimers();
  fakeBrowser.reset();
});

const field = (label: string) => screen.getByLabelText(label, { selector: 'input, textarea, select' }) as HTMLInputElement;
const submitButton = (name: string) => screen.getByRole('button', { name, exact: true }) as HTMLButtonElement;
const stored = async (kind: DraftKind) => {
  const key = draftKey(pageKey, kind);
  return ((await fakeBrowser.storage.local.get(key))[key] as Draft | undefined) ?? null;
};
/** The late answer arrives, and the composer renders what it made of it. */
const arrive = async () => {
  expect(answers.length).toBeGreaterThan(0);
  openGate();
  await act(async () => void (await Promise.all(answers)));
};

describe.each(composers)('$name, while its saved draft is still being read', (c) => {
  const show = async () => {
    render(<>{c.show()}</>);
    await c.open?.();
  };

  it('typed before an empty draft arrives: the text stays, the submit button is enabled at once', async () => {
    await show();
    fireEvent.input(field(c.typed.label), { target: { value: 'Typed first' } });
    expect(submitButton(c.submit).disabled).toBe(false);
    await arrive();
    expect(field(c.typed.label).value).toBe('Typed first');
    expect(submitButton(c.submit).disabled).toBe(false);
  });

  it('typed before a saved draft arrives: the typed field stays, the untouched ones take the draft', async () => {
    await drafts.save(pageKey, c.kind, { title: 'Saved title', body: 'Saved text', ...c.untouched?.saved, savedAt: 1 });
    await show();
    fireEvent.input(field(c.typed.label), { target: { value: 'Typed first' } });
    await arrive();
    expect(field(c.typed.label).value).toBe('Typed first');
    if (c.untouched) expect(field(c.untouched.label).value).toBe(c.untouched.shows);
    expect(submitButton(c.submit).disabled).toBe(false);
    // What is kept is what is shown: the typed field over the saved draft.
    await vi.runOnlyPendingTimersAsync();
    expect(await stored(c.kind)).toMatchObject({ ...c.untouched?.saved, [c.typed.field]: 'Typed first' });
  });

  it('posted before the draft arrived: the old draft does not come back, and none is kept', async () => {
    await drafts.save(pageKey, c.kind, { title: 'Old title', body: 'Old text', ...c.untouched?.saved, savedAt: 1 });
    await show();
    fireEvent.input(field(c.typed.label), { target: { value: 'Posted at once' } });
    fireEvent.click(submitButton(c.submit));
    await waitFor(() => expect(post).toHaveBeenCalledTimes(1)); // into the outbox
    await waitFor(async () => expect(await stored(c.kind)).toBeNull());
    await arrive();
    expect(field(c.typed.label).value).toBe('');
    if (c.untouched) expect(field(c.untouched.label).value).toBe(c.untouched.empty);
    await vi.runOnlyPendingTimersAsync(); // the autosave's debounce, had anything scheduled one
    expect(await stored(c.kind)).toBeNull();
  });
});
