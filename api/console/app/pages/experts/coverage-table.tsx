import { useState } from 'preact/hooks';
import type { Expert } from '@shared/contract';
import { Empty } from '@shared/ui/states';
import { Table } from '../../ui/table';
import type { Row } from './coverage';

/** An app's screens and patterns with their experts; those without one flagged, and a filter for them. */
export function CoverageTable({ rows, origin, onAssign, onRemove }: { rows: Row[]; origin: string; onAssign: (row: Row) => void; onRemove: (e: Expert) => void }) {
  const [onlyMissing, setOnlyMissing] = useState(false);
  const missing = rows.filter((r) => r.experts.length === 0).length;
  const shown = onlyMissing ? rows.filter((r) => r.experts.length === 0) : rows;
  if (rows.length === 0) {
    return <Empty title="No screens or patterns yet" message="Name the app's screens under Apps, or assign an expert from a page address above." />;
  }
  return (
    <div class="stack">
      <div class="row coverage-bar">
        <p class="grow" role="status">
          {missing === 0 ? 'Every screen and pattern has an expert.' : `${missing} of ${rows.length} without an expert.`}
        </p>
        <label class="field-inline">
          <input type="checkbox" checked={onlyMissing} onChange={(e) => setOnlyMissing(e.currentTarget.checked)} />
          Only those without an expert
        </label>
      </div>
      <div class="coverage">
        <Table label="Screens and patterns with their experts" columns={['Screen or pattern', 'Experts', <span class="sr-only">Actions</span>]}>
          {shown.map((row) => (
            <tr key={row.pattern} data-testid="coverage-row" data-missing={row.experts.length === 0 || undefined} class={row.experts.length === 0 ? 'missing' : ''}>
              <th scope="row">
                {row.screen ? <span class="row-name">{row.screen}</span> : <span class="muted">Pattern</span>}
                <span class="mono row-pattern">{row.pattern.replace(origin, '') || '/'}</span>
              </th>
              <td>
                {row.experts.length === 0 ? (
                  <span class="tag no-expert">No expert yet</span>
                ) : (
                  <ul class="expert-chips">
                    {row.experts.map(({ person, assignment }) => (
                      <li key={person.id}>
                        {person.name}
                        {assignment ? (
                          <button type="button" class="link danger" onClick={() => onRemove(assignment)} aria-label={`Remove ${person.name} from ${row.screen ?? row.pattern}`}>
                            Remove
                          </button>
                        ) : (
                          <span class="muted"> (through a wider pattern)</span>
                        )}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
              <td class="row-actions">
                <button type="button" class="secondary" onClick={() => onAssign(row)} aria-label={`Assign someone to ${row.screen ?? row.pattern}`}>
                  Assign someone
                </button>
              </td>
            </tr>
          ))}
        </Table>
      </div>
    </div>
  );
}
