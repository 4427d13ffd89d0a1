import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createElement, pageBody } from '../../host-page/document';

export interface OverlayRoot {
  /** Where our UI goes, inside the shadow root. */
  container: HTMLElement;
  /** The shadow host, the one element of ours in the page's document. */
  host: HTMLElement;
  /** Puts the shadow host at the end of the page's body. */
  mount(): void;
  /** Takes it all off the page (also when the extension is reloaded or updated). */
  remove(): void;
}

/**
 * The in-page layer's shadow root, in place of WXT's createShadowRootUi, which looks `document.createElement`
 * and `document.body` up on the page's document, where the page can clobber them (host-page/document.ts).
 * The host's CSS stops at the root, and its inherited styles with `:host { all: initial }`; keystrokes in
 * our UI stop there too, so the host app's shortcuts do not hear them.
 */
export function createOverlayRoot(ctx: ContentScriptContext, options: { mode: ShadowRootMode; css: string }): OverlayRoot {
  const host = createElement('alongside-overlay');
  const shadow = host.attachShadow({ mode: options.mode });
  const style = createElement('style');
  style.textContent = `:host { all: initial !important; }\n${options.css}`;
  const container = createElement('div');
  shadow.append(style, container);
  for (const type of ['keydown', 'keyup', 'keypress']) shadow.addEventListener(type, (e) => e.stopPropagation());
  const remove = () => {
    host.remove();
    container.replaceChildren();
  };
  ctx.onInvalidated(remove);
  return { container, host, mount: () => pageBody()?.append(host), remove };
}
