// The accounts on this server, for thousands of them: a search (kept in the address, so reload and back
// find it again), a page at a time by name, and what an admin does to one: role, turn off, turn on.
import { useEffect, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { Empty } from '@shared/ui/states';
import type { User } from '@shared/contract';
import { api } from '../../api';
import { me } from '../../session';
import { Loading, useLoad } from '../../ui/load';
import { Table } from '../../ui/table';
import { useDebounced } from '../../ui/debounce';
import { PeopleFrame } from './frame';
import { ConfirmDialog } from './confirm';
import { type Patch, PersonRow } from './person-row';
import { Status, useStatus } from '../../ui/status';
import { usePeople } from './use-people';

const PAGE = 25;

/** How many are shown, for a glance and for screen readers (heard as the search answers). */
function summary(q: string, loaded: ReturnType<typeof usePeople>['loaded'], searching: boolean): string {
  if (loaded.state === 'failed') return '';
  if (searching || loaded.state === 'loading') return 'Searching…';
  const { items, next } = loaded.data;
  const count = `${items.length}${next ? '+' : ''}`;
  return q ? `${count} matching “${q}”, by name` : `${count} people, by name`;
}

/** The search box's text, and the search in force: the address's `?q=`, which follows the typing. */
function useSearch() {
  const { query, route } = useLocation();
  const inAddress = query.q ?? '';
  const [typed, setTyped] = useState(inAddress);
  const settled = useDebounced(typed.trim());
  const written = useRef(inAddress);
  useEffect(() => {
    if (settled === written.current) return;
    written.current = settled;
    // Replaced, not pushed: typing makes no history entries, yet back from another page returns to it.
    route(settled ? `/people?q=${encodeURIComponent(settled)}` : '/people', true);
  }, [settled]);
  useEffect(() => {
    if (inAddress === written.current) return; // our own write
    written.current = inAddress;
    setTyped(inAddress);
  }, [inAddress]);
  return { typed, setTyped, q: inAddress };
}

export function PeopleList() {
  const { typed, setTyped, q } = useSearch();
  const people = usePeople(q, PAGE);
  const teams = useLoad(() => api('GET /teams'));
  const status = useStatus();
  const body = useRef<HTMLTableSectionElement>(null);
  const self = me().user.id;
  const [turningOff, setTurningOff] = useState<User | null>(null);

  const update = async (user: User, patch: Patch, done: (u: User) => string) => {
    const updated = await api('PATCH /users/{id}', { params: { id: user.id }, json: patch });
    people.replace(updated);
    status.ok(done(updated));
  };

  const teamsOf = new Map<string, string[]>();
  if (teams.loaded.state === 'ready') {
    for (const team of teams.loaded.data) for (const m of team.members) teamsOf.set(m.id, [...(teamsOf.get(m.id) ?? []), team.name]);
  }

  const showMore = async (shown: number) => {
    await people.loadMore();
    // The button may be gone (the last page): the keyboard goes on from the first person just shown.
    body.current?.querySelectorAll<HTMLElement>('tr > th')[shown]?.focus();
  };

  return (
    <PeopleFrame
      title="People"
      intro="Everyone with an account on this server: their role, their teams, and whether their account is on."
      actions={<a class="primary" href="/people/new">Create an account</a>}
    >
      <div class="people-tools">
        <div class="field grow">
          <label for="people-search">Search people</label>
          <input id="people-search" type="search" placeholder="Part of a name or email" value={typed} onInput={(e) => setTyped(e.currentTarget.value)} />
        </div>
      </div>
      <Status said={status.said} />
      <p class="muted" aria-live="polite">{summary(q, people.loaded, people.searching)}</p>
      <Loading loaded={people.loaded} retry={people.retry}>
        {({ items, next }) =>
          items.length === 0 ? (
            <Empty title={`No one matches “${q}”`} message="Check the spelling, or search by a part of the email." />
          ) : (
            <>
              <Table label="Accounts" columns={['Name', 'Email', 'Role', 'Teams', 'Account', <span class="sr-only">Actions</span>]} bodyRef={body}>
                {items.map((user) => (
                  <PersonRow key={user.id} user={user} self={user.id === self} teams={teamsOf.get(user.id) ?? []} update={update} onTurnOff={setTurningOff} status={status} />
                ))}
              </Table>
              {next && (
                <div class="actions start">
                  <button type="button" class="secondary" disabled={people.more.busy} onClick={() => void showMore(items.length)}>
                    {people.more.busy ? 'Loading…' : 'Show more people'}
                  </button>
                </div>
              )}
              {people.more.failure && <p class="form-error" role="alert">{people.more.failure}</p>}
            </>
          )
        }
      </Loading>
      <ConfirmDialog
        title={`Turn off ${turningOff?.name ?? ''}'s account?`}
        open={turningOff !== null}
        action="Turn off account"
        onClose={() => setTurningOff(null)}
        onConfirm={() => update(turningOff!, { disabled: true }, (u) => `${u.name}'s account is off: they are signed out everywhere.`)}
      >
        <p>
          {turningOff?.name} is signed out at once, everywhere (this console and the browser extension), and cannot sign in until an admin turns the
          account on again. What they wrote stays.
        </p>
      </ConfirmDialog>
    </PeopleFrame>
  );
}
