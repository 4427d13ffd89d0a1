// Invitation links: made here, copied once (the server keeps only a hash), shared in chat or email; anyone
// who opens one joins with its role until it expires or is revoked, whatever the sign-up setting.
import { useRef, useState } from 'preact/hooks';
import type { Invitation, Role } from '@shared/contract';
import { timeAgo } from '@shared/ui/format';
import { api } from '../../api';
import { CopyField } from '../../ui/copy';
import { FormError, useSubmit } from '../../ui/form';
import { Loading, useLoad } from '../../ui/load';
import { ConfirmDialog } from './confirm';
import { roleLabel, roles } from './roles';
import { Status, useStatus } from '../../ui/status';

const durations = [7, 14, 30, 90];
const day = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const live = (i: Invitation) => !i.revoked && new Date(i.expiresAt).getTime() > Date.now();
const linkOf = (token: string) => `${location.origin}/join?invitation=${encodeURIComponent(token)}`;

export function InvitationLinks({ onCreated }: { onCreated?: () => void }) {
  const { loaded, reload, set } = useLoad(() => api('GET /invitations'));
  const [role, setRole] = useState<Role>('member');
  const [days, setDays] = useState(14);
  const [made, setMade] = useState<{ link: string; role: Role; expiresAt: string } | null>(null);
  const [revoking, setRevoking] = useState<Invitation | null>(null);
  const listHeading = useRef<HTMLHeadingElement>(null);
  const status = useStatus();
  const all = loaded.state === 'ready' ? loaded.data : [];

  const create = useSubmit(async () => {
    const { token, ...invitation } = await api('POST /invitations', { json: { role, days } });
    set([invitation, ...all]);
    setMade({ link: linkOf(token), role: invitation.role, expiresAt: invitation.expiresAt });
    onCreated?.();
    status.ok('Invitation link made: copy it below.');
  });

  return (
    <section class="panel-box" aria-labelledby="invite-links">
      <h2 id="invite-links">Share an invitation link</h2>
      <p>Anyone who opens the link creates their own account, even when sign-up is off. Best for a team or a channel.</p>
      <form class="row" onSubmit={(e) => (e.preventDefault(), void create.run())}>
        <div class="field">
          <label for="invite-role">Joins as</label>
          <select id="invite-role" value={role} onChange={(e) => setRole(e.currentTarget.value as Role)}>
            {roles.map((r) => (
              <option key={r.value} value={r.value}>{r.label}</option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="invite-days">Works for</label>
          <select id="invite-days" value={days} onChange={(e) => setDays(Number(e.currentTarget.value))}>
            {durations.map((d) => (
              <option key={d} value={d}>{d} days</option>
            ))}
          </select>
        </div>
        <button type="submit" class="primary" disabled={create.busy}>{create.busy ? 'Creating…' : 'Create a link'}</button>
      </form>
      <FormError failure={create.failure} />
      {made && (
        <CopyField
          label="Invitation link"
          value={made.link}
          hint={`Shown only now. Joins as ${roleLabel(made.role).toLowerCase()}, until ${day.format(new Date(made.expiresAt))}.`}
        />
      )}
      <Status said={status.said} />
      <h3 ref={listHeading} tabIndex={-1}>Links that work now</h3>
      <Loading loaded={loaded} retry={reload}>
        {(invitations) => {
          const working = invitations.filter(live);
          if (working.length === 0) return <p class="muted">None: create one above.</p>;
          return (
            <ul class="links" aria-label="Links that work now">
              {working.map((i) => (
                <li key={i.id}>
                  <span>
                    {roleLabel(i.role)} link, expires <time dateTime={i.expiresAt} title={day.format(new Date(i.expiresAt))}>{timeAgo(i.expiresAt)}</time>
                    <span class="muted"> · used {i.uses === 1 ? 'once' : `${i.uses} times`}</span>
                  </span>
                  <button type="button" class="link danger" onClick={() => setRevoking(i)} aria-label={`Revoke the ${roleLabel(i.role).toLowerCase()} link that expires ${timeAgo(i.expiresAt)}`}>
                    Revoke
                  </button>
                </li>
              ))}
            </ul>
          );
        }}
      </Loading>
      <ConfirmDialog
        title="Revoke this invitation link?"
        open={revoking !== null}
        action="Revoke link"
        onClose={() => setRevoking(null)}
        onConfirm={async () => {
          const gone = revoking!;
          await api('DELETE /invitations/{id}', { params: { id: gone.id } });
          set(all.map((i) => (i.id === gone.id ? { ...i, revoked: true } : i)));
          status.ok('Revoked: the link no longer works. Accounts made with it stay.');
          return listHeading.current;
        }}
      >
        <p>Nobody can join with it any more. The accounts already made with it stay.</p>
      </ConfirmDialog>
    </section>
  );
}
