/**
 * Keeps anchoring results current while the page changes. Mutations only mark the watcher dirty
 * (a few operations per batch of records); the work happens later, at most once per interval, in
 * an idle period or an animation frame. A found element that is still attached and unchanged, in
 * itself and around it, keeps its result without re-anchoring; nothing runs while nothing changes.
 * Mutations inside open shadow roots are observed too (an observer on the document does not see them):
 * each root is observed once a pass finds it, and while a tip is missing a slow, backing-off scan looks
 * for roots attached with no change the observer could see (a component defined late upgrades elements
 * already in the page).
 */
import { anchorElement } from './anchor';
import { stableAttributes } from './attributes';
import { alive, isFrame } from '../host-page/frames';
import { flatContains, flatParent, flatText, innerTrees } from './composed';
import { PageSnapshot } from './snapshot';
import type { Anchor, AnchorResult, AnchorRoot } from './types';

interface WatchOptions {
  /** Minimum time between two passes, in ms (grown automatically when passes are slow). */
  minIntervalMs?: number;
}

export interface AnchorWatcher {
  stop(): void;
  /** Re-anchors everything now, re-reading the anchors map (after an SPA navigation, or tips added or removed). */
  refresh(): void;
}

/** How much of the main thread passes may take: after a pass of d ms, the next waits at least d / BUDGET. */
const BUDGET = 0.1;
/** The scan for shadow roots attached unseen: first after this long, then twice as long each time, up to the most. */
const ROOT_SCAN_MS = 1000;
const ROOT_SCAN_MAX_MS = 16_000;
const OBSERVED: MutationObserverInit = { subtree: true, childList: true, characterData: true, attributes: true };

export function watchAnchors<Id>(
  root: AnchorRoot,
  anchors: Map<Id, Anchor>,
  onChange: (results: Map<Id, AnchorResult>) => void,
  options: WatchOptions = {},
): AnchorWatcher {
  const minInterval = options.minIntervalMs ?? 200;
  const results = new Map<Id, AnchorResult>();
  /** Fingerprints of found elements, to tell an unchanged one at a glance. */
  const fingerprints = new Map<Id, string>();
  /** Where each found element's surroundings are read (its row, say): a mutation there is checked at once. */
  const neighbourhoods = new Map<Id, Element>();
  let interval = minInterval;
  let lastPass = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  /** Whether nodes or text were added since the last pass (what can make a missing anchor appear). */
  let grew = false;
  const observedRoots = new WeakSet<Node>();
  /** How elements' text is read for fingerprints: as shown once the page has open shadow roots, else (the same, faster) textContent. */
  let textOf: TextOf = lightText;
  let rootScan: ReturnType<typeof setTimeout> | undefined;
  let rootScanWait = ROOT_SCAN_MS;

  /** Observes the open shadow roots not observed yet; whether there were any. */
  const observeRoots = (roots: readonly Node[]) => {
    let added = false;
    for (const tree of roots) {
      if (observedRoots.has(tree)) continue;
      observedRoots.add(tree);
      textOf = flatText;
      observer.observe(tree, OBSERVED);
      added = true;
    }
    return added;
  };

  /** Re-anchors what may have changed (`all`: everything); `only`: just these, now, between passes. */
  const pass = (all: boolean, only?: readonly Id[]) => {
    const started = performance.now();
    const snapshot = new PageSnapshot(root);
    // Roots come with added nodes, or unseen (see scanForRoots).
    if (all || grew) observeRoots(snapshot.scopes.slice(1));
    let changed = false;
    for (const id of results.keys()) if (!anchors.has(id)) changed = results.delete(id) || changed;
    for (const [id, anchor] of anchors) {
      const previous = results.get(id);
      if (only && !only.includes(id)) continue;
      if (!all && !only && previous) {
        if (previous.status === 'found' && isUnchanged(previous.element, fingerprints.get(id))) continue;
        if (previous.status !== 'found' && !grew) continue;
      }
      const next = anchorElement(root, anchor, { snapshot });
      if (next.status === 'found') {
        fingerprints.set(id, fingerprint(next.element, textOf));
        neighbourhoods.set(id, neighbourhoodOf(next.element, textOf));
      } else {
        fingerprints.delete(id);
        neighbourhoods.delete(id);
      }
      if (!previous || !sameResult(previous, next)) changed = true;
      results.set(id, next);
    }
    if (!only) {
      grew = false;
      lastPass = performance.now();
      interval = Math.max(minInterval, (lastPass - started) / BUDGET);
    }
    if (changed || all) onChange(new Map(results));
    scanForRootsWhileMissing();
  };

  /** While a tip is missing: a root attached where the observer sees nothing may hold its element. */
  const scanForRootsWhileMissing = () => {
    const missing = [...results.values()].some((r) => r.status !== 'found');
    if (!missing || stopped) {
      clearTimeout(rootScan);
      rootScan = undefined;
      rootScanWait = ROOT_SCAN_MS;
      return;
    }
    if (rootScan !== undefined) return;
    rootScan = setTimeout(() => {
      rootScan = undefined;
      if (stopped) return;
      if (observeRoots(innerTrees(new PageSnapshot(root).root))) {
        rootScanWait = ROOT_SCAN_MS;
        grew = true;
        schedule();
      } else {
        rootScanWait = Math.min(ROOT_SCAN_MAX_MS, rootScanWait * 2);
        scanForRootsWhileMissing();
      }
    }, rootScanWait);
  };

  /**
   * Found elements whose surroundings a mutation touched and that now read otherwise (a virtualized
   * list recycled their row for another record): re-anchored at once, so that no marker stands on
   * another record until the next pass. Few are ever touched at once: only those rows.
   */
  const recheckTouched = (records: readonly MutationRecord[]) => {
    const touched: Id[] = [];
    for (const [id, around] of neighbourhoods) {
      const result = results.get(id);
      if (result?.status !== 'found' || !alive(around) || !records.some((r) => flatContains(around, r.target))) continue;
      if (!isUnchanged(result.element, fingerprints.get(id))) touched.push(id);
    }
    if (touched.length) pass(false, touched);
  };

  const run = () => {
    timer = undefined;
    if (!stopped) pass(false);
  };

  const schedule = () => {
    if (timer !== undefined || stopped) return;
    const wait = Math.max(0, lastPass + interval - performance.now());
    timer = setTimeout(() => {
      if (window.requestIdleCallback) window.requestIdleCallback(run, { timeout: 500 });
      else window.requestAnimationFrame(run);
    }, wait);
  };

  const observer = new MutationObserver((records) => {
    if (!grew) {
      for (const r of records) {
        if (r.type === 'characterData' || r.addedNodes.length > 0) {
          grew = true;
          break;
        }
      }
    }
    recheckTouched(records);
    schedule();
  });
  observer.observe(root, OBSERVED);
  // A frame that loads (at first, or another page) brings a document no observer sees change: like
  // added nodes, it may hold a missing tip's element, and a found one's may be gone.
  const onFrameLoad = (e: Event) => {
    if (!(e.target instanceof Element) || !isFrame(e.target)) return;
    grew = true;
    schedule();
  };
  root.addEventListener('load', onFrameLoad, { capture: true });
  pass(true);

  return {
    stop() {
      stopped = true;
      root.removeEventListener('load', onFrameLoad, { capture: true });
      observer.disconnect();
      if (timer !== undefined) clearTimeout(timer);
      clearTimeout(rootScan);
    },
    refresh() {
      if (!stopped) pass(true);
    },
  };

  function isUnchanged(el: Element, print: string | undefined): boolean {
    const container = 'documentElement' in root ? root.documentElement : root;
    return alive(el) && flatContains(container, el) && fingerprint(el, textOf) === print;
  }
}

/**
 * What re-anchoring would look at: the element's text and durable attributes, and the text around it.
 * A recycled row of a virtualized list keeps its button as it was and shows another record around it.
 */
function fingerprint(el: Element, textOf: TextOf): string {
  const around = neighbourhoodOf(el, textOf);
  return `${el.localName}|${textOf(el, 500)}|${JSON.stringify(stableAttributes(el))}|${around === el ? '' : textOf(around, 300)}`;
}

type TextOf = (el: Element, max: number) => string;
const lightText: TextOf = (el, max) => (el.textContent ?? '').slice(0, max);

/** The nearest ancestor (a few levels up, through shadow roots) that shows more text than the element itself, else the element. */
function neighbourhoodOf(el: Element, textOf: TextOf): Element {
  const own = textOf(el, 1000);
  let level = 0;
  for (let a = flatParent(el); a && level < 4; a = flatParent(a), level++) if (textOf(a, 1000) !== own) return a;
  return el;
}

function sameResult(a: AnchorResult, b: AnchorResult): boolean {
  return a.status === 'found' ? b.status === 'found' && a.element === b.element : b.status === a.status;
}
