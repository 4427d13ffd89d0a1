// One team: its members, removing one, adding people found by a search, and deleting the team.
import { useRef } from 'preact/hooks';
import type { Team } from '@shared/contract';
import { api, problemOf } from '../../api';
import { PersonPicker } from './person-picker';
import type { useStatus } from '../../ui/status';

type Props = { team: Team; onChanged: (team: Team) => void; onDelete: () => void; status: ReturnType<typeof useStatus> };

export function TeamCard({ team, onChanged, onDelete, status }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  const headingId = `team-${team.id}`;
  const members = new Set(team.members.map((m) => m.id));

  const add = async (person: { id: string; name: string }) => {
    try {
      onChanged(await api('POST /teams/{id}/members', { params: { id: team.id }, json: { userId: person.id } }));
      status.ok(`Added ${person.name} to ${team.name}.`);
    } catch (err) {
      status.error(`${person.name} was not added to ${team.name}: ${problemOf(err)}`);
    }
  };

  const remove = async (person: { id: string; name: string }) => {
    try {
      onChanged(await api('DELETE /teams/{id}/members/{userId}', { params: { id: team.id, userId: person.id } }));
      status.ok(`Removed ${person.name} from ${team.name}.`);
      heading.current?.focus(); // the Remove button that had the keyboard is gone
    } catch (err) {
      status.error(`${person.name} is still in ${team.name}: ${problemOf(err)}`);
    }
  };

  return (
    <section class="panel-box team" aria-labelledby={headingId}>
      <div class="team-head">
        <h3 id={headingId} ref={heading} tabIndex={-1}>
          {team.name} <span class="muted count">{team.members.length === 1 ? '1 member' : `${team.members.length} members`}</span>
        </h3>
        <button type="button" class="secondary danger" onClick={onDelete} aria-label={`Delete the team ${team.name}`}>Delete</button>
      </div>
      {team.members.length === 0 ? (
        <p class="muted">No members yet: add people below.</p>
      ) : (
        <ul class="members" aria-label={`Members of ${team.name}`}>
          {team.members.map((m) => (
            <li key={m.id}>
              <span>{m.name}</span>
              <button type="button" class="link" onClick={() => void remove(m)} aria-label={`Remove ${m.name} from ${team.name}`}>Remove</button>
            </li>
          ))}
        </ul>
      )}
      <PersonPicker label={`Add a person to ${team.name}`} exclude={members} onPick={add} />
    </section>
  );
}
