export { anchorElement, type AnchorOptions } from './anchor';
export { describeElement } from './describe';
export { pinnability, type Pinnability } from './pinnability';
export { PageSnapshot } from './snapshot';
export { watchAnchors, type AnchorWatcher, type WatchOptions } from './watch';
export type * from './types';
