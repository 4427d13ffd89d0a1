// Wide blocks of colleague markdown (code, tables) scroll sideways inside their card instead of widening
// it. One that overflows is a focusable, named region, so a keyboard user can reach it and scroll it with
// the arrow keys (WCAG 2.1.1; axe's scrollable-region-focusable); one that fits is left out of the Tab order.
// Runs on the sanitized nodes: the wrapper and the attributes are ours, never the note's.

const NAMES = { PRE: 'Code, scrolls sideways', TABLE: 'Table, scrolls sideways' } as const;

/** Wraps each table in a scroller of ours (a table cannot scroll itself); the scrollers: pre and those. */
function scrollers(root: HTMLElement): HTMLElement[] {
  for (const table of root.querySelectorAll('table')) {
    const wrapper = document.createElement('div');
    wrapper.className = 'md-scroll';
    table.replaceWith(wrapper);
    wrapper.append(table);
  }
  return [...root.querySelectorAll<HTMLElement>('pre, .md-scroll')];
}

function mark(el: HTMLElement) {
  if (el.scrollWidth > el.clientWidth) {
    el.tabIndex = 0;
    el.setAttribute('role', 'region');
    el.setAttribute('aria-label', el.tagName === 'PRE' ? NAMES.PRE : NAMES.TABLE);
  } else {
    el.removeAttribute('tabindex');
    el.removeAttribute('role');
    el.removeAttribute('aria-label');
  }
}

/** Makes the wide blocks under `root` scroll regions, kept right as the card resizes; returns the stop. */
export function scrollRegions(root: HTMLElement): () => void {
  const blocks = scrollers(root);
  if (!blocks.length) return () => undefined;
  blocks.forEach(mark);
  const observer = new ResizeObserver(() => blocks.forEach(mark));
  blocks.forEach((b) => observer.observe(b));
  return () => observer.disconnect();
}
