// One account in the People table, with what an admin does to it. The server decides what is allowed
// (no one demotes or turns off themselves, nor the last admin): its refusal is said as it is.
import { useState } from 'preact/hooks';
import type { Role, User } from '@shared/contract';
import { problemOf } from '../../api';
import { roles } from './roles';
import type { useStatus } from '../../ui/status';

export type Patch = { role?: Role; disabled?: boolean };

type Props = {
  user: User;
  self: boolean;
  teams: string[];
  /** Sends the change, shows the account as it now is and says `done` of it; throws the server's refusal. */
  update: (user: User, patch: Patch, done: (u: User) => string) => Promise<void>;
  /** Asks first (the list's one confirmation dialog). */
  onTurnOff: (user: User) => void;
  status: ReturnType<typeof useStatus>;
};

export function PersonRow({ user, self, teams, update: send, onTurnOff, status }: Props) {
  const [busy, setBusy] = useState(false);

  const update = async (patch: Patch, done: (u: User) => string) => {
    setBusy(true);
    try {
      await send(user, patch, done);
    } finally {
      setBusy(false);
    }
  };

  const changeRole = (select: HTMLSelectElement) => {
    const role = select.value as Role;
    update({ role }, (u) => `${u.name} is now ${u.role}.`).catch((err: unknown) => {
      select.value = user.role; // the server said no: show what is still true
      status.error(`${user.name}'s role did not change: ${problemOf(err)}`);
    });
  };

  const turnOn = () =>
    update({ disabled: false }, (u) => `${u.name}'s account is on again: they can sign in.`).catch((err: unknown) =>
      status.error(`${user.name}'s account is still off: ${problemOf(err)}`),
    );

  return (
    <tr class={user.disabled ? 'off' : undefined}>
      <th scope="row" tabIndex={-1}>
        {user.name}
        {self && <span class="muted"> (you)</span>}
      </th>
      <td class="email">{user.email}</td>
      <td>
        <select aria-label={`Role of ${user.name}`} value={user.role} disabled={busy} onChange={(e) => changeRole(e.currentTarget)}>
          {roles.map((r) => (
            <option key={r.value} value={r.value}>{r.label}</option>
          ))}
        </select>
      </td>
      <td>{teams.length ? teams.join(', ') : <span class="muted">none</span>}</td>
      <td>{user.disabled ? <span class="tag off-tag">Turned off</span> : <span class="tag ok">Active</span>}</td>
      <td class="row-actions">
        {/* One button whose words change, so the keyboard stays on it after turning off or on. */}
        <button
          type="button"
          class={user.disabled ? 'secondary' : 'secondary danger'}
          disabled={busy}
          aria-label={`${user.disabled ? 'Turn on' : 'Turn off'} ${user.name}'s account`}
          onClick={() => (user.disabled ? void turnOn() : onTurnOff(user))}
        >
          {user.disabled ? 'Turn on' : 'Turn off'}
        </button>
      </td>
    </tr>
  );
}
