// Where to send someone for a URL pattern (an inbox item's, a notification's, a browsed note's): the page itself when the
// pattern names exactly one page, else the site's page that fits best: the fixed start of its path
// ("https://crm.example/accounts/:id" → "https://crm.example/accounts"), with `exact: false` so the UI
// can say the item is on "pages like" the pattern rather than pretend it is that one page.
import { parsePattern, patternOrigin, type CompiledComponent } from '@shared/urlpattern';

export interface PageLink {
  url: string;
  /** The pattern is this one page; false: one page of several it covers. */
  exact: boolean;
}

const fixed = (c: CompiledComponent): string | null => (c.kind === 'literal' ? c.literal : c.kind === 'empty' ? '' : null);
/** Query and fragment: a lone wildcard (what a pattern without `?` or `#` has) asks for nothing in particular. */
const fixedOrAny = (c: CompiledComponent): string | null => (c.kind === 'wildcard' ? '' : fixed(c));

/** The fixed start of a path pattern, cut back to whole segments. */
function pathPrefix(pathname: CompiledComponent): string {
  let text = '';
  for (const part of pathname.parts) {
    if (part.type === 'fixed-text' && part.modifier === 'none') {
      text += part.value;
      continue;
    }
    if (part.prefix !== '/') text = text.slice(0, text.lastIndexOf('/') + 1);
    break;
  }
  return text || '/';
}

export function pageLink(pattern: string): PageLink | null {
  let compiled;
  try {
    compiled = parsePattern(pattern);
  } catch {
    return null;
  }
  const origin = patternOrigin(compiled);
  if (!origin) return null;
  const [path, search, hash] = [fixed(compiled.pathname), fixedOrAny(compiled.search), fixedOrAny(compiled.hash)];
  if (path !== null && search !== null && hash !== null) {
    return { url: `${origin}${path}${search ? `?${search}` : ''}${hash ? `#${hash}` : ''}`, exact: true };
  }
  return { url: `${origin}${path ?? pathPrefix(compiled.pathname)}`, exact: false };
}
