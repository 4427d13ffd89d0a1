// The bundle's entry (engine-source.ts builds it): the engine on the sandbox's global, once per document.
import * as engine from './engine';

(globalThis as unknown as { __alongsideDriver: typeof engine }).__alongsideDriver = engine;
