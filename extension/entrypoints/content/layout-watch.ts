// Tells the launcher when the page may have changed under it: resizes, scrolls (of the page or any
// container), DOM mutations, and loads (a frame showing another page changes nothing in ours: a frame of
// another site, once loaded, is controls the launcher must not cover; an image takes its size). A busy page mutates every frame, so the calls are coalesced: at most one
// per `interval`, in an animation frame (never in a hidden tab), after the last of a burst has arrived.
// The observers' own callbacks only set a flag.

export interface LayoutWatch {
  /** Asks for a check soon (e.g. the launcher's size changed), through the same coalescing. */
  poke(): void;
  stop(): void;
}

export function watchLayout(check: () => void, options: { interval: number; also?: Node[] }): LayoutWatch {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let frame: number | null = null;
  let last = -Infinity;

  const run = () => {
    frame = null;
    last = performance.now();
    check();
  };
  const poke = () => {
    if (timer !== null || frame !== null) return;
    const wait = Math.max(0, last + options.interval - performance.now());
    timer = setTimeout(() => {
      timer = null;
      frame = requestAnimationFrame(run);
    }, wait);
  };

  const mutations = new MutationObserver(poke);
  mutations.observe(document.documentElement, { childList: true, subtree: true, attributes: true, characterData: true });
  // Our own layer (tip markers come and go there): what is added, not the launcher's own moves.
  for (const node of options.also ?? []) mutations.observe(node, { childList: true, subtree: true });
  addEventListener('resize', poke, { passive: true });
  addEventListener('scroll', poke, { passive: true, capture: true });
  // Load events of elements do not reach the window: the document hears them.
  document.addEventListener('load', poke, { capture: true });

  return {
    poke,
    stop() {
      mutations.disconnect();
      removeEventListener('resize', poke);
      removeEventListener('scroll', poke, { capture: true });
      document.removeEventListener('load', poke, { capture: true });
      if (timer !== null) clearTimeout(timer);
      if (frame !== null) cancelAnimationFrame(frame);
      timer = frame = null;
    },
  };
}
