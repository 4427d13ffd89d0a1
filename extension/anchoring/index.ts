// The anchoring engine as a page sees it in the anchoring suites and benchmark (test/anchoring/page-entry.ts
// makes it the global `Anchoring`). The tip layer imports the modules it needs directly.
export { anchorElement } from './anchor';
export { describeElement } from './describe';
export { pinnability } from './pinnability';
export { PageSnapshot } from './snapshot';
export { watchAnchors } from './watch';
export type { Anchor } from './types';
