/**
 * The messaging layer: how the extension's three programs talk. The content script (in the host page)
 * and the panel (an extension page the content script frames) ask the background, which owns the
 * session, each tab's page and the outbox; the background tells a tab's content script when its page
 * changes or the panel must open or close. Each message is one entry below: its name, what it
 * carries and what it answers. Nothing here crosses the network; payload types come from
 * shared/contract, so a change in the API contract shows up here as a type error.
 */
import type { Anchor, CreateNoteRequest, CreateQuestionRequest, Note, PageContext } from '@shared/contract';

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
  | { kind: 'answer'; pageKey: string; questionId: string; body: { body: string } }
  | { kind: 'reply'; pageKey: string; noteId: string; body: { body: string } };

export interface OutboxItem {
  id: string;
  entry: OutboxEntry;
  /**
   * The write's Idempotency-Key: made when it is queued, sent with every attempt. A resend of a write the
   * server already did (its answer was lost, or the worker stopped before recording it) does nothing again.
   */
  key: string;
  createdAt: number;
  attempts: number;
  nextAttemptAt: number;
  /** Why the last attempt failed; `rejected` items are kept for the user to copy or discard. */
  lastError: { kind: 'retrying' | 'rejected'; message: string } | null;
}

/**
 * A tip as the in-page layer needs it: where it is pinned, and nothing a colleague wrote (no text, no
 * author). The layer draws in the host page's document, which the host's scripts can search
 * (window.find reaches into closed shadow roots): what a tip says is read in the panel only.
 */
export interface TipSummary {
  id: string;
  anchor: Anchor;
  possiblyOutdated: Note['possiblyOutdated'];
}

/**
 * What anchoring found for a tip on this page view: low-confidence tips still show, marked as unsure;
 * `not-on-screen`: its record is not shown in a scrolling list now (anchoring/types.ts).
 */
export type TipOutcome = 'found' | 'low-confidence' | 'not-found' | 'not-on-screen';

/** This tab's anchoring outcomes, for the panel ("Not found on this page"); kept in storage.session. */
export interface TipAnchoring {
  pageKey: string;
  outcomes: Record<string, TipOutcome>;
}

/** An element the user picked in pin mode, described for anchoring, with words for what it is. */
export interface PinPick {
  pageKey: string;
  anchor: Anchor;
  /** "button “Merge account”", "the text “Net 30” in a select": shown in the composer. */
  label: string;
  /** Set when re-pinning that tip; otherwise the pick is for a new tip. */
  repin: string | null;
}

/** What the panel should show when it opens or is open: a tip's discussion, or a pick to write a tip for. */
export type PanelTarget = { kind: 'tip'; tipId: string } | { kind: 'pick'; pick: PinPick };

/** A keyboard shortcut of the extension (manifest `commands`), as the person has bound it now. */
export interface Shortcut {
  name: string;
  description: string;
  /** "Alt+Shift+A"; empty when the person removed the binding (or the browser gave it to something else). */
  shortcut: string;
}

/**
 * What an open panel follows of its tab, from the background over the panel's port (PANEL_PORT), whole
 * each time a part changes: the page (its counts, a navigation), what anchoring found, what to show.
 */
export interface PanelState {
  page: TabPage | null;
  anchoring: TipAnchoring | null;
  target: PanelTarget | null;
}

/** The name of the port a panel opens to the background to follow its tab (background/panel-state.ts). */
export const PANEL_PORT = 'panel-state';

/** Requests to the background: `request` is what the sender passes, `response` what it gets back. */
export interface BackgroundRequests {
  /** content → background: this tab is now at `url` (first load or SPA navigation). null: not a granted site. */
  /** `moved`: an in-page move (history API, hash) of the page the content script started on, not a new view. */
  'page:located': { request: { url: string; moved: boolean }; response: TabPage | null };
  /**
   * content → background: I am framing the panel and will hand it `secret` (background/panel-frames.ts).
   * Only the frame that presents it is answered as the panel.
   */
  'panel:expect': { request: { secret: string }; response: null };
  /**
   * panel → background: I am the panel my content script framed (the secret it handed me): the page of my
   * tab (from sender.tab, never from the panel's URL). null: not that frame (a host page framed it), nothing.
   */
  'panel:page': { request: { secret: string }; response: { page: TabPage | null } | null };
  /**
   * panel → background: the panel loaded its page's context again: fresh counts (badge, launcher) and
   * tips (the markers load them from the background, which fetches no context of its own for that).
   */
  'panel:context': { request: { pageKey: string; counts: Counts; tips: TipSummary[] }; response: null };
  /** panel → background: close the panel of my tab (Escape, close button). */
  'panel:close': { request: null; response: null };
  /** panel → background: done with what my tab asked me to show (shown, posted or cancelled). */
  'panel:target-done': { request: null; response: null };
  /** panel → background: whether the browser still lets the extension reach the server (revoked: its own state). */
  'panel:server-granted': { request: null; response: boolean };
  /** panel → background: open this http(s) page in a new tab (an inbox item of another page). */
  'panel:open-tab': { request: { url: string }; response: null };
  /** panel → background: open the options page (sign in, reconnect). */
  'panel:options': { request: null; response: null };
  /** panel → background (as every panel request below: only from the tab's panel): queue a write; answers the item after a first attempt to send it. */
  'outbox:add': { request: OutboxEntry; response: OutboxItem | null };
  /** panel → background: discard a rejected or pending item. */
  'outbox:discard': { request: { id: string }; response: null };
  /** panel, options → background: try sending the outbox now (panel reopened, back online). */
  'outbox:flush': { request: null; response: null };
  /** options → background: session, server or grants changed; re-register the content script. */
  'sites:sync': { request: null; response: null };
  /**
   * panel → background: my live stream says the inbox now has `unread` unread items (badge at once;
   * a higher count also checks for items to notify about).
   */
  'inbox:unread': { request: { unread: number }; response: null };
  /** content → background: the extension's shortcuts as bound now (content scripts cannot read `commands`). */
  'commands:list': { request: null; response: Shortcut[] };
  /** content → background: put the tip layer (markers, pin mode: a separate script) into my tab. */
  'tips:layer': { request: null; response: null };
  /**
   * content → background: the tips of my tab's page, from the context its counts came from (no fetch).
   * null: not my tab's page now (not a granted site, or it moved on).
   */
  'tips:page': { request: { pageKey: string }; response: TipSummary[] | null };
  /** content → background: anchoring outcomes changed on my page (for the panel). */
  'tips:anchored': { request: TipAnchoring; response: null };
  /** content → background: report these outcomes to the API (once per page view per tip). */
  'tips:report': { request: { pageKey: string; reports: Array<{ id: string; found: boolean; confidence: number }> }; response: null };
  /** panel → background: enter pin mode in my tab (to pin a new tip, or re-pin `repin`). */
  'pin:start': { request: { repin: string | null }; response: null };
  /** content → background: show this in my tab's panel (a picked element, a tip's marker was clicked). */
  'panel:target': { request: PanelTarget; response: null };
  /** frame probe → background: my frame is another origin's than its parent: inject the frame script if its site is granted. */
  'frame:start': { request: null; response: null };
  /**
   * frame script → background: my frame (another site's, inside the tab's page) is at `url`. Its page key
   * by its site's rules when that site is granted too, with the tab's page (null until it is located);
   * null: not a granted site, the frame script stays idle.
   */
  'frame:located': { request: { url: string }; response: { frameKey: string; page: TabPage | null } | null };
  /** frame script → background: open my tab's panel (a marker in my frame was clicked, an element picked). */
  'panel:open': { request: null; response: null };
  /** content, frame script → background: pin mode ended here (a pick, a cancel): end it in the tab's other frames. */
  'pin:ended': { request: null; response: null };
}

/** Messages from the background to a tab's content script (top frame), some also to its frame scripts (frame-agents.ts). */
export interface TabMessages {
  /** null: the page is no longer on a granted site (turned off, permission removed): take the UI away. */
  'page:update': TabPage | null;
  'panel:toggle': null;
  'panel:close': null;
  /**
   * Enter pin mode (the shortcut, or the panel's "Pin a tip" / "Re-pin"). `granted`: the origins of other
   * sites' frames whose frame scripts run pin mode there (told too), so the page does not shield them.
   */
  'pin:start': { repin: string | null; granted: string[] };
  /** Pin mode ended in another frame of the tab (a pick or a cancel there). */
  'pin:stop': null;
  /** Open the panel (asked from a frame of the page). */
  'panel:open': null;
  /** The page's tips changed while their count did not (edited, re-pinned, verified): load them again. */
  'tips:refresh': null;
}
