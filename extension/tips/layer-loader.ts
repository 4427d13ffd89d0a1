// The tip layer, loaded into this frame on first use: the background injects its script (tips:layer),
// which publishes its factory here (layer-slot.ts); it is then created with what its caller owns. The
// tab's page (entrypoints/content/) and the frames of other granted sites (entrypoints/frame-agent/)
// both load it so.
import { askBackground } from '../messaging';
import { publishedTipLayer } from './layer-slot';
import type { TipLayer, TipLayerHost } from './types';

export interface TipLayerLoader {
  /** Runs `use` with the layer, loading it first if it is not loaded yet. */
  use(use: (layer: TipLayer) => void): void;
  /** Whether the layer is loaded (or loading). */
  loaded(): boolean;
  /** Runs `use` with the layer only if it is loaded (or loading). */
  ifLoaded(use: (layer: TipLayer) => void): void;
  /** Stops the layer, if loaded; the next use loads it afresh. */
  stop(): void;
}

export function tipLayerLoader(host: () => TipLayerHost): TipLayerLoader {
  let layer: Promise<TipLayer> | null = null;
  const use = (fn: (layer: TipLayer) => void) => {
    layer ??= (async () => {
      if (!publishedTipLayer()) await askBackground('tips:layer', null);
      return publishedTipLayer()!(host());
    })();
    layer.then(fn, (err: unknown) => {
      layer = null; // try again next time
      console.warn('Alongside: the tip layer did not load', err);
    });
  };
  return {
    use,
    loaded: () => layer !== null,
    ifLoaded: (fn) => void (layer && use(fn)),
    stop() {
      if (layer) use((l) => l.stop());
      layer = null;
    },
  };
}
