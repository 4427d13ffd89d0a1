// Sign-up for the company: anyone with an email at its domains creates their own account. Shows who may
// sign up now; the domain starts as the signed-in admin's own.
import { useRef, useState } from 'preact/hooks';
import type { SignUpPolicy } from '@shared/contract';
import { ApiFailure } from '@shared/client';
import { api } from '../../api';
import { me } from '../../session';
import { Field, FormError, useSubmit } from '../../ui/form';
import { Loading, useLoad } from '../../ui/load';
import { Status, useStatus } from '../../ui/status';

const ownDomain = () => me().user.email.split('@')[1] ?? '';
const atEach = (domains: string[]) => domains.map((d) => `@${d}`).join(', ');

function nowWords(policy: SignUpPolicy) {
  if (policy.mode === 'open') return 'Anyone who can reach this server can sign up.';
  if (policy.mode === 'domains') return `People with an email at ${atEach(policy.domains)} can sign up.`;
  return 'Sign-up is off: only people with an invitation link, or an account you create.';
}

export function SignUpDomains({ onSaved }: { onSaved?: () => void }) {
  const { loaded, reload, set } = useLoad(async () => (await api('GET /server')).signUp);
  return (
    <section class="panel-box" aria-labelledby="invite-domains">
      <h2 id="invite-domains">Let your company sign up</h2>
      <p>Colleagues with a company email create their own account, whenever they are ready. Best for everyone at once.</p>
      <Loading loaded={loaded} retry={reload}>
        {(policy) => <PolicyForm policy={policy} onSaved={(p) => (set(p), onSaved?.())} />}
      </Loading>
    </section>
  );
}

function PolicyForm({ policy, onSaved }: { policy: SignUpPolicy; onSaved: (p: SignUpPolicy) => void }) {
  const [domains, setDomains] = useState(policy.mode === 'domains' ? policy.domains.join(', ') : ownDomain());
  const status = useStatus();
  const turnOn = useRef<HTMLButtonElement>(null);
  const submit = useSubmit(async (next: SignUpPolicy) => {
    const saved = await api('PUT /server/signup', { json: next });
    onSaved(saved);
    if (saved.mode === 'closed') turnOn.current?.focus(); // "Turn off" is gone; "Turn on" is next to where it was
    status.ok(saved.mode === 'closed' ? 'Sign-up is off.' : `Sign-up is on for ${atEach(saved.domains)}.`);
  });
  // The server names each domain it refuses (domains.0, domains.1…): all of them belong to this one field.
  const domainsError = submit.failure instanceof ApiFailure ? (submit.failure.issues.find((i) => i.path.startsWith('domains'))?.message ?? null) : null;
  const list = domains.split(/[\s,]+/).map((d) => d.replace(/^@/, '')).filter(Boolean);
  return (
    <form class="stack" onSubmit={(e) => (e.preventDefault(), void submit.run({ mode: 'domains', domains: list }))}>
      <p class="notice">{nowWords(policy)}</p>
      <Field label="Company email domains" hint="Separate several with commas, like corp.example, corp-labs.example." error={domainsError}>
        {(f) => <input id={f.id} required value={domains} aria-describedby={f.describedBy} aria-invalid={f.invalid} onInput={(e) => setDomains(e.currentTarget.value)} />}
      </Field>
      {!domainsError && <FormError failure={submit.failure} />}
      <div class="row">
        <button type="submit" ref={turnOn} class="primary" disabled={submit.busy}>{policy.mode === 'domains' ? 'Save domains' : 'Turn on sign-up'}</button>
        {policy.mode !== 'closed' && (
          <button type="button" class="secondary" disabled={submit.busy} onClick={() => void submit.run({ mode: 'closed', domains: [] })}>
            Turn off sign-up
          </button>
        )}
      </div>
      <Status said={status.said} />
    </form>
  );
}
