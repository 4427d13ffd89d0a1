import { useEffect, useId, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Site } from '@shared/contract';
import { ApiFailure } from '@shared/client';
import { routedNotificationsSince, setRoutedNotifications } from '../../inbox/notify-setting';
import { cachedSites, enabledOrigins, forgetSession, serverSetting, storedSession, type ServerSetting, type StoredSession } from '../../server/settings';
import { HiddenList } from '../../launcher/HiddenList';
import { AccountSection, NoSites } from './account';
import { connect, type ConnectPhase, grantSite, refreshSites, revokeSite, signOut, siteGranted, startSession } from './connect';

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** What the person waits for while connecting: the browser's prompt is easy to miss behind the page. */
const waitingFor: Record<ConnectPhase, (origin: string) => string> = {
  asking: (origin) => `Your browser asks whether Alongside may reach ${origin}: answer its prompt (near the address bar) to go on.`,
  checking: (origin) => `Checking that ${origin} is an Alongside server…`,
};

const originOf = (url: string) => {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
};

function ServerSection({ server, onConnected }: { server: ServerSetting; onConnected: (url: string) => void }) {
  const [url, setUrl] = useState(server.url ?? '');
  const [state, setState] = useState<{ busy: ConnectPhase | null; error: string | null; ok: string | null }>({ busy: null, error: null, ok: null });
  const id = useId();
  return (
    <section class="box" aria-labelledby="server-title">
      <h2 id="server-title">Server</h2>
      <form
        class="row"
        onSubmit={async (e) => {
          e.preventDefault();
          try {
            const version = await connect(url.trim(), (busy) => setState({ busy, error: null, ok: null }));
            setState({ busy: null, error: null, ok: `Connected (API ${version}).` });
            onConnected(url.trim());
          } catch (err) {
            setState({ busy: null, error: `Could not connect: ${message(err)}`, ok: null });
          }
        }}
      >
        <div class="field grow">
          <label for={id}>Server URL</label>
          <input id={id} type="url" required readOnly={server.managed} value={url} placeholder="https://alongside.corp.example" onInput={(e) => setUrl(e.currentTarget.value)} />
          {server.managed && <p class="hint">Set by your organization.</p>}
        </div>
        <button type="submit" class="primary" disabled={state.busy !== null || !url.trim()}>{state.busy ? 'Connecting…' : 'Connect'}</button>
      </form>
      <p role="status" class={state.busy ? 'muted' : 'ok'}>{state.busy ? waitingFor[state.busy](originOf(url.trim())) : state.ok}</p>
      {state.error && <p role="alert" class="error">{state.error}</p>}
    </section>
  );
}

function SignInSection({ serverUrl, expired, onSignedIn }: { serverUrl: string; expired: boolean; onSignedIn: () => void }) {
  const [mode, setMode] = useState<'signin' | 'signup'>('signin');
  const [fields, setFields] = useState({ email: '', password: '', name: '' });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ids = { email: useId(), password: useId(), name: useId() };
  return (
    <section class="box" aria-labelledby="account-title">
      <h2 id="account-title">{mode === 'signin' ? 'Sign in' : 'Create an account'}</h2>
      {expired && <p class="notice" role="alert">Your session has ended. Sign in again; your drafts are kept.</p>}
      <form
        class="stack"
        onSubmit={async (e) => {
          e.preventDefault();
          setBusy(true);
          setError(null);
          try {
            await startSession(serverUrl, mode, fields.email, fields.password, fields.name);
            onSignedIn();
          } catch (err) {
            setError(err instanceof ApiFailure && err.kind === 'unauthorized' ? 'Wrong email or password.' : message(err));
          } finally {
            setBusy(false);
          }
        }}
      >
        {mode === 'signup' && (
          <div class="field">
            <label for={ids.name}>Name</label>
            <input id={ids.name} type="text" required autoComplete="name" value={fields.name} onInput={(e) => setFields({ ...fields, name: e.currentTarget.value })} />
          </div>
        )}
        <div class="field">
          <label for={ids.email}>Email</label>
          <input id={ids.email} type="email" required autoComplete="username" value={fields.email} onInput={(e) => setFields({ ...fields, email: e.currentTarget.value })} />
        </div>
        <div class="field">
          <label for={ids.password}>Password</label>
          <input id={ids.password} type="password" required minLength={mode === 'signup' ? 10 : 1} autoComplete={mode === 'signin' ? 'current-password' : 'new-password'} value={fields.password} onInput={(e) => setFields({ ...fields, password: e.currentTarget.value })} />
        </div>
        {error && <p role="alert" class="error">{error}</p>}
        <div class="row">
          <button type="submit" class="primary" disabled={busy}>{mode === 'signin' ? 'Sign in' : 'Create account'}</button>
          <button type="button" class="link" onClick={() => setMode(mode === 'signin' ? 'signup' : 'signin')}>
            {mode === 'signin' ? 'No account? Create one' : 'Have an account? Sign in'}
          </button>
        </div>
      </form>
    </section>
  );
}

function SiteRow({ site, enabled, onChange }: { site: Site; enabled: boolean; onChange: () => void }) {
  const [granted, setGranted] = useState<boolean | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => void siteGranted(site.origin).then(setGranted), [site.origin, enabled]);
  const on = enabled && granted === true;
  return (
    <li class="site" data-testid="site" data-origin={site.origin}>
      <div class="site-text">
        <span class="site-name">{site.name}</span>
        <span class="muted">{site.origin}</span>
        {error && <span class="error">{error}</span>}
      </div>
      <span class={`tag ${on ? 'ok' : ''}`}>{on ? 'On' : enabled ? 'Access needed' : 'Off'}</span>
      {on ? (
        <button type="button" class="secondary" aria-label={`Turn off ${site.name}`} onClick={async () => { await revokeSite(site.origin); onChange(); }}>
          Turn off
        </button>
      ) : (
        <button
          type="button"
          class="primary"
          aria-label={`Grant ${site.name}`}
          onClick={async () => {
            setError(null);
            if (!(await grantSite(site.origin))) setError('The browser did not grant access.');
            onChange();
          }}
        >
          Grant
        </button>
      )}
    </li>
  );
}

function NotificationsSection() {
  const [on, setOn] = useState<boolean | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => void routedNotificationsSince().then((since) => setOn(since !== null)), []);
  return (
    <section class="box" aria-labelledby="notify-title">
      <h2 id="notify-title">Notifications</h2>
      <label class="switch">
        <input
          type="checkbox"
          role="switch"
          checked={on === true}
          disabled={on === null}
          aria-describedby="notify-hint"
          onChange={async (e) => {
            const want = e.currentTarget.checked;
            // The switch says what holds: on once the browser allowed it, not while its prompt is up.
            e.currentTarget.checked = !want;
            setError(null);
            const done = await setRoutedNotifications(want);
            if (!done) setError('The browser did not allow notifications.');
            setOn(done ? want : false);
          }}
        />
        <span>Notify me when a question is routed to me</span>
      </label>
      <p id="notify-hint" class="muted small">
        A browser notification names the question, never more. Everything else waits in the panel's inbox.
      </p>
      {error && <p role="alert" class="error">{error}</p>}
    </section>
  );
}

function SitesSection({ session, onSignedOut }: { session: StoredSession; onSignedOut: (expired: boolean) => void }) {
  const [sites, setSites] = useState<Site[] | null>(null);
  const [enabled, setEnabled] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const reloadEnabled = () => void enabledOrigins().then(setEnabled);

  const load = () => {
    setError(null);
    refreshSites().then(setSites, async (err: unknown) => {
      if (err instanceof ApiFailure && err.kind === 'unauthorized') {
        await forgetSession();
        onSignedOut(true);
      } else setError(`Could not load the apps: ${message(err)}`);
    });
  };
  useEffect(() => {
    void cachedSites().then((cached) => cached.length && setSites(cached));
    reloadEnabled();
    load();
  }, [session.token]);

  return (
    <>
      <AccountSection session={session} onSignOut={async () => { await signOut(); onSignedOut(false); }} />
      <section class="box" aria-labelledby="sites-title">
        <h2 id="sites-title">Apps</h2>
        <p class="muted">Alongside runs only on the apps you grant here. Nothing is sent about any other page.</p>
        {error && <p role="alert" class="error">{error}</p>}
        {!sites && !error && <p class="muted">Loading apps…</p>}
        {sites && sites.length === 0 && <NoSites session={session} onCheckAgain={load} />}
        {sites && sites.length > 0 && (
          <ul class="sites">
            {sites.map((s) => <SiteRow key={s.id} site={s} enabled={enabled.includes(s.origin)} onChange={reloadEnabled} />)}
          </ul>
        )}
      </section>
      <NotificationsSection />
      <section class="box" aria-labelledby="hidden-title">
        <h2 id="hidden-title">Hidden launchers</h2>
        <p class="muted">Where you hid the launcher from its ⋯ menu. The toolbar button and the shortcut open Alongside there all the same.</p>
        <HiddenList />
      </section>
    </>
  );
}

/** The panel's shortcut as the person has it bound now (they can change or remove it). */
function ShortcutFooter() {
  const [shortcut, setShortcut] = useState<string | null>(null);
  useEffect(() => void browser.commands.getAll().then((all) => setShortcut(all.find((c) => c.name === 'toggle-panel')?.shortcut ?? '')), []);
  if (shortcut === null) return null;
  return (
    <footer class="muted small">
      {shortcut ? `Shortcut: ${shortcut} opens the panel on a granted site, as does the toolbar button.` : 'The toolbar button opens the panel on a granted site (no shortcut is set for it).'}
    </footer>
  );
}

export function Options() {
  const [server, setServer] = useState<ServerSetting | null>(null);
  const [session, setSession] = useState<StoredSession | null | undefined>(undefined);
  const [connected, setConnected] = useState<string | null>(null);
  const [expired, setExpired] = useState(false);

  useEffect(() => {
    void serverSetting().then((s) => {
      setServer(s);
      setConnected(s.url);
    });
    void storedSession().then(setSession);
  }, []);

  if (!server || session === undefined) {
    return (
      <main class="page" aria-busy="true">
        <h1>Alongside</h1>
        <p class="muted">Reading your settings…</p>
      </main>
    );
  }
  return (
    <main class="page">
      <header class="masthead">
        <h1>Alongside</h1>
        <p class="muted">Colleagues' notes, tips and answers on your company's internal apps.</p>
      </header>
      {!session && <ServerSection server={server} onConnected={setConnected} />}
      {!session && connected && <SignInSection serverUrl={connected} expired={expired} onSignedIn={() => void storedSession().then(setSession)} />}
      {session && (
        <SitesSection
          session={session}
          onSignedOut={(wasExpired) => {
            setExpired(wasExpired);
            setSession(null);
          }}
        />
      )}
      <ShortcutFooter />
    </main>
  );
}
