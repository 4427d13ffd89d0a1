// Where the tip layer's script leaves its factory for the content script, in the extension's isolated
// world: under a symbol. A global name would not do: an element of the host page with that id
// (<div id="alongsideTipLayer">) shadows any name this world has not defined, and symbols are no names.
import type { CreateTipLayer } from './types';

const SLOT = Symbol.for('alongside.tipLayer');
type Slot = { [SLOT]?: CreateTipLayer };

export const publishTipLayer = (create: CreateTipLayer) => void ((globalThis as Slot)[SLOT] = create);
export const publishedTipLayer = (): CreateTipLayer | undefined => (globalThis as Slot)[SLOT];
