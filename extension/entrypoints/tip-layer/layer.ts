/**
 * The tip layer (see tips/types.ts): loads the page's tips from the background, anchors them as the page
 * changes (anchoring/watch: batched, idle-time, nothing while nothing changes), draws their markers,
 * tells the background what it found (for the panel, and once per page view per tip for the API),
 * and runs pin mode.
 */
import { flatContains, leaveOut } from '../../anchoring/composed';
import { describeElement } from '../../anchoring/describe';
import { createElement } from '../../host-page/document';
import type { AnchorResult } from '../../anchoring/types';
import { watchAnchors, type AnchorWatcher } from '../../anchoring/watch';
import type { Anchor } from '@shared/contract/anchors';
import type { PanelTarget, TabPage, TipOutcome, TipSummary } from '../../messaging/types';
import { describeAnchor } from '../../tips/anchor-words';
import { createMarkers } from './markers';
import { anchoredWords, outcomeOf, PageViewReports } from './outcomes';
import { startPinMode, type PinMode } from './pin-mode';
import css from './tips.css?inline';
import type { CreateTipLayer } from '../../tips/types';

/** How long a page may take to draw the element of a tip before the tip counts as not found. */
const SETTLE_MS = 3000;

export const createTipLayer: CreateTipLayer = (host) => {
  // Everything the layer draws lives in one element of the shadow root, removed on stop.
  const root = createElement('div');
  root.className = 'tip-layer';
  const style = createElement('style');
  style.textContent = css;
  root.append(style);
  host.root.append(root);
  const shadowHost = (host.root.getRootNode() as ShadowRoot).host;
  // Anchoring and pin mode read the page through open shadow roots: ours (open in the end-to-end build) is not the page's.
  leaveOut(shadowHost);
  /** Behind the app's modal dialog: inert, so neither marked nor offered by pin mode. */
  const blocked = (element: Element) => {
    const dialog = host.topLayer.blocker();
    return !!dialog && !flatContains(dialog, element);
  };
  const markers = createMarkers(root, (tipId) => void open(tipId), blocked);
  const stopFollowingTopLayer = host.topLayer.onChange(() => markers.refresh());

  let page: TabPage | null = null;
  let tips = new Map<string, TipSummary>();
  const anchors = new Map<string, Anchor>();
  let watcher: AnchorWatcher | null = null;
  let results = new Map<string, AnchorResult>();
  let reports = new PageViewReports();
  let viewStarted = 0;
  let settleTimer: ReturnType<typeof setTimeout> | undefined;
  let loading = 0;
  let pinning: PinMode | null = null;
  /** What `tips:anchored` last said (page key and outcomes): the same again is not sent. */
  let anchoredSent: string | null = null;

  const settled = () => performance.now() - viewStarted >= SETTLE_MS;

  /** The panel's target, then the panel; nothing when the background is gone (extension reloaded). */
  async function target(next: PanelTarget) {
    try {
      await host.ask('panel:target', next);
    } catch (err) {
      console.warn('Alongside: could not open the panel', err);
      return;
    }
    host.openPanel();
  }
  const open = (tipId: string) => target({ kind: 'tip', tipId });

  function newPageView() {
    reports = new PageViewReports();
    anchoredSent = null;
    viewStarted = performance.now();
    clearTimeout(settleTimer);
    // What was missing at first may have been drawn meanwhile; what is still missing now is reported.
    settleTimer = setTimeout(() => publish(), SETTLE_MS);
  }

  async function load() {
    const current = page;
    if (!current) return;
    const ticket = ++loading;
    const list = current.counts?.tips ? ((await host.ask('tips:page', { pageKey: current.pageKey }).catch(() => null)) ?? []) : [];
    if (ticket !== loading) return; // a newer load started meanwhile
    tips = new Map(list.map((t) => [t.id, t]));
    anchors.clear();
    for (const t of list) anchors.set(t.id, t.anchor);
    if (!anchors.size) {
      watcher?.stop();
      watcher = null;
      results = new Map();
      publish();
      return;
    }
    if (watcher) watcher.refresh();
    else watcher = watchAnchors(document, anchors, onResults);
  }

  function onResults(next: Map<string, AnchorResult>) {
    results = next;
    publish();
  }

  function publish() {
    if (!page) return;
    const placed = new Map<string, { tip: TipSummary; element: Element; outcome: TipOutcome }>();
    const outcomes: Record<string, TipOutcome> = {};
    for (const [id, result] of results) {
      const tip = tips.get(id);
      if (!tip) continue;
      const outcome = outcomeOf(result);
      outcomes[id] = outcome;
      if (result.status === 'found') placed.set(id, { tip, element: result.element, outcome });
    }
    markers.place(placed);
    // Until the page settles, "not found" may be "not drawn yet": the panel hears it after settling.
    if (settled() || Object.values(outcomes).every((o) => o !== 'not-found')) {
      const said = anchoredWords(page.pageKey, outcomes);
      if (said !== anchoredSent) {
        anchoredSent = said;
        void host.ask('tips:anchored', { pageKey: page.pageKey, outcomes }).catch(() => {
          if (anchoredSent === said) anchoredSent = null; // the next publish tries again
        });
      }
    }
    const due = reports.due(results, settled());
    if (due.length) void host.ask('tips:report', { pageKey: page.pageKey, reports: due }).catch(() => undefined);
  }

  return {
    show(next) {
      const previous = page;
      page = next;
      if (previous?.pageKey !== next.pageKey) {
        newPageView();
        results = new Map();
        markers.clear();
        void load();
      } else if (previous.counts?.tips !== next.counts?.tips) void load();
    },
    refresh() {
      void load();
    },
    pin(repin, granted) {
      pinning?.stop();
      // Pin mode runs in each frame of the tab that can point at its own elements: ending here ends it there.
      const ended = () => {
        pinning = null;
        void host.ask('pin:ended', null).catch(() => undefined);
      };
      pinning = startPinMode({
        root,
        host: shadowHost,
        blocked,
        granted,
        hint: host.frame === null,
        onPick: (element, selection) => {
          ended();
          if (!page) return;
          const described = describeElement(element, selection ? { selectedText: selection } : {});
          const anchor = host.frame === null ? described : { ...described, frame: host.frame };
          void target({ kind: 'pick', pick: { pageKey: page.pageKey, anchor, label: describeAnchor(anchor), repin } });
        },
        onCancel: () => {
          ended();
          host.restoreFocus();
        },
      });
    },
    unpin() {
      pinning?.stop();
      pinning = null;
    },
    stop() {
      loading++; // a load under way finds itself outdated
      pinning?.stop();
      watcher?.stop();
      watcher = null;
      clearTimeout(settleTimer);
      markers.clear();
      stopFollowingTopLayer();
      root.remove();
      page = null;
    },
  };
};
