/**
 * Keeps anchoring results current while the page changes. Mutations only mark the watcher dirty
 * (a few operations per batch of records); the work happens later, at most once per interval, in
 * an idle period or an animation frame. A found element that is still attached and unchanged, in
 * itself and around it, keeps its result without re-anchoring; nothing runs while nothing changes.
 */
import { anchorElement } from './anchor';
import { stableAttributes } from './attributes';
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

  /** Re-anchors what may have changed (`all`: everything); `only`: just these, now, between passes. */
  const pass = (all: boolean, only?: readonly Id[]) => {
    const started = performance.now();
    const snapshot = new PageSnapshot(root);
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
        fingerprints.set(id, fingerprint(next.element));
        neighbourhoods.set(id, neighbourhoodOf(next.element));
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
      if (result?.status !== 'found' || !records.some((r) => around.contains(r.target))) continue;
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
  observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
  pass(true);

  return {
    stop() {
      stopped = true;
      observer.disconnect();
      if (timer !== undefined) clearTimeout(timer);
    },
    refresh() {
      if (!stopped) pass(true);
    },
  };

  function isUnchanged(el: Element, print: string | undefined): boolean {
    const container = 'documentElement' in root ? root.documentElement : root;
    return el.isConnected && container.contains(el) && fingerprint(el) === print;
  }
}

/**
 * What re-anchoring would look at: the element's text and durable attributes, and the text around it.
 * A recycled row of a virtualized list keeps its button as it was and shows another record around it.
 */
function fingerprint(el: Element): string {
  const around = neighbourhoodOf(el);
  const own = el.textContent ?? '';
  return `${el.localName}|${own.slice(0, 500)}|${JSON.stringify(stableAttributes(el))}|${around === el ? '' : (around.textContent ?? '').slice(0, 300)}`;
}

/** The nearest ancestor (a few levels up) that shows more text than the element itself, else the element. */
function neighbourhoodOf(el: Element): Element {
  const own = el.textContent ?? '';
  let level = 0;
  for (let a = el.parentElement; a && level < 4; a = a.parentElement, level++) if ((a.textContent ?? '') !== own) return a;
  return el;
}

function sameResult(a: AnchorResult, b: AnchorResult): boolean {
  return a.status === 'found' ? b.status === 'found' && a.element === b.element : b.status === a.status;
}
