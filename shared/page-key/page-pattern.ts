import { escapePatternString } from '@shared/urlpattern';

/**
 * The URL pattern that matches exactly one page key: what "a note on this page" is attached to. The
 * key's path, query and route are escaped, since `:`, `*`, `+`, `?`, `(` are pattern syntax there.
 */
export function patternForPageKey(pageKey: string): string {
  const url = new URL(pageKey);
  let pattern = `${url.protocol}//${url.host}${escapePatternString(url.pathname)}`;
  if (url.search) pattern += `?${escapePatternString(url.search.slice(1))}`;
  if (url.hash) pattern += `#${escapePatternString(url.hash.slice(1))}`;
  return pattern;
}
