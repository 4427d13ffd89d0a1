// The app's owners (the last ring of its routed questions): listed, removed, and added by finding a person.
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { Site, SiteOwner, User } from '@shared/contract';
import { api, problemOf } from '../../api';
import { Loading, useLoad } from '../../ui/load';

const SEARCH_DEBOUNCE_MS = 250;

/** People whose name or email holds `q`, asked a moment after typing stops; the latest answer wins. */
function usePeople(q: string) {
  const [found, setFound] = useState<{ q: string; people: User[] } | { q: string; failed: string } | null>(null);
  useEffect(() => {
    if (!q.trim()) return void setFound(null);
    let current = true;
    const timer = setTimeout(async () => {
      try {
        const page = await api('GET /users', { query: { q: q.trim(), limit: 8 } });
        if (current) setFound({ q, people: page.items.filter((u) => !u.disabled) });
      } catch (err) {
        if (current) setFound({ q, failed: problemOf(err) });
      }
    }, SEARCH_DEBOUNCE_MS);
    return () => ((current = false), clearTimeout(timer));
  }, [q]);
  return found;
}

export function Owners({ site }: { site: Site }) {
  const id = useId();
  const { loaded, reload, set } = useLoad(() => api('GET /sites/{id}/owners', { params: { id: site.id } }), [site.id]);
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const search = useRef<HTMLInputElement>(null);
  const found = usePeople(q);
  const ownerIds = new Set(loaded.state === 'ready' ? loaded.data.map((o) => o.user.id) : []);

  const change = async (write: () => Promise<SiteOwner[]>, done: string) => {
    try {
      set(await write());
      setStatus({ ok: true, text: done });
      setQ('');
    } catch (err) {
      setStatus({ ok: false, text: problemOf(err) });
    }
    search.current?.focus(); // the row or result that was clicked is gone
  };
  const add = (person: User) => change(() => api('POST /sites/{id}/owners', { params: { id: site.id }, json: { userId: person.id } }), `${person.name} is now an owner of ${site.name}.`);
  const remove = (owner: SiteOwner) => change(() => api('DELETE /sites/{id}/owners/{userId}', { params: { id: site.id, userId: owner.user.id } }), `${owner.user.name} is no longer an owner.`);

  return (
    <section class="panel-box" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Owners</h2>
      <p class="muted">Owners answer for the whole app: questions nobody else takes reach them last.</p>
      <Loading loaded={loaded} retry={reload}>
        {(owners) =>
          owners.length === 0 ? (
            <p class="muted">No owner yet.</p>
          ) : (
            <ul class="people" aria-label="Owners">
              {owners.map((o) => (
                <li key={o.user.id}>
                  <span>{o.user.name}</span>
                  <button type="button" class="ghost danger" onClick={() => void remove(o)}>
                    Remove<span class="sr-only"> {o.user.name}</span>
                  </button>
                </li>
              ))}
            </ul>
          )
        }
      </Loading>
      <div class="field">
        <label for={id}>Add an owner</label>
        <input id={id} ref={search} type="search" autoComplete="off" placeholder="Name or email" value={q} aria-describedby={`${id}-found`} onInput={(e) => setQ(e.currentTarget.value)} />
      </div>
      <div id={`${id}-found`}>
        {found && 'failed' in found && <p class="field-error">{found.failed}</p>}
        {found && 'people' in found && (found.people.length === 0 ? (
          <p class="muted">Nobody matches “{found.q}”.</p>
        ) : (
          <ul class="people" aria-label="People found">
            {found.people.map((u) => (
              <li key={u.id}>
                <span>{u.name} <span class="muted">{u.email}</span></span>
                {ownerIds.has(u.id) ? (
                  <span class="muted">an owner</span>
                ) : (
                  <button type="button" class="secondary" onClick={() => void add(u)}>
                    Add<span class="sr-only"> {u.name}</span>
                  </button>
                )}
              </li>
            ))}
          </ul>
        ))}
      </div>
      <p role="status" class={status ? (status.ok ? 'ok' : 'field-error') : 'sr-only'}>{status?.text ?? ''}</p>
    </section>
  );
}
