// The app's owners (the last ring of its routed questions): listed, removed, and added by finding a person.
import { useId } from 'preact/hooks';
import type { Person, Site, SiteOwner } from '@shared/contract';
import { api, problemOf } from '../../api';
import { Loading, useLoad } from '../../ui/load';
import { Status, useStatus } from '../../ui/status';
import { PersonPicker } from '../people/person-picker';

export function Owners({ site }: { site: Site }) {
  const id = useId();
  const { loaded, reload, set } = useLoad(() => api('GET /sites/{id}/owners', { params: { id: site.id } }), [site.id]);
  const status = useStatus();
  const ownerIds = new Set(loaded.state === 'ready' ? loaded.data.map((o) => o.user.id) : []);

  const change = async (write: () => Promise<SiteOwner[]>, done: string) => {
    try {
      set(await write());
      status.ok(done);
    } catch (err) {
      status.error(problemOf(err));
    }
  };
  const add = (person: Person) => change(() => api('POST /sites/{id}/owners', { params: { id: site.id }, json: { userId: person.id } }), `${person.name} is now an owner of ${site.name}.`);
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
      <PersonPicker label="Add an owner" exclude={ownerIds} onPick={add} />
      <Status said={status.said} />
    </section>
  );
}
