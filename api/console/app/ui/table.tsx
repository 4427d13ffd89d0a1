import type { ComponentChildren, Ref } from 'preact';

/**
 * A table that scrolls sideways on a narrow screen: a labelled region that takes focus, so the keyboard
 * can scroll it too. `columns` are the headers; `children` the rows (a row's first cell a `th scope="row"`).
 */
export function Table({ label, columns, bodyRef, children }: { label: string; columns: ComponentChildren[]; bodyRef?: Ref<HTMLTableSectionElement>; children: ComponentChildren }) {
  return (
    <div class="table-wrap" role="region" aria-label={label} tabIndex={0}>
      <table>
        <thead>
          <tr>
            {columns.map((column, i) => (
              <th key={i} scope="col">{column}</th>
            ))}
          </tr>
        </thead>
        <tbody ref={bodyRef}>{children}</tbody>
      </table>
    </div>
  );
}
