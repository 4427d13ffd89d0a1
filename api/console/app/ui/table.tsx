import type { ComponentChildren } from 'preact';

/**
 * A table that scrolls sideways on a narrow screen: a labelled region that takes focus, so the keyboard
 * can scroll it too.
 */
export function Table({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="table-wrap" role="region" aria-label={label} tabIndex={0}>
      <table>{children}</table>
    </div>
  );
}
