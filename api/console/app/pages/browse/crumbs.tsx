import type { ComponentChildren } from 'preact';

/** Where one is in Browse: each step back a link, the current one last. */
export function Crumbs({ children }: { children: ComponentChildren }) {
  return (
    <nav aria-label="Breadcrumb" class="crumbs">
      <a href="/browse">All apps</a>
      {children}
    </nav>
  );
}
