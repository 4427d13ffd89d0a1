// Teams: what content can be shared with (visibility "team"). Create one, see and change its members,
// delete it (with what was shared with it, so it asks first).
import type { RefObject } from 'preact';
import { useRef, useState } from 'preact/hooks';
import type { Team } from '@shared/contract';
import { Empty } from '@shared/ui/states';
import { api } from '../../api';
import { Field, FormError, useSubmit } from '../../ui/form';
import { Loading, useLoad } from '../../ui/load';
import { ConfirmDialog } from './confirm';
import { PeopleFrame } from './frame';
import { Status, useStatus } from '../../ui/status';
import { TeamCard } from './team-card';

export function TeamsPage() {
  const { loaded, reload, set } = useLoad(() => api('GET /teams'));
  const status = useStatus();
  const [deleting, setDeleting] = useState<Team | null>(null);
  const nameInput = useRef<HTMLInputElement>(null);
  const teams = loaded.state === 'ready' ? loaded.data : [];
  /** The team as the server now has it, in the list by name. */
  const put = (team: Team) => set([...teams.filter((t) => t.id !== team.id), team].sort((a, b) => a.name.localeCompare(b.name)));

  return (
    <PeopleFrame title="Teams" intro="People share notes and questions with a team as well as with everyone. A person can be in several teams.">
      <CreateTeam
        inputRef={nameInput}
        onCreated={(team) => {
          put(team);
          status.ok(`Created the team ${team.name}. Add its members below.`);
        }}
      />
      <Status said={status.said} />
      <Loading loaded={loaded} retry={reload}>
        {(list) =>
          list.length === 0 ? (
            <Empty title="No teams yet" message="Create one above, then add its members." />
          ) : (
            <div class="team-list">
              {list.map((team) => (
                <TeamCard key={team.id} team={team} onChanged={put} onDelete={() => setDeleting(team)} status={status} />
              ))}
            </div>
          )
        }
      </Loading>
      <ConfirmDialog
        title={`Delete the team ${deleting?.name ?? ''}?`}
        open={deleting !== null}
        action="Delete team"
        onClose={() => setDeleting(null)}
        onConfirm={async () => {
          const gone = deleting!;
          await api('DELETE /teams/{id}', { params: { id: gone.id } });
          set(teams.filter((t) => t.id !== gone.id));
          status.ok(`Deleted the team ${gone.name}.`);
          return nameInput.current; // its card, and the button that was pressed, are gone
        }}
      >
        <p>
          Its members keep their accounts, but what was shared with this team only (notes, tips, questions) is deleted with it. This cannot be
          undone.
        </p>
      </ConfirmDialog>
    </PeopleFrame>
  );
}

function CreateTeam({ onCreated, inputRef }: { onCreated: (team: Team) => void; inputRef: RefObject<HTMLInputElement | null> }) {
  const [name, setName] = useState('');
  const submit = useSubmit(async () => {
    onCreated(await api('POST /teams', { json: { name } }));
    setName('');
  });
  return (
    <form class="panel-box new-team" onSubmit={(e) => (e.preventDefault(), void submit.run())}>
      <h2>New team</h2>
      <div class="row">
        <div class="grow">
          <Field label="Team name" error={submit.fieldError('name')}>
            {(f) => <input id={f.id} ref={inputRef} required maxLength={100} value={name} aria-describedby={f.describedBy} aria-invalid={f.invalid} onInput={(e) => setName(e.currentTarget.value)} />}
          </Field>
        </div>
        <button type="submit" class="primary" disabled={submit.busy}>{submit.busy ? 'Creating…' : 'Create team'}</button>
      </div>
      <FormError failure={submit.failure} />
    </form>
  );
}
