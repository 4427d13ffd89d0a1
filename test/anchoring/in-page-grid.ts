/**
 * The virtualized grid's procedures, run in the page (fixtures/virtual-grid.html): pin the Approve
 * button of one record, then anchor it, or watch it as the grid scrolls and keep every answer given.
 */
import { anchorElement, describeElement, watchAnchors, type Anchor } from '../../extension/anchoring/index';

/** What anchoring said, with the record of the row it pointed into when it found an element. */
export interface Seen {
  status: 'found' | 'not_found' | 'not_on_screen';
  record?: string;
}

const recordOf = (el: Element) => el.closest('.row')?.querySelector('.name')?.textContent?.split(' ')[0] ?? '(no row)';

function approveOf(id: number): Element {
  const row = Array.from(document.querySelectorAll<HTMLElement>('.row')).find((r) => !r.hidden && recordOf(r.children[0]!) === `INV-${id}`);
  const button = row?.querySelector('button.approve');
  if (!button) throw new Error(`INV-${id} is not in view`);
  return button;
}

function seen(result: ReturnType<typeof anchorElement>): Seen {
  return result.status === 'found' ? { status: 'found', record: recordOf(result.element) } : { status: result.status };
}

export const describeApprove = (id: number): Anchor => describeElement(approveOf(id));

export const anchorNow = (anchor: Anchor): Seen => seen(anchorElement(document, anchor));

let latest: ReturnType<typeof anchorElement> | undefined;

/** Starts the tip layer's watcher on the anchor; `watched()` reads its latest answer now. */
export function watch(anchor: Anchor): void {
  watchAnchors(document, new Map([['tip', anchor]]), (results) => (latest = results.get('tip')));
}

/** The watcher's latest answer, its element's record read now: a kept element whose row was recycled shows the other record. */
export const watched = (): Seen | null => (latest ? seen(latest) : null);
