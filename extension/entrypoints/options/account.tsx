// Who is signed in, to which server, with which role; and the way to the server's web console (where
// admins add the apps this page lists).
import type { Role } from '@shared/contract';
import { apiRoot } from '@shared/client';
import type { StoredSession } from '../../server/settings';

/** The console is served at the server's root (beside its /api/v1), under any path prefix the URL has. */
export const consoleUrl = (serverUrl: string) => apiRoot(serverUrl).replace(/api\/v1$/, '');

const roleWords: Record<Role, string> = {
  admin: 'Admin: adds apps, manages people and the server in the console',
  moderator: 'Moderator: can edit and remove colleagues’ content',
  member: 'Member',
};

const ConsoleLink = ({ session, class: className, children }: { session: StoredSession; class?: string; children: string }) => (
  <a class={className} href={consoleUrl(session.serverUrl)} target="_blank" rel="noopener noreferrer">{children}</a>
);

export function AccountSection({ session, onSignOut }: { session: StoredSession; onSignOut: () => void }) {
  const { name, email, role } = session.user;
  return (
    <section class="box" aria-labelledby="account-title">
      <h2 id="account-title">Account</h2>
      <dl class="facts">
        <dt>Server</dt>
        <dd class="mono" data-testid="server-url">{session.serverUrl}</dd>
        <dt>Signed in as</dt>
        <dd>
          <strong>{name}</strong> <span class="muted">({email})</span>
        </dd>
        <dt>Role</dt>
        <dd data-testid="role">{roleWords[role]}</dd>
      </dl>
      <div class="row">
        {role === 'admin' && <ConsoleLink session={session} class="primary button-link">Open the console</ConsoleLink>}
        <button type="button" class="secondary" onClick={onSignOut}>Sign out</button>
      </div>
    </section>
  );
}

/** The server lists no app yet: what to do about it, which depends on who is asking. */
export function NoSites({ session, onCheckAgain }: { session: StoredSession; onCheckAgain: () => void }) {
  return (
    <div class="no-sites" data-testid="no-sites">
      <p class="empty-title">Your server lists no apps yet</p>
      {session.user.role === 'admin' ? (
        <p>
          As an admin, you choose the internal apps Alongside runs on. <ConsoleLink session={session}>Add your first app in the console</ConsoleLink>, then
          check again here.
        </p>
      ) : (
        <p>
          Admins choose the internal apps Alongside runs on. Ask an admin of your Alongside server to add your company’s apps in{' '}
          <ConsoleLink session={session}>the console</ConsoleLink>; they show up here once added.
        </p>
      )}
      <button type="button" class="secondary" onClick={onCheckAgain}>Check again</button>
    </div>
  );
}
