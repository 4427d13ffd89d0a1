// The panel's state as signals, and the actions that change it. The page comes from the background
// (which knows the tab from sender.tab, and answers only the frame our content script made: claim.ts);
// content comes from the API, called from this extension page.
import { batch, computed, signal } from '@preact/signals';
import { browser } from 'wxt/browser';
import type { Me, PageContext } from '@shared/contract';
import type { ApiClient } from '@shared/client';
import { Drafts } from './drafts';
import { problemOf } from '../../server/problems';
import { sessionClient } from '../../server/settings';
import { askBackground, type OutboxEntry, type OutboxItem, type Problem, type TabPage } from '../../messaging';
import { tipSummaries } from '../../tips/summaries';
import { claimPage } from './claim';
import { followTab } from './tab-state';
import { leavePage, tipsState } from './tips-store';

type View = 'loading' | 'ready' | 'problem' | 'not-here';
export type Section = 'notes' | 'questions' | 'experts';

export const page = signal<TabPage | null>(null);
export const view = signal<View>('loading');
export const problem = signal<Problem | null>(null);
export const context = signal<PageContext | null>(null);
export const me = signal<Me | null>(null);
const outbox = signal<OutboxItem[]>([]);
export const section = signal<Section>('notes');
export const order = signal<'newest' | 'helpful'>('newest');
/** Announced by the live region. */
export const status = signal('');
/** Set by "Ask an expert" (or "Ask <name>": `first`, that person's id): the question composer shows whom it goes to. */
export const askingExperts = signal<{ first: string | null } | null>(null);

export const drafts = new Drafts(browser.storage.local);

/** The note whose discussion is on screen: its replies waiting in the outbox show there, not in the page's list. */
export const discussionShown = signal<string | null>(null);

const isReplyTo = (item: OutboxItem, noteId: string | null) => item.entry.kind === 'reply' && item.entry.noteId === noteId;

/** This page's items still in the outbox (but the replies its discussion on screen shows). */
export const pendingHere = computed(() =>
  outbox.value.filter((i) => i.entry.pageKey === page.value?.pageKey && !isReplyTo(i, discussionShown.value)),
);

/** The replies to a note still in the outbox. */
export const pendingReplies = (noteId: string) => outbox.value.filter((i) => isReplyTo(i, noteId));

let client: ApiClient | null = null;

/** The API client of the current session; a missing session shows the signed-out state. */
export function api(): ApiClient {
  if (!client) throw new Error('not signed in');
  return client;
}

export function announce(message: string) {
  status.value = '';
  queueMicrotask(() => (status.value = message));
}

/**
 * Loads the page's context (and who I am); every failure becomes a designed state. `quiet` (a background
 * reload: live events, the stream back): while this page's context is shown, a failure keeps it shown
 * (the stream's backoff brings it up to date), instead of the problem state taking the sections down.
 */
export async function load({ quiet = false }: { quiet?: boolean } = {}): Promise<void> {
  const current = page.value;
  if (!current) {
    view.value = 'not-here';
    return;
  }
  if (!context.value || context.value.pageKey !== current.pageKey) view.value = 'loading';
  const session = await sessionClient();
  client = session?.api ?? null;
  if (!session) {
    batch(() => {
      problem.value = 'signed-out';
      view.value = 'problem';
    });
    return;
  }
  try {
    // Offline, Firefox answers GETs from its HTTP cache (the context is kept there for its ETag): a page
    // loaded from it would pass for the current one. When the browser says it is offline, so does the panel.
    if (!navigator.onLine) throw new Error('The browser is offline');
    const [ctx, who] = await Promise.all([
      session.api.call('GET /context', { query: { url: current.pageKey } }),
      me.value ? me.value : session.api.call('GET /auth/me'),
    ]);
    if (page.value?.pageKey !== current.pageKey) return; // navigated meanwhile; that load wins
    batch(() => {
      context.value = ctx;
      me.value = who;
      problem.value = null;
      view.value = 'ready';
    });
    void shareContext(ctx);
  } catch (err) {
    if (quiet && context.value?.pageKey === current.pageKey) return;
    const granted = await askBackground('panel:server-granted', null).catch(() => true);
    batch(() => {
      problem.value = granted ? problemOf(err, navigator.onLine) : 'permission-revoked';
      view.value = 'problem';
    });
  }
}

/** Gives the background what the panel loaded: the badge, the launcher and the page's markers follow it. */
export const shareContext = (ctx: PageContext) =>
  askBackground('panel:context', { pageKey: ctx.pageKey, counts: ctx.counts, tips: tipSummaries(ctx.notes) });

/** Queues a write in the outbox (the background sends it) and says whether it went through. */
export async function post(entry: OutboxEntry): Promise<'sent' | 'pending' | 'rejected'> {
  const item = await askBackground('outbox:add', entry);
  await refreshOutbox();
  if (!item) {
    announce('Posted.');
    await load();
    return 'sent';
  }
  if (item.lastError?.kind === 'rejected') {
    announce(`Not posted: ${item.lastError.message}`);
    return 'rejected';
  }
  announce('Saved. It will be sent when the server is back.');
  return 'pending';
}

export async function discardPending(id: string) {
  await askBackground('outbox:discard', { id });
  await refreshOutbox();
}

async function refreshOutbox() {
  const { outbox: items } = await browser.storage.local.get('outbox');
  outbox.value = (items as OutboxItem[] | undefined) ?? [];
}

/** Runs an API action; a failure is announced and, if it is a state (expired, unreachable), shown. */
export async function act<T>(what: string, run: (a: ApiClient) => Promise<T>): Promise<T | undefined> {
  try {
    return await run(api());
  } catch (err) {
    const p = problemOf(err, navigator.onLine);
    if (p === 'error') announce(`${what} failed: ${err instanceof Error ? err.message : String(err)}`);
    else batch(() => {
      problem.value = p;
      view.value = 'problem';
    });
    return undefined;
  }
}

/** Retry: send what waits in the outbox, then load again. */
export async function retry() {
  view.value = 'loading';
  await askBackground('outbox:flush', null).catch(() => undefined);
  await refreshOutbox();
  await load();
}

/**
 * Closing removes this frame. It is asked for once the key press or click that led here is done (next
 * task): a frame removed while the browser awaits its answer to an input event loses that answer, and
 * CDP's Input.dispatchKeyEvent (a test's Escape press) never returns.
 */
export const closePanel = () => void setTimeout(() => void askBackground('panel:close', null));
export const openOptions = () => void askBackground('panel:options', null);

/** Wires the panel to its tab, storage and the network, once this frame is its tab's panel; called once at start. */
export async function start() {
  const mine = await claimPage();
  page.value = mine;
  if (mine) {
    followTab((state) => {
      tipsState(state);
      const next = state.page;
      if (next && next.pageKey !== page.value?.pageKey) {
        page.value = next;
        void leavePage(next.pageKey);
        void load();
      }
    });
  }
  browser.storage.local.onChanged.addListener((changes) => {
    if (changes.outbox) outbox.value = (changes.outbox.newValue as OutboxItem[] | undefined) ?? [];
    if (changes.session) {
      me.value = null;
      void load();
    }
  });
  window.addEventListener('online', () => void retry());
  // Reopening the panel is a good moment to send what waits.
  await askBackground('outbox:flush', null).catch(() => undefined);
  await refreshOutbox();
  await load();
}
