/**
 * Turning per-description agreements into a confidence, and deciding between candidates. Plain
 * data in, plain data out: no DOM here.
 *
 * Each description present in the anchor contributes a weighted agreement in [0, 1]; the confidence
 * is their weighted mean. Descriptions of what the element *is* (attributes, text, the text around
 * it) are "content"; descriptions of where it *sits* (CSS path, position) are "structure", which
 * releases break most and which cannot tell two identical copies apart.
 */
const WEIGHTS = { text: 3, context: 2.5, css: 1.5, position: 1, tag: 1 } as const;

/** Context agreement below which the confidence is lowered (down to half, with no context in common). */
const MIN_CONTEXT = 0.5;
/**
 * Between identical-looking copies, the one at the recorded position wins only if its surroundings
 * still read as recorded: a re-sort can slide a look-alike into exactly the old position.
 */
export const IDENTICAL_COPY_CONTEXT = 0.9;
/** Context agreement on which a copy identical in itself is followed to another place (a moved record). */
const FOLLOWED_CONTEXT = 0.97;

export interface Evidence {
  /** Agreement on each recorded attribute, with that attribute's weight. */
  attributes: { weight: number; score: number }[];
  text?: number;
  context?: number;
  css?: number;
  /** The CSS selector is a structural path (`:nth-…`), which a re-sort or a new sibling points elsewhere. */
  cssIsStructural?: boolean;
  position?: number;
  tag?: number;
  /** The candidate carries a different test id or stable id than recorded: it says it is another element. */
  identityConflict?: boolean;
  /** The candidate carries the recorded test id or stable id: it says it is this element, wherever it now sits. */
  identityMatch?: boolean;
  /** The anchor records nothing distinctive of the element itself (no text of a word or more, no telling attribute). */
  weakIdentity?: boolean;
}

interface Score {
  confidence: number;
  /** The weighted mean of content descriptions alone. */
  content: number;
  /** The weighted mean of what the element itself shows (attributes and text, not its surroundings). */
  own: number;
  weakIdentity: boolean;
  /** Agreement with the recorded surrounding text, when the anchor records it. */
  context: number | undefined;
  /** Whether it stands at its recorded position (which, unlike CSS paths, survives class renames and wrappers). */
  structureIntact: boolean;
}

export function score(e: Evidence): Score {
  let content = 0;
  let contentWeight = 0;
  for (const a of e.attributes) {
    content += a.weight * a.score;
    contentWeight += a.weight;
  }
  const add = (value: number | undefined, weight: number) => {
    if (value === undefined) return;
    content += weight * value;
    contentWeight += weight;
  };
  add(e.text, WEIGHTS.text);
  const own = contentWeight === 0 ? 0 : content / contentWeight;
  add(e.context, WEIGHTS.context);
  let structure = 0;
  let structureWeight = 0;
  for (const [value, weight] of [
    [e.css, e.cssIsStructural ? WEIGHTS.css / 2 : WEIGHTS.css],
    [e.position, WEIGHTS.position],
    [e.tag, WEIGHTS.tag],
  ] as const) {
    if (value === undefined) continue;
    structure += weight * value;
    structureWeight += weight;
  }
  const total = contentWeight + structureWeight;
  let confidence = total === 0 ? 0 : (content + structure) / total;
  if (e.identityConflict) confidence *= 0.5;
  // In a wholly different neighbourhood, even a perfect copy is more likely another element, unless
  // it declares the same identity (a test id or stable id moves with the element).
  if (!e.identityMatch && e.context !== undefined && e.context < MIN_CONTEXT) confidence *= 0.5 + (0.5 * e.context) / MIN_CONTEXT;
  return {
    confidence,
    content: contentWeight === 0 ? 0 : content / contentWeight,
    own,
    weakIdentity: e.weakIdentity === true,
    context: e.context,
    structureIntact: e.position === undefined || e.position === 1,
  };
}

export interface DecideOptions {
  /** Minimum confidence to report an element. */
  threshold: number;
  /** How far ahead of the runner-up the best candidate must be. */
  margin: number;
  /**
   * The element's identical copies fill a list that scrolls (a grid's row buttons): its record may have
   * moved to another row, and is followed there on its surroundings.
   */
  inScrollingList?: boolean;
}

export const DEFAULT_DECISION: DecideOptions = { threshold: 0.65, margin: 0.1 };

type Decision<T> =
  | { found: true; candidate: T; confidence: number }
  | { found: false; best?: { candidate: T; confidence: number }; reason: string };

/**
 * The best candidate if it is good enough and unambiguous: clearly ahead of the runner-up overall,
 * and ahead on content too (two copies identical in content are ambiguous, whatever their places).
 */
export function decide<T>(scored: readonly { candidate: T; score: Score }[], options: DecideOptions = DEFAULT_DECISION): Decision<T> {
  const ranked = [...scored].sort((a, b) => b.score.confidence - a.score.confidence);
  // Among copies identical in themselves (the same button on every row), the one whose surroundings
  // read as recorded is the element, wherever it now sits: a re-sort or a virtualized list recycling its
  // rows moves a record, and the look-alike left at the old place scores on structure alone.
  // Elsewhere, a widget repeated on the page reads as alike, so only a scrolling list's rows are followed.
  const follows = (s: Score) => options.inScrollingList === true && readsAsRecorded(s);
  const amongItsRecord = ranked.find((s) => ranked[0] && follows(s.score) && sameOwn(s.score, ranked[0].score) && s.score.confidence >= options.threshold);
  if (amongItsRecord && amongItsRecord !== ranked[0]) {
    ranked.splice(ranked.indexOf(amongItsRecord), 1);
    ranked.unshift(amongItsRecord);
  }
  const top = ranked[0];
  if (!top) return { found: false, reason: 'no candidate element' };
  const best = { candidate: top.candidate, confidence: top.score.confidence };
  if (top.score.confidence < options.threshold) {
    return { found: false, best, reason: `best candidate's confidence ${top.score.confidence.toFixed(2)} is below ${options.threshold}` };
  }
  for (const other of ranked.slice(1)) {
    const contender = other.score.confidence >= options.threshold / 2;
    // Copies showing the same text and attributes (menu entries, pagination, row actions) are told
    // apart by their surroundings: the top one's read as recorded, clearly better than the other's.
    const identical = contender && sameOwn(top.score, other.score);
    if (identical && follows(top.score) && top.score.context! - (other.score.context ?? 1) >= options.margin) continue;
    if (top.score.confidence - other.score.confidence < options.margin) {
      return { found: false, best, reason: 'ambiguous: another element matches almost as well' };
    }
    if (contender && Math.abs(top.score.content - other.score.content) < options.margin / 2) {
      return { found: false, best, reason: 'ambiguous: another element has the same content in another place' };
    }
    // Otherwise identical copies are told apart only while the page keeps its structure and the
    // surroundings still read as recorded, and only if the element shows something of its own (a "»"
    // or an unlabelled icon is told apart by nothing).
    const surroundingsChanged = (top.score.context ?? 1) < IDENTICAL_COPY_CONTEXT;
    if (identical && (top.score.weakIdentity || !top.score.structureIntact || surroundingsChanged)) {
      return { found: false, best, reason: 'ambiguous: identical elements, and the page around them changed' };
    }
  }
  return { found: true, candidate: top.candidate, confidence: top.score.confidence };
}

const sameOwn = (a: Score, b: Score) => Math.abs(a.own - b.own) < 0.01;

/** The element shows something of its own, and the text around it reads as recorded, all but word for word. */
const readsAsRecorded = (s: Score) => !s.weakIdentity && s.context !== undefined && s.context >= FOLLOWED_CONTEXT;
