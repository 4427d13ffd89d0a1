import type { Expert, Site } from '@shared/contract';
import { timeAgo } from '@shared/ui/format';
import { onSite } from './coverage';

/** People who offered to answer for some pages: an admin approves or declines each. */
export function Volunteers({ pending, sites, onApprove, onDecline }: { pending: Expert[]; sites: Site[]; onApprove: (e: Expert) => void; onDecline: (e: Expert) => void }) {
  if (pending.length === 0) return null;
  const appOf = (pattern: string) => sites.find((s) => onSite(pattern, s.origin));
  return (
    <section class="panel-box" aria-labelledby="volunteers-title">
      <h2 id="volunteers-title" tabIndex={-1}>
        Volunteers waiting ({pending.length})
      </h2>
      <ul class="volunteers">
        {pending.map((v) => {
          const app = appOf(v.pattern);
          return (
            <li key={v.id} class="volunteer" data-testid="volunteer">
              <span class="grow">
                <strong>{v.user.name}</strong> offers to answer for{' '}
                <span class="mono">{app ? v.pattern.replace(app.origin, '') || '/' : v.pattern}</span>
                {app && <span class="muted"> on {app.name}</span>}
                <span class="muted"> · <time dateTime={v.createdAt}>{timeAgo(v.createdAt)}</time></span>
              </span>
              <span class="actions">
                <button type="button" class="secondary" onClick={() => onDecline(v)} aria-label={`Decline ${v.user.name}`}>Decline</button>
                <button type="button" class="primary" onClick={() => onApprove(v)} aria-label={`Approve ${v.user.name}`}>Approve</button>
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
