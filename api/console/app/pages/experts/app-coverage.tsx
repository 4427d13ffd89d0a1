import { useEffect, useState } from 'preact/hooks';
import type { Expert, Person, Site } from '@shared/contract';
import { api } from '../../api';
import { Loading, type Loaded } from '../../ui/load';
import { coverageRows, uncoveredCandidates, type Row } from './coverage';
import { CoverageTable } from './coverage-table';

/** Reads what an app's rows need: its screens with their experts, its patterns with content, and who covers those. */
async function readRows(site: Site, assignments: Expert[]): Promise<Row[]> {
  const [screens, scopes] = await Promise.all([api('GET /sites/{id}/screens', { params: { id: site.id } }), api('GET /browse/sites/{id}', { params: { id: site.id } })]);
  const asked = await Promise.all(
    uncoveredCandidates(site, assignments, scopes).map(async (pattern): Promise<[string, Person[]]> => {
      // A pattern read as a page: someone on a wider pattern answers for it. One the API cannot read as a page has none.
      const experts = await api('GET /experts', { query: { url: pattern } }).catch(() => []);
      return [pattern, experts.map((e) => e.user)];
    }),
  );
  return coverageRows(site, screens, assignments, scopes, new Map(asked));
}

/**
 * One app's screens and patterns with their experts. Read again whenever the assignments change, keeping
 * the table on screen meanwhile (so the keyboard stays where it was after an action).
 */
export function AppCoverage({ site, assignments, onAssign, onRemove }: { site: Site; assignments: Expert[]; onAssign: (row: Row) => void; onRemove: (e: Expert) => void }) {
  const [rows, setRows] = useState<Loaded<Row[]>>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => setRows({ state: 'loading' }), [site.id]);
  useEffect(() => {
    let current = true;
    readRows(site, assignments).then(
      (data) => current && setRows({ state: 'ready', data }),
      (err: unknown) => current && setRows({ state: 'failed', message: err instanceof Error ? err.message : String(err) }),
    );
    return () => void (current = false);
  }, [site.id, assignments, attempt]);
  return (
    <Loading loaded={rows} retry={() => setAttempt((n) => n + 1)}>
      {(data) => <CoverageTable rows={data} origin={site.origin} onAssign={onAssign} onRemove={onRemove} />}
    </Loading>
  );
}
