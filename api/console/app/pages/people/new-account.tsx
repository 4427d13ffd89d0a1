// Creating an account for a colleague: name, email, the role it starts with, and a first password the
// admin passes on privately. What the server refuses (a taken email, a weak password) shows beside its field.
import { useState } from 'preact/hooks';
import type { Role } from '@shared/contract';
import { ApiFailure } from '@shared/client';
import { api } from '../../api';
import { Field, FormError, useSubmit } from '../../ui/form';
import { PeopleFrame } from './frame';
import { roles } from './roles';
import { Status, useStatus } from '../../ui/status';

const blank = { name: '', email: '', password: '', role: 'member' as Role };

export function NewAccountPage() {
  return (
    <PeopleFrame title="Create an account" intro="For a colleague who should not wait for an invitation. Give them their email and first password yourself, privately.">
      <NewAccountForm />
    </PeopleFrame>
  );
}

export function NewAccountForm({ onCreated }: { onCreated?: () => void }) {
  const [fields, setFields] = useState(blank);
  const status = useStatus();
  const set = (name: keyof typeof fields) => (e: { currentTarget: HTMLInputElement | HTMLSelectElement }) => setFields({ ...fields, [name]: e.currentTarget.value });
  const submit = useSubmit(async () => {
    const user = await api('POST /users', { json: fields });
    setFields(blank);
    onCreated?.();
    status.ok(`Created ${user.name}'s account (${user.email}), as ${user.role}. They sign in with the password you chose.`);
  });
  // A taken email is a conflict the server does not tie to a field; it belongs beside the email all the same.
  const emailTaken = submit.failure instanceof ApiFailure && submit.failure.code === 'email_taken' ? submit.failure.message : null;
  return (
    <form class="stack narrow-form" onSubmit={(e) => (e.preventDefault(), void submit.run())}>
      <Field label="Name" error={submit.fieldError('name')}>
        {(f) => <input id={f.id} required autoComplete="off" value={fields.name} aria-describedby={f.describedBy} aria-invalid={f.invalid} onInput={set('name')} />}
      </Field>
      <Field label="Email" error={submit.fieldError('email') ?? emailTaken}>
        {(f) => <input id={f.id} type="email" required autoComplete="off" value={fields.email} aria-describedby={f.describedBy} aria-invalid={f.invalid} onInput={set('email')} />}
      </Field>
      <Field label="Role" hint={roles.find((r) => r.value === fields.role)!.power} error={submit.fieldError('role')}>
        {(f) => (
          <select id={f.id} value={fields.role} aria-describedby={f.describedBy} aria-invalid={f.invalid} onChange={set('role')}>
            {roles.map((r) => (
              <option key={r.value} value={r.value}>{r.label}</option>
            ))}
          </select>
        )}
      </Field>
      <Field label="First password" hint="At least 10 characters, and not easy to guess: a few uncommon words work well." error={submit.fieldError('password')}>
        {(f) => (
          <input id={f.id} type="text" required minLength={10} autoComplete="off" spellcheck={false} value={fields.password} aria-describedby={f.describedBy} aria-invalid={f.invalid} onInput={set('password')} />
        )}
      </Field>
      {!emailTaken && <FormError failure={submit.failure} />}
      <div class="row centered-row">
        <button type="submit" class="primary" disabled={submit.busy}>{submit.busy ? 'Creating…' : 'Create the account'}</button>
        <a class="text-link" href="/people">Back to people</a>
      </div>
      <Status said={status.said} />
    </form>
  );
}
