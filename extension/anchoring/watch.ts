/**
 * Keeps anchoring results current while the page changes. Mutations only mark the watcher dirty
 * (a few operations per batch of records); the work happens later, at most once per interval, in
 * an idle period or an animation frame. A found element that is still attached and unchanged keeps
 * its result without re-anchoring; nothing runs while nothing changes.
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
  let interval = minInterval;
  let lastPass = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  /** Whether nodes or text were added since the last pass (what can make a missing anchor appear). */
  let grew = false;

  const pass = (all: boolean) => {
    const started = performance.now();
    const snapshot = new PageSnapshot(root);
    let changed = false;
    for (const id of results.keys()) if (!anchors.has(id)) changed = results.delete(id) || changed;
    for (const [id, anchor] of anchors) {
      const previous = results.get(id);
      if (!all && previous) {
        if (previous.status === 'found' && isUnchanged(previous.element, fingerprints.get(id))) continue;
        if (previous.status === 'not_found' && !grew) continue;
      }
      const next = anchorElement(root, anchor, { snapshot });
      if (next.status === 'found') fingerprints.set(id, fingerprint(next.element));
      else fingerprints.delete(id);
      if (!previous || !sameResult(previous, next)) changed = true;
      results.set(id, next);
    }
    grew = false;
    lastPass = performance.now();
    interval = Math.max(minInterval, (lastPass - started) / BUDGET);
    if (changed || all) onChange(new Map(results));
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

/** What re-anchoring would look at on the element itself: its text and its durable attributes. */
function fingerprint(el: Element): string {
  return `${el.localName}|${(el.textContent ?? '').slice(0, 500)}|${JSON.stringify(stableAttributes(el))}`;
}

function sameResult(a: AnchorResult, b: AnchorResult): boolean {
  return a.status === 'found' ? b.status === 'found' && a.element === b.element : b.status === 'not_found';
}
