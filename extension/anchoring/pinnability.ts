/**
 * Whether an element can be pinned: an anchor must be able to tell it apart from every other element
 * of the page by something other than where it sits. An element with an indistinguishable twin at pin
 * time (another element agreeing on everything the anchor records except its CSS path and position:
 * tag, recorded stable attributes, own text, and the text around it) cannot be found again reliably
 * once the page moves things around, so the pin UI refuses it and asks for a more distinctive element
 * or a text selection. Twins are looked for in open shadow roots too (repeated components).
 */
import { type ElementContent, contentOf } from './describe';
import { PageSnapshot } from './snapshot';

type Pinnability = { ok: true } | { ok: false; reason: 'indistinguishable_twins'; twins: number };

/** Runs once per pick: one pass over the elements of the element's tag, each compared until its first difference. */
export function pinnability(element: Element, options: { snapshot?: PageSnapshot } = {}): Pinnability {
  const snapshot = options.snapshot ?? new PageSnapshot(document);
  const own = contentOf(element, snapshot);
  let twins = 0;
  for (const other of snapshot.elementsOf(element.localName)) {
    if (other !== element && indistinguishable(own, contentOf(other, snapshot))) twins++;
  }
  return twins === 0 ? { ok: true } : { ok: false, reason: 'indistinguishable_twins', twins };
}

/**
 * The other element agrees on every recorded part (cheapest first). Attributes the anchor did not
 * record are not compared: re-anchoring does not look at them either.
 */
function indistinguishable(own: ElementContent, other: ElementContent): boolean {
  return (
    other.tag === own.tag &&
    other.exact === own.exact &&
    other.prefix === own.prefix &&
    other.suffix === own.suffix &&
    Object.entries(own.attributes).every(([name, value]) => other.attributes[name] === value)
  );
}
