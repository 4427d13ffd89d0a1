/**
 * Re-anchoring: gathers candidate elements from every description in an anchor, scores each
 * candidate against all of them, and reports the element only when one candidate is good enough
 * and clearly the best.
 */
import search from 'approx-string-match';
import { ATTRIBUTE_WEIGHTS, IDENTITY_ATTRIBUTES, TEXTUAL_ATTRIBUTES, stableAttributes } from './attributes';
import { flatContains, flatParent, innerTree, openShadowRoot } from './composed';
import { type CssPath, cssPath } from './css-path';
import { CONTEXT_SIZE, MAX_QUOTE } from './describe';
import { positionSimilarity } from './position';
import { DEFAULT_DECISION, IDENTICAL_COPY_CONTEXT, type DecideOptions, type Evidence, decide, score } from './score';
import { contextSimilarity, textSimilarity } from './similarity';
import { PageSnapshot, type Scope, queryAll } from './snapshot';
import type {
  Anchor,
  AnchorResult,
  AnchorRoot,
  AttributeSelector,
  PositionSelector,
  TextQuoteSelector,
} from './types';

interface AnchorOptions extends Partial<DecideOptions> {
  /** A snapshot shared by the anchors of one pass (only while the DOM does not change). */
  snapshot?: PageSnapshot;
}

/** Per source, how many candidates are taken: enough for look-alikes to show, bounded for big pages. */
const PER_SOURCE = 12;
/** How far around a candidate its neighbourhood text is read (wider than the stored context, for reorders). */
const NEIGHBOURHOOD = CONTEXT_SIZE * 2;
/** How many levels above matched text an element of the recorded tag is looked for. */
const TEXT_TO_ELEMENT_LEVELS = 6;
/** Occurrences of a quote considered before ranking them by their surrounding text. */
const MAX_OCCURRENCES = 200;
const ATTRIBUTE_QUERIES = ['data-testid', 'data-test', 'data-qa', 'data-cy', 'aria-label', 'name', 'title', 'placeholder', 'alt'];

interface Parts {
  css?: CssPath;
  quote?: TextQuoteSelector;
  attributes?: AttributeSelector;
  position?: PositionSelector;
  tag?: string;
}

function partsOf(anchor: Anchor): Parts {
  const parts: Parts = {};
  for (const s of anchor.selector) {
    if (s.type === 'CssSelector') parts.css ??= cssPath(s);
    else if (s.type === 'TextQuoteSelector') parts.quote ??= s;
    else if (s.type === 'AttributeSelector') parts.attributes ??= s;
    else parts.position ??= s;
  }
  parts.tag = parts.attributes?.tag ?? parts.position?.tag;
  return parts;
}

export function anchorElement(root: AnchorRoot, anchor: Anchor, options: AnchorOptions = {}): AnchorResult {
  const snapshot = options.snapshot ?? new PageSnapshot(root);
  const parts = partsOf(anchor);
  const cssHits = parts.css ? cssMatches(snapshot, parts.css) : [];
  const candidates = gather(snapshot, parts, cssHits);
  const scored = oneControlPerComponent([...candidates].map((candidate) => ({ candidate, score: score(evidence(snapshot, parts, cssHits, candidate)) })));
  const list = parts.quote?.prefix || parts.quote?.suffix ? listOfCopies(scored) : null;
  const decision = decide(scored, { ...DEFAULT_DECISION, ...options, inScrollingList: list !== null });
  if (!decision.found && list && scored.every((s) => !isCopy(s) || (s.score.context ?? 1) < IDENTICAL_COPY_CONTEXT)) {
    return { status: 'not_on_screen', reason: 'its look-alikes fill a list that scrolls, none on its record' };
  }
  if (!decision.found) {
    const best = decision.best && { element: decision.best.candidate, confidence: decision.best.confidence };
    return best ? { status: 'not_found', best, reason: decision.reason } : { status: 'not_found', reason: decision.reason };
  }
  const quote = parts.css?.refinedBy && locateQuote(snapshot, decision.candidate, parts.css.refinedBy);
  return quote
    ? { status: 'found', element: decision.candidate, confidence: decision.confidence, quote }
    : { status: 'found', element: decision.candidate, confidence: decision.confidence };
}

/**
 * A component and the control it renders in its shadow root are one control in one place (a button
 * component forwards its test id and label to its <button>): of a host and a candidate inside it that
 * shows the same (text and attributes), only the better one is kept, not counted as a look-alike.
 */
function oneControlPerComponent(scored: Scored[]): Scored[] {
  const hosts = scored.filter((s) => openShadowRoot(s.candidate));
  if (!hosts.length) return scored;
  const outdone = new Set<Element>();
  for (const host of hosts) {
    for (const inner of scored) {
      if (inner === host || !showsTheSame(inner, host) || !flatContains(host.candidate, inner.candidate)) continue;
      outdone.add(inner.score.confidence >= host.score.confidence ? host.candidate : inner.candidate);
    }
  }
  return scored.filter((s) => !outdone.has(s.candidate));
}

/** How alike a candidate must be in itself (text, attributes) to be the same control on another record. */
const SAME_CONTROL = 0.95;

type Scored = { candidate: Element; score: ReturnType<typeof score> };

const isCopy = (s: Scored) => s.score.own >= SAME_CONTROL;
const showsTheSame = (a: Scored, b: Scored) => Math.abs(a.score.own - b.score.own) < 0.01;

/**
 * The list that scrolls holding the element's copies (the same control on other records, two or more),
 * or null. There a record can move to another row or out of view (virtualized lists draw only the rows
 * in view), and is followed, or said to be off screen, by the text around it.
 */
function listOfCopies(scored: readonly Scored[]): Element | null {
  const copies = scored.filter(isCopy);
  if (copies.length < 2) return null;
  const first = copies[0]!.candidate;
  const list = scrollingAncestor(first) ?? virtualSpacer(first);
  return list && copies.every((s) => flatContains(list, s.candidate)) ? list : null;
}

/** A virtualized list's pool of rows in view is this small; a container with more children is no spacer. */
const MAX_POOL = 300;

/**
 * Where the page itself scrolls a virtualized list (a window virtualizer): the box sized for all its
 * records, taller than the window, whose children (the rows in view, or the one block holding them)
 * fill less than half of it. A laid-out page's containers are filled by what they hold.
 */
function virtualSpacer(el: Element): Element | null {
  const doc = el.ownerDocument;
  const viewHeight = doc.defaultView?.innerHeight ?? 0;
  for (let a = el.parentElement, level = 0; a && a !== doc.body && a !== doc.documentElement && level < 6; a = a.parentElement, level++) {
    const height = a.getBoundingClientRect().height;
    if (height < 1.5 * viewHeight || a.children.length > MAX_POOL) continue;
    let top = Infinity;
    let bottom = -Infinity;
    for (const child of Array.from(a.children)) {
      const box = child.getBoundingClientRect();
      if (!box.height) continue;
      top = Math.min(top, box.top);
      bottom = Math.max(bottom, box.bottom);
    }
    if (bottom - top < height / 2) return a;
  }
  return null;
}

/** The nearest ancestor that scrolls its overflowing content (not the page itself). */
function scrollingAncestor(el: Element): Element | null {
  const page = el.ownerDocument.documentElement;
  for (let a = flatParent(el); a && a !== page && a !== el.ownerDocument.body; a = flatParent(a)) {
    const style = getComputedStyle(a);
    const scrolls = (overflow: string) => overflow === 'auto' || overflow === 'scroll';
    if ((scrolls(style.overflowY) && a.scrollHeight > a.clientHeight + 1) || (scrolls(style.overflowX) && a.scrollWidth > a.clientWidth + 1)) return a;
  }
  return null;
}

/**
 * The elements the CSS path selects: each host's selector in the shadow roots of the hosts the one
 * before selected, then the element's own selector in the last ones.
 */
function cssMatches(snapshot: PageSnapshot, css: CssPath): Element[] {
  let scopes: Scope[] = [snapshot.root];
  for (const host of css.hosts) {
    scopes = scopes.flatMap((scope) => queryAll(scope, host, PER_SOURCE).map(innerTree).filter((s): s is Scope => s !== null));
  }
  return scopes.flatMap((scope) => queryAll(scope, css.value, PER_SOURCE)).slice(0, PER_SOURCE);
}

function gather(snapshot: PageSnapshot, parts: Parts, cssHits: Element[]): Set<Element> {
  const found = new Set<Element>(cssHits);
  const attributes = parts.attributes?.attributes ?? {};
  for (const [name, value] of Object.entries(attributes)) {
    if (!ATTRIBUTE_QUERIES.includes(name) && !/^data-[\w-]+$/.test(name)) continue;
    for (const el of snapshot.queryAll(`[${name}=${cssString(value)}]`, PER_SOURCE)) found.add(el);
  }
  if (attributes.id) for (const el of snapshot.queryAll(`[id=${cssString(attributes.id)}]`, PER_SOURCE)) found.add(el);
  if (attributes.href && parts.tag) {
    for (const el of snapshot.queryAll(`${parts.tag}[href*=${cssString(attributes.href)}]`, PER_SOURCE)) found.add(el);
  }
  if (attributes.label) {
    for (const label of snapshot.queryAll('label', 200)) {
      const control = (label as HTMLLabelElement).control;
      if (control && textSimilarity(label.textContent?.trim() ?? '', attributes.label) > 0.6) found.add(control);
    }
  }
  if (parts.quote?.exact && parts.tag) for (const el of textMatches(snapshot, parts.quote, parts.tag)) found.add(el);
  if (parts.position && validTag(parts.position.tag)) {
    for (const el of snapshot.positionsOf(parts.position.tag).at(parts.position, PER_SOURCE)) found.add(el);
  }
  return found;
}

/**
 * Elements of the recorded tag holding the quoted text: exact occurrences, else approximate ones;
 * when the text is common, the occurrences whose surrounding text matches the recorded one first.
 */
function textMatches(snapshot: PageSnapshot, quote: TextQuoteSelector, tag: string): Element[] {
  const text = snapshot.text.text;
  const exact = quote.exact;
  let hits: { start: number; end: number }[] = [];
  for (let at = text.indexOf(exact); at >= 0 && hits.length < MAX_OCCURRENCES; at = text.indexOf(exact, at + 1)) {
    hits.push({ start: at, end: at + exact.length });
  }
  if (hits.length === 0 && exact.length >= 4) {
    // Rewordings ("Send invoice" → "Send the invoice"): up to a third of the quote may differ.
    const matches = search(text, exact, Math.min(32, Math.ceil(exact.length / 3)));
    hits = matches.sort((a, b) => a.errors - b.errors).slice(0, MAX_OCCURRENCES);
  }
  if (hits.length > PER_SOURCE) {
    const prefix = quote.prefix ?? '';
    const suffix = quote.suffix ?? '';
    const agreement = (h: { start: number; end: number }) =>
      textSimilarity(prefix, text.slice(Math.max(0, h.start - prefix.length - 1), h.start)) +
      textSimilarity(suffix, text.slice(h.end, h.end + suffix.length + 1));
    hits = hits
      .map((h) => ({ h, a: agreement(h) }))
      .sort((x, y) => y.a - x.a)
      .slice(0, PER_SOURCE)
      .map((x) => x.h);
  }
  const elements: Element[] = [];
  for (const { start } of hits) {
    const node = snapshot.text.nodeAt(start);
    let el = node ? flatParent(node) : null;
    for (let level = 0; el && level < TEXT_TO_ELEMENT_LEVELS && el !== snapshot.root; level++, el = flatParent(el)) {
      if (el.localName === tag) {
        elements.push(el);
        break;
      }
    }
  }
  return elements;
}

function evidence(snapshot: PageSnapshot, parts: Parts, cssHits: Element[], el: Element): Evidence {
  const e: Evidence = { attributes: [] };
  const recorded = parts.attributes?.attributes ?? {};
  const actual = Object.keys(recorded).length > 0 ? stableAttributes(el) : {};
  for (const [name, value] of Object.entries(recorded)) {
    const now = actual[name];
    const same = now === undefined ? 0 : TEXTUAL_ATTRIBUTES.has(name) ? textSimilarity(value, now) : now === value ? 1 : 0;
    e.attributes.push({ weight: ATTRIBUTE_WEIGHTS[name] ?? (name.startsWith('data-') ? ATTRIBUTE_WEIGHTS.data! : 1), score: same });
  }
  const declared = IDENTITY_ATTRIBUTES.filter((name) => recorded[name] !== undefined && actual[name] !== undefined);
  e.identityConflict = declared.some((name) => actual[name] !== recorded[name]);
  e.identityMatch = declared.length > 0 && !e.identityConflict;
  e.weakIdentity = (parts.quote?.exact.length ?? 0) < 3 && !Object.keys(recorded).some((name) => (ATTRIBUTE_WEIGHTS[name] ?? 1.5) >= 1.5);
  const elementText = snapshot.text.textOf(el, MAX_QUOTE);
  if (parts.quote) {
    if (parts.quote.exact) e.text = textSimilarity(parts.quote.exact, elementText);
    e.context = contextAgreement(snapshot, parts.quote, el);
  }
  if (parts.css) {
    const hit = cssHits.includes(el) ? (cssHits.length === 1 ? 1 : 0.5) : 0;
    const refined = parts.css.refinedBy?.exact;
    e.cssIsStructural = [...parts.css.hosts, parts.css.value].some((v) => v.includes(':nth-'));
    e.css = hit && refined ? hit * (elementText.includes(refined) ? 1 : textSimilarity(refined, elementText)) : hit;
  }
  if (parts.position && parts.position.tag === el.localName) {
    const now = snapshot.positionsOf(el.localName).positionOf(el);
    e.position = now ? positionSimilarity(parts.position, now) : 0;
  } else if (parts.position) {
    e.position = 0;
  }
  if (parts.tag) e.tag = parts.tag === el.localName ? 1 : 0;
  return e;
}

/**
 * How well the text around the candidate agrees with the recorded context, side by side: on each
 * side, the better of the words nearby (neighbours reordered) and the characters right next to it
 * (rows of a table share many words but not the adjacent text); then the mean of the two sides.
 */
function contextAgreement(snapshot: PageSnapshot, quote: TextQuoteSelector, el: Element): number | undefined {
  const near = snapshot.text.contextOf(el, NEIGHBOURHOOD);
  const side = (stored: string, actual: string, adjacent: string) => {
    const words = contextSimilarity(stored, actual);
    return words === undefined ? undefined : Math.max(words, textSimilarity(stored.trim(), adjacent.trim()));
  };
  const prefix = quote.prefix ?? '';
  const suffix = quote.suffix ?? '';
  const before = side(prefix, near.prefix, near.prefix.slice(-prefix.length));
  const after = side(suffix, near.suffix, near.suffix.slice(0, suffix.length));
  if (before === undefined) return after;
  if (after === undefined) return before;
  return (before + after) / 2;
}

/** The refining quote inside the found element, as a Range (approximately, if it was reworded). */
function locateQuote(snapshot: PageSnapshot, el: Element, refinedBy: TextQuoteSelector): Range | undefined {
  const [start, end] = snapshot.text.span(el);
  const inside = snapshot.text.text.slice(start, end);
  let at = inside.indexOf(refinedBy.exact);
  let length = refinedBy.exact.length;
  if (at < 0) {
    const best = search(inside, refinedBy.exact, Math.ceil(refinedBy.exact.length / 3)).sort((a, b) => a.errors - b.errors)[0];
    if (!best) return undefined;
    at = best.start;
    length = best.end - best.start;
  }
  return snapshot.text.range(start + at, start + at + length);
}

function validTag(tag: string): boolean {
  return /^[a-z][a-z0-9-]*$/i.test(tag);
}

/** A CSS string literal. */
function cssString(value: string): string {
  return `"${value.replace(/["\\]/g, '\\$&').replace(/\n/g, '\\a ')}"`;
}
