// The site form: register an app, or change one's name and rules, from any address of the app. The
// admin pastes a real URL and answers plain questions about it; the origin, a name, the page key the
// extension would send and the screen are shown live. Used by the Apps pages and the first-run wizard.
import { useState } from 'preact/hooks';
import type { Site } from '@shared/contract';
import { api } from '../../api';
import { Field, FormError, useSubmit } from '../../ui/form';
import { LiveKey } from './live-key';
import { HashQuestion, QueryQuestion } from './rules-questions';
import { ScreensEditor } from './screens-editor';
import { draftOf, rulesOf, withUrl, type Draft } from './site-draft';
import { usePreview } from './use-preview';
import { originOf, queryParams, readUrl, suggestScreen, type QueryParam } from './url-reading';
import './apps.css';

export interface SiteFormProps {
  /** The site to change; without it the form registers a new one. */
  site?: Site;
  onSaved(site: Site): void;
  submitLabel?: string;
}

export function SiteForm({ site, onSaved, submitLabel }: SiteFormProps) {
  const [draft, setDraft] = useState(() => draftOf(site));
  const url = readUrl(draft.url);
  // Rows still being typed are left out of the trial, so the key follows what is finished.
  const preview = usePreview(url ? url.href : null, rulesOf(draft, true));
  const elsewhere = site && url && originOf(url) !== site.origin;
  const params: QueryParam[] = url ? queryParams(url) : [];
  for (const name of draft.keepQuery) if (!params.some((p) => p.name === name)) params.push({ name, value: '', secret: false });

  // The draft as it was saved: "Saved." stands until the next change (each change is a new draft).
  const [savedDraft, setSavedDraft] = useState<Draft | null>(null);
  const submit = useSubmit(async () => {
    const rules = rulesOf(draft);
    const saved = site
      ? await api('PATCH /sites/{id}', { params: { id: site.id }, json: { name: draft.name, rules } })
      : await api('POST /sites', { json: { origin: url ? originOf(url) : draft.url.trim(), name: draft.name, rules } });
    setSavedDraft(draft);
    onSaved(saved);
  });
  const registered = !site && preview.state === 'ready' ? preview.preview.site : null;

  return (
    <form class="site-form stack" onSubmit={(e) => (e.preventDefault(), void submit.run())}>
      <Field
        label={site ? 'An address in this app, to try the rules on' : 'An address of the app'}
        hint={
          url ? (
            <>
              {site ? 'Origin' : 'The app would be registered as'} <strong class="mono">{originOf(url)}</strong>
              {elsewhere && <span class="danger"> · not this app's origin ({site.origin})</span>}
            </>
          ) : (
            'Paste any page of the app from the browser, e.g. https://crm.corp.example/accounts/42?tab=notes'
          )
        }
        error={submit.fieldError('origin')}
      >
        {(f) => (
          <input id={f.id} type="text" inputMode="url" required={!site} autoComplete="off" spellcheck={false} class="mono" value={draft.url} aria-describedby={f.describedBy} aria-invalid={f.invalid}
            onInput={(e) => setDraft(withUrl(draft, e.currentTarget.value, !site))} />
        )}
      </Field>
      {registered && (
        <p class="notice" role="status">
          This origin is already registered as <a href={`/apps/${registered.id}`}>{registered.name}</a>.
        </p>
      )}
      <Field label="App name" hint="What people see in the extension and the console." error={submit.fieldError('name')}>
        {(f) => (
          <input id={f.id} required maxLength={100} value={draft.name} aria-describedby={f.describedBy} aria-invalid={f.invalid}
            onInput={(e) => setDraft({ ...draft, name: e.currentTarget.value, nameEdited: true })} />
        )}
      </Field>
      <div class="site-form-grid">
        <div class="stack">
          <HashQuestion value={draft.hashRouting} fragment={url?.hash ?? ''} onChange={(hashRouting) => setDraft({ ...draft, hashRouting, hashAnswered: true })} />
          <QueryQuestion params={params} kept={draft.keepQuery} error={submit.fieldError('rules.keepQuery')} onChange={(keepQuery, name) => setDraft({ ...draft, keepQuery, answered: [...new Set([...draft.answered, name])] })} />
        </div>
        <LiveKey result={preview} hint="Paste an address above to see the page key the extension would send for it." />
      </div>
      <ScreensEditor
        rows={draft.screens}
        onChange={(screens) => setDraft({ ...draft, screens })}
        suggestion={url ? suggestScreen(url, draft.hashRouting) : null}
        matched={preview.state === 'ready' ? preview.preview.screen : null}
        fieldError={submit.fieldError}
      />
      <FormError failure={submit.failure} />
      <div class="form-actions">
        <button type="submit" class="primary" disabled={submit.busy}>
          {submit.busy ? 'Saving…' : (submitLabel ?? (site ? 'Save changes' : 'Add the app'))}
        </button>
        <span role="status" class="ok">{savedDraft === draft ? 'Saved.' : ''}</span>
      </div>
    </form>
  );
}
