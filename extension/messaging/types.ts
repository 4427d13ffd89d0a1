/**
 * The messaging layer: how the extension's three programs talk. The content script (in the host page)
 * and the panel (an extension page the content script frames) ask the background, which owns the
 * session, each tab's page and the outbox; the background tells a tab's content script when its page
 * changes or the panel must open or close. Each message is one entry below: its name, what it
 * carries and what it answers. Nothing here crosses the network; payload types come from
 * shared/contract, so a change in the API contract shows up here as a type error.
 */
import type { CreateNoteRequest, CreateQuestionRequest, PageContext } from '../../shared/contract';

export type Counts = PageContext['counts'];

/** Why a page cannot show its content, each with its own look and way out. */
export type Problem = 'signed-out' | 'expired' | 'unreachable' | 'offline' | 'permission-revoked' | 'error';

/** What the background knows about one tab's page; kept in storage.session so a worker restart keeps it. */
export interface TabPage {
  tabId: number;
  /** The URL normalized by the site's rules: the only form of the address that leaves the browser. */
  pageKey: string;
  site: { id: string; name: string; origin: string };
  /** The site's name for this kind of page ("Account"), from its templates. */
  screen: string | null;
  counts: Counts | null;
  problem: Problem | null;
}

/** A write waiting in the outbox, sent by the background when the API answers. */
export type OutboxEntry =
  | { kind: 'note'; pageKey: string; body: CreateNoteRequest }
  | { kind: 'question'; pageKey: string; body: CreateQuestionRequest }
  | { kind: 'answer'; pageKey: string; questionId: string; body: { body: string } };

export interface OutboxItem {
  id: string;
  entry: OutboxEntry;
  createdAt: number;
  attempts: number;
  nextAttemptAt: number;
  /** Why the last attempt failed; `rejected` items are kept for the user to copy or discard. */
  lastError: { kind: 'retrying' | 'rejected'; message: string } | null;
}

/** Requests to the background: `request` is what the sender passes, `response` what it gets back. */
export interface BackgroundRequests {
  /** content → background: this tab is now at `url` (first load or SPA navigation). null: not a granted site. */
  'page:located': { request: { url: string }; response: TabPage | null };
  /** panel → background: the page of the tab the panel is in (from sender.tab, never from the panel's URL). */
  'panel:page': { request: null; response: TabPage | null };
  /** panel → background: the panel loaded fresh counts for its page; update the badge and the launcher. */
  'panel:counts': { request: { pageKey: string; counts: Counts }; response: null };
  /** panel → background: close the panel of my tab (Escape, close button). */
  'panel:close': { request: null; response: null };
  /** panel → background: queue a write; answers the item after a first attempt to send it. */
  'outbox:add': { request: OutboxEntry; response: OutboxItem | null };
  /** panel → background: discard a rejected or pending item. */
  'outbox:discard': { request: { id: string }; response: null };
  /** panel, options → background: try sending the outbox now (panel reopened, back online). */
  'outbox:flush': { request: null; response: null };
  /** options → background: session, server or grants changed; re-register the content script. */
  'sites:sync': { request: null; response: null };
}

/** Messages from the background to a tab's content script (top frame only). */
export interface TabMessages {
  /** null: the page is no longer on a granted site (turned off, permission removed): take the UI away. */
  'page:update': TabPage | null;
  'panel:toggle': null;
  'panel:close': null;
}
