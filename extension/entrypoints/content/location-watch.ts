import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/**
 * Calls `onChange(url)` with the page's URL now and whenever a single-page app changes it (pushState,
 * replaceState, back/forward, hash routes), once per distinct URL. `wxt:locationchange` fires before
 * location.href changes, hence its `newUrl`; popstate and hashchange catch what it may miss.
 */
export function watchLocation(ctx: ContentScriptContext, onChange: (url: string) => void): void {
  let last = '';
  const report = (url: string) => {
    if (url === last) return;
    last = url;
    onChange(url);
  };
  ctx.addEventListener(window, 'wxt:locationchange', (event) => report(event.newUrl.href));
  ctx.addEventListener(window, 'popstate', () => report(location.href));
  ctx.addEventListener(window, 'hashchange', () => report(location.href));
  report(location.href);
}
