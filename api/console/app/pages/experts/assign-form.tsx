import { useId, useState } from 'preact/hooks';
import type { Expert, Person, Site, SitePreview } from '@shared/contract';
import { api, fieldProblem } from '../../api';
import { Field, FormError, useSubmit } from '../../ui/form';
import { patternChoices, type Choice } from './choices';
import { PersonPicker } from './person-picker';

/** Where the expert is for, when the form opens from a screen's row. */
export interface Preset {
  label: string;
  pattern: string;
}

/**
 * Assign a person to a screen, or to the pages of a real address: paste it, then choose "this screen",
 * "this exact page" or "everything under this path"; the pattern that makes is shown and may be edited.
 */
export function AssignForm({ sites, preset, onDone, onCancel }: { sites: Site[]; preset: Preset | null; onDone: (expert: Expert, siteId: string | null) => void; onCancel: () => void }) {
  const [url, setUrl] = useState('');
  const [found, setFound] = useState<{ preview: SitePreview; choices: Choice[] } | null>(null);
  const [urlProblem, setUrlProblem] = useState<string | null>(null);
  const [choice, setChoice] = useState<Choice['id'] | 'edited' | null>(null);
  const [pattern, setPattern] = useState(preset?.pattern ?? '');
  const [person, setPerson] = useState<Person | null>(null);
  const [personProblem, setPersonProblem] = useState<string | null>(null);
  const whichPages = useId();

  const lookUp = useSubmit(async () => {
    setUrlProblem(null);
    setFound(null);
    try {
      const preview = await api('POST /sites/preview', { json: { url: url.trim() } });
      const site = preview.site && sites.find((s) => s.id === preview.site!.id);
      if (!site) return setUrlProblem('This address is on no registered app. Register the app under Apps first.');
      const choices = patternChoices(preview, site);
      setFound({ preview, choices });
      setChoice(choices[0]!.id);
      setPattern(choices[0]!.pattern);
    } catch (err) {
      setUrlProblem(fieldProblem(err, 'url') ?? (err instanceof Error ? err.message : String(err)));
    }
  });

  const assign = useSubmit(async () => {
    if (!person) return setPersonProblem('Choose a person first.');
    setPersonProblem(null);
    const expert = await api('POST /experts', { json: { userId: person.id, pattern: pattern.trim() } });
    onDone(expert, found?.preview.site?.id ?? null);
  });

  return (
    <form
      class="stack"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void assign.run();
      }}
    >
      {preset ? (
        <p class="notice">
          For <strong>{preset.label}</strong>
        </p>
      ) : (
        <>
          <div class="row find-row">
            <div class="grow">
              <Field label="Page address" hint="Paste the address of a real page of the app, as in the browser." error={urlProblem}>
                {({ id, describedBy, invalid }) => (
                  <input
                    id={id}
                    type="url"
                    value={url}
                    placeholder="https://crm.corp.example/accounts/42"
                    aria-describedby={describedBy}
                    aria-invalid={invalid}
                    onInput={(e) => setUrl(e.currentTarget.value)}
                    onKeyDown={(e) => {
                      if (e.key === 'Enter') {
                        e.preventDefault(); // Enter here finds the page; it does not assign yet
                        void lookUp.run();
                      }
                    }}
                  />
                )}
              </Field>
            </div>
            <button type="button" class="secondary" disabled={lookUp.busy || !url.trim()} onClick={() => void lookUp.run()}>
              {lookUp.busy ? 'Finding…' : 'Find the page'}
            </button>
          </div>
          {found && (
            <fieldset class="choices" aria-labelledby={whichPages}>
              <legend id={whichPages}>
                Which pages of {found.preview.site!.name}
                {found.preview.screen && <span class="muted"> · screen {found.preview.screen}</span>}
              </legend>
              {found.choices.map((c) => (
                <label key={c.id} class="choice">
                  <input
                    type="radio"
                    name="which"
                    checked={choice === c.id}
                    onChange={() => {
                      setChoice(c.id);
                      setPattern(c.pattern);
                    }}
                  />
                  <span>
                    {c.label}
                    <span class="mono muted choice-pattern">{c.pattern}</span>
                  </span>
                </label>
              ))}
            </fieldset>
          )}
        </>
      )}
      {(preset || found) && (
        <Field label="Pattern" hint="What your choice makes. You may edit it (URL pattern syntax), but you need not." error={assign.fieldError('pattern')}>
          {({ id, describedBy, invalid }) => (
            <input
              id={id}
              class="mono"
              value={pattern}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              onInput={(e) => {
                setPattern(e.currentTarget.value);
                setChoice('edited');
              }}
            />
          )}
        </Field>
      )}
      <PersonPicker
        value={person}
        onChange={(p) => {
          setPerson(p);
          setPersonProblem(null);
        }}
        error={personProblem ?? assign.fieldError('userId')}
      />
      <FormError failure={assign.failure} />
      <div class="actions">
        <button type="button" class="ghost" onClick={onCancel}>Cancel</button>
        <button type="submit" class="primary" disabled={assign.busy || !pattern.trim()}>
          {assign.busy ? 'Assigning…' : 'Assign'}
        </button>
      </div>
    </form>
  );
}
