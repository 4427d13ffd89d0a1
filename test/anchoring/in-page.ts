/**
 * The test procedures that run inside the page (bundled with the engine): describe → mutate →
 * anchor, judged by the marker the mutation keeps on the real target.
 */
import { PageSnapshot, anchorElement, describeElement, pinnability, type Anchor } from '../../extension/anchoring/index';
import * as mutate from './fixtures/mutations';

export type Outcome = 'found' | 'not_found' | 'not_on_screen' | 'WRONG';
export type MutationName =
  | 'none'
  | 'hash-classes'
  | 'wrapper'
  | 'reorder'
  | 'reword'
  | 'remove'
  | 'lookalike-elsewhere'
  | 'removed+lookalike'
  | 'twin'
  | 'rerender';

export interface Rewording {
  text?: string;
  attribute?: [string, string];
  labelText?: string;
}

export interface Judged {
  outcome: Outcome;
  confidence?: number;
  reason?: string;
}

function query(selector: string): Element {
  const el = document.querySelector(selector);
  if (!el) throw new Error(`no element for ${selector}`);
  return el;
}

function apply(mutation: MutationName, target: Element, reword: Rewording | undefined, elsewhere: string): void {
  switch (mutation) {
    case 'none':
      return;
    case 'hash-classes':
      return mutate.hashClasses();
    case 'wrapper':
      return mutate.wrap(target);
    case 'reorder':
      return mutate.reorder(target);
    case 'reword':
      return mutate.reword(target, reword ?? {});
    case 'remove':
      return mutate.remove(target);
    case 'lookalike-elsewhere':
      return mutate.lookalikeElsewhere(target, query(elsewhere));
    case 'removed+lookalike':
      mutate.lookalikeElsewhere(target, query(elsewhere), true);
      return mutate.remove(target);
    case 'twin':
      return mutate.twin(target);
    case 'rerender':
      return mutate.rerender();
  }
}

/** The result judged against the marker: the right element, none, or a wrong one. */
function judge(anchor: Anchor, marker: string): Judged {
  const result = anchorElement(document, anchor);
  if (result.status === 'not_found') return { outcome: 'not_found', reason: result.reason, confidence: result.best?.confidence };
  if (result.status === 'not_on_screen') return { outcome: 'not_on_screen', reason: result.reason };
  const right = result.element.getAttribute(mutate.MARKER) === marker;
  if (right) return { outcome: 'found', confidence: result.confidence };
  const intended = document.querySelector(`[${mutate.MARKER}="${marker}"]`);
  const show = (el: Element | null) => el?.outerHTML.replace(/\s+/g, ' ').slice(0, 120) ?? 'removed';
  return { outcome: 'WRONG', confidence: result.confidence, reason: `found ${show(result.element)} instead of ${show(intended)}` };
}

/** One case of the matrix, on a freshly loaded fixture page. */
export function runCase(spec: { target: string; mutation: MutationName; reword?: Rewording; elsewhere: string }): Judged & { anchor: Anchor } {
  const target = query(spec.target);
  const anchor = describeElement(target);
  target.setAttribute(mutate.MARKER, 'target');
  apply(spec.mutation, target, spec.reword, spec.elsewhere);
  return { ...judge(anchor, 'target'), anchor };
}

/** Describes many elements (before a reload). */
export function describeAll(selectors: string[]): Anchor[] {
  return selectors.map((s) => describeElement(query(s)));
}

/** After a reload: marks the same elements, applies one mutation to each, and judges every anchor. */
export function mutateAndAnchor(selectors: string[], anchors: Anchor[], mutation: MutationName): Judged[] {
  const targets = selectors.map(query);
  targets.forEach((t, i) => t.setAttribute(mutate.MARKER, String(i)));
  if (mutation === 'hash-classes' || mutation === 'rerender') apply(mutation, document.body, undefined, 'body');
  else for (const t of targets) apply(mutation, t, undefined, 'body');
  return anchors.map((anchor, i) => judge(anchor, String(i)));
}

/** A plain structural path (`body > :nth-child(2) > …`), independent of the engine, to find the same element after a reload. */
function pathOf(el: Element): string {
  const steps: string[] = [];
  for (let e: Element | null = el; e && e !== document.body; e = e.parentElement) {
    steps.unshift(`:nth-child(${Array.from(e.parentElement?.children ?? []).indexOf(e) + 1})`);
  }
  return `body > ${steps.join(' > ')}`;
}

/**
 * Up to `perKind` visible elements of each kind, as paths: a varied sample of a real page. Only
 * pinnable elements are sampled, exactly what the pin UI allows: an element with indistinguishable
 * twins (see `pinnability`) is refused at pin time, so it never gets an anchor. `excludedForTwins`
 * counts the visible elements of these kinds left out for that reason.
 */
export function pickElements(kinds: string[], perKind: number): { selectors: string[]; excludedForTwins: number } {
  const snapshot = new PageSnapshot(document);
  const picked = new Set<Element>();
  const excluded = new Set<Element>();
  for (const kind of kinds) {
    const visible = Array.from(document.querySelectorAll(kind)).filter((el) => (el as HTMLElement).offsetParent !== null && !picked.has(el));
    const pinnable = visible.filter((el) => {
      const ok = pinnability(el, { snapshot }).ok;
      if (!ok) excluded.add(el);
      return ok;
    });
    // Spread over the page rather than the first few.
    const step = Math.max(1, Math.floor(pinnable.length / perKind));
    for (let i = 0, n = 0; i < pinnable.length && n < perKind; i += step, n++) picked.add(pinnable[i]!);
  }
  return { selectors: Array.from(picked, pathOf), excludedForTwins: excluded.size };
}
