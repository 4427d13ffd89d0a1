// Live updates in the open panel: one event stream (live-stream.ts) for the page while the panel shows
// it signed in. Content events reload the page's context once things settle (debounced), which keeps the
// user's composer, drafts, focus and scroll where they are (nothing is remounted); votes patch the score in
// place. New items by others are announced politely; the user's own are not (they know). The inbox count
// follows `inbox.changed` and goes to the background at once, for the toolbar badge.
import { computed, effect, signal } from '@preact/signals';
import type { LiveEvent, PageContext } from '@shared/contract';
import { LiveStreamClient, type StreamState } from './live-stream';
import { askBackground } from '../../messaging';
import { announce, api, context, load, me, page, problem, view } from './store';

/** Unread inbox items; null until known. */
export const unread = signal<number | null>(null);
/** Bumped when everything must be fetched again (the stream is live, a `reset`). */
export const resyncs = signal(0);

type Listener = (event: LiveEvent) => void;
const listeners = new Set<Listener>();

/** Hears every live event (an open question refreshes itself, the inbox reloads); returns the unsubscribe. */
export function onLive(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function setUnread(n: number): void {
  if (unread.value === n) return;
  unread.value = n;
  void askBackground('inbox:unread', { unread: n }).catch(() => undefined);
}

const REFRESH_DEBOUNCE_MS = 300;
let refreshTimer: ReturnType<typeof setTimeout> | undefined;
let pending: LiveEvent[] = [];

function scheduleRefresh(event: LiveEvent): void {
  pending.push(event);
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(() => void refresh(), REFRESH_DEBOUNCE_MS);
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** Reloads the context, then says what others added meanwhile. */
async function refresh(): Promise<void> {
  const events = pending;
  pending = [];
  const before = context.value;
  await load({ quiet: true });
  const after = context.value;
  if (!before || !after || after.pageKey !== before.pageKey || view.value !== 'ready') return;
  const mine = me.value?.user.id;
  const news: string[] = [];
  const known = new Set([...before.notes.map((n) => n.id), ...before.questions.map((q) => q.id)]);
  for (const n of after.notes) if (!known.has(n.id) && n.author.id !== mine) news.push(`New ${n.anchor ? 'tip' : 'note'} from ${n.author.name}.`);
  for (const q of after.questions) if (!known.has(q.id) && q.author.id !== mine) news.push(`New question from ${q.author.name}: ${q.title}`);
  for (const e of events) news.push(...(await answerNews(e, after, mine)));
  if (news.length) announce(news.join(' '));
}

async function answerNews(event: LiveEvent, ctx: PageContext, mine: string | undefined): Promise<string[]> {
  const questionId = str(event.data.questionId);
  const question = ctx.questions.find((q) => q.id === questionId);
  if (!question) return [];
  if (event.kind === 'answer.accepted' && event.data.answerId && question.author.id !== mine) {
    return [`${question.author.name} accepted an answer to “${question.title}”.`];
  }
  if (event.kind === 'answer.created') {
    const full = await api().call('GET /questions/{id}', { params: { id: question.id } }).catch(() => null);
    const answer = full?.answers.find((a) => a.id === event.data.answerId);
    if (answer && answer.author.id !== mine) return [`${answer.author.name} answered “${question.title}”.`];
  }
  return [];
}

/** Someone voted: the new score, in place (my own votes are already shown). */
function patchScore(event: LiveEvent): void {
  const ctx = context.value;
  const { kind, id, score } = event.data;
  if (!ctx || typeof score !== 'number') return;
  if (kind === 'notes') context.value = { ...ctx, notes: ctx.notes.map((n) => (n.id === id ? { ...n, score } : n)) };
  else if (kind === 'questions') context.value = { ...ctx, questions: ctx.questions.map((q) => (q.id === id ? { ...q, score } : q)) };
}

function receive(event: LiveEvent): void {
  if (event.kind === 'inbox.changed') {
    if (typeof event.data.unread === 'number') setUnread(event.data.unread);
  } else if (event.kind === 'vote.changed') patchScore(event);
  else if (event.kind !== 'note.replied') scheduleRefresh(event);
  for (const listener of listeners) listener(event);
}

async function loadUnread(): Promise<void> {
  const inbox = await api().call('GET /inbox', { query: { unread: 'true' } }).catch(() => null);
  if (inbox) setUnread(inbox.unread);
}

function resync(): void {
  resyncs.value++;
  void load({ quiet: true });
  void loadUnread();
}

/** Follows the page the panel shows while signed in; a new page or session is a new stream. */
function follow(pageKey: string): () => void {
  const client = api();
  let state: StreamState = 'connecting';
  const stream = new LiveStreamClient({
    ticket: async () => (await client.call('POST /events/ticket')).ticket,
    url: (ticket, lastEventId) => client.url('GET /events', { query: { url: pageKey, ticket, lastEventId: lastEventId ?? undefined } }),
    onEvent: receive,
    // The server sends `reset` while catching up, before `ready`: going live right after resyncs anyway.
    onReset: () => {
      if (state === 'live') resync();
    },
    onEnd: () => {
      // The session ended on the server (expired, signed out elsewhere): say so, as a failed call would.
      problem.value = 'expired';
      view.value = 'problem';
    },
    onState: (next) => {
      state = next;
      if (next !== 'live') return;
      // From here on, changes arrive as events: what changed before the stream was live is fetched now
      // (the panel's first load may have raced a colleague's write). The context is read again as a
      // conditional request (ETag), so an unchanged page costs a 304. Back after a failure: the same.
      resync();
    },
  });
  stream.start();
  const wake = () => stream.wake();
  window.addEventListener('online', wake);
  return () => {
    window.removeEventListener('online', wake);
    clearTimeout(refreshTimer);
    pending = [];
    stream.close();
  };
}

/** Starts following; called once when the panel starts. The stream closes with the panel (its frame goes). */
export function startLive(): () => void {
  // The page key while signed in: the stream restarts only when it changes.
  const followed = computed(() => (me.value && page.value ? `${me.value.user.id} ${page.value.pageKey}` : null));
  return effect(() => {
    const key = followed.value && page.peek()?.pageKey;
    if (key) return follow(key);
  });
}
