// Bundled into the test pages as the global `Anchoring`: the engine plus the in-page test procedures.
export * from '../../extension/anchoring/index';
export * as cases from './in-page';
export * as grid from './in-page-grid';
export * as components from './in-page-components';
