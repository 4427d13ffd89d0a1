import { pageLink } from '@shared/page-key';

/**
 * "Open the page" for an item's pattern: the page itself when the pattern is one page; for a pattern of
 * several pages (`/accounts/:id`) it says so, and opens the fixed start of its path, the one concrete
 * address known (the same link the panel's inbox follows).
 */
export function OpenPage({ pattern }: { pattern: string }) {
  const link = pageLink(pattern);
  if (!link) return <span class="muted">On pages of several hosts: no one page to open.</span>;
  if (link.exact) {
    return (
      <a href={link.url} target="_blank" rel="noopener noreferrer" class="open-page">
        Open the page<span class="sr-only"> (new tab)</span>
      </a>
    );
  }
  const url = new URL(link.url);
  return (
    <span class="open-page-many">
      <span class="muted">Applies to many pages: <span class="mono">{pattern.replace(url.origin, '')}</span>.</span>{' '}
      <a href={link.url} target="_blank" rel="noopener noreferrer" class="open-page">
        Open {url.pathname}<span class="sr-only"> (new tab)</span>
      </a>
    </span>
  );
}
