// What the console shows to someone not signed in: sign in; sign up with an invitation link (/join); and,
// on a server with no account yet, the first step of the first run: create the admin account.
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { api } from '../api';
import { refreshSession } from '../session';
import { Field, FormError, useSubmit } from '../ui/form';
import { Page } from '../ui/page';

function Centered({ children }: { children: preact.ComponentChildren }) {
  return <main id="main" class="centered">{children}</main>;
}

export function SignIn() {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const submit = useSubmit(async () => {
    await api('POST /auth/console/signin', { json: { email, password } });
    await refreshSession();
  });
  return (
    <Centered>
      <Page title="Sign in to Alongside">
        <form class="stack" onSubmit={(e) => (e.preventDefault(), void submit.run())}>
          <Field label="Email" error={submit.fieldError('email')}>
            {(f) => <input id={f.id} type="email" autoComplete="username" required value={email} aria-describedby={f.describedBy} aria-invalid={f.invalid} onInput={(e) => setEmail(e.currentTarget.value)} />}
          </Field>
          <Field label="Password" error={submit.fieldError('password')}>
            {(f) => <input id={f.id} type="password" autoComplete="current-password" required value={password} aria-describedby={f.describedBy} aria-invalid={f.invalid} onInput={(e) => setPassword(e.currentTarget.value)} />}
          </Field>
          <FormError failure={submit.failure} />
          <button type="submit" class="primary" disabled={submit.busy}>{submit.busy ? 'Signing in…' : 'Sign in'}</button>
        </form>
      </Page>
    </Centered>
  );
}

/** A new account: the first admin, or a colleague with an invitation link (or where sign-up is open). */
function NewAccount({ title, intro, action, invitation, then }: { title: string; intro: string; action: string; invitation?: string; then?: string }) {
  const { route } = useLocation();
  const [fields, setFields] = useState({ name: '', email: '', password: '' });
  const set = (name: keyof typeof fields) => (e: { currentTarget: HTMLInputElement }) => setFields({ ...fields, [name]: e.currentTarget.value });
  const submit = useSubmit(async () => {
    await api('POST /auth/console/signup', { json: { ...fields, ...(invitation && { invitation }) } });
    if (then) route(then);
    await refreshSession();
  });
  return (
    <Centered>
      <Page title={title} intro={intro}>
        <form class="stack" onSubmit={(e) => (e.preventDefault(), void submit.run())}>
          <Field label="Your name" error={submit.fieldError('name')}>
            {(f) => <input id={f.id} required autoComplete="name" value={fields.name} aria-describedby={f.describedBy} aria-invalid={f.invalid} onInput={set('name')} />}
          </Field>
          <Field label="Work email" error={submit.fieldError('email')}>
            {(f) => <input id={f.id} type="email" required autoComplete="email" value={fields.email} aria-describedby={f.describedBy} aria-invalid={f.invalid} onInput={set('email')} />}
          </Field>
          <Field label="Password" hint="At least 10 characters, and not easy to guess: a few uncommon words work well." error={submit.fieldError('password')}>
            {(f) => <input id={f.id} type="password" required minLength={10} autoComplete="new-password" value={fields.password} aria-describedby={f.describedBy} aria-invalid={f.invalid} onInput={set('password')} />}
          </Field>
          <FormError failure={submit.failure} />
          <button type="submit" class="primary" disabled={submit.busy}>{submit.busy ? 'Creating…' : action}</button>
        </form>
      </Page>
    </Centered>
  );
}

export function FirstAdmin() {
  return (
    <NewAccount
      title="Welcome to Alongside"
      intro="This server has no account yet. Create yours: it will be the admin, and the next steps set up your first app and invite colleagues."
      action="Create the admin account"
      then="/setup"
    />
  );
}

export function Join() {
  const { query } = useLocation();
  return (
    <NewAccount
      title="Join Alongside"
      intro="Create your account to see and share what colleagues know about the apps you use."
      action="Create my account"
      invitation={query.invitation}
      then="/"
    />
  );
}
