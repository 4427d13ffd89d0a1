import { useEffect, useId, useState } from 'preact/hooks';
import type { Person } from '@shared/contract';
import { api, problemOf } from '../../api';
import { Field } from '../../ui/form';

/** Finds a person by part of their name or email, and picks one of the matches. */
export function PersonPicker({ value, onChange, error }: { value: Person | null; onChange: (p: Person) => void; error: string | null }) {
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<{ people: Array<Person & { email: string }>; problem: string | null }>({ people: [], problem: null });
  const legend = useId();
  useEffect(() => {
    const q = query.trim();
    if (!q) return setFound({ people: [], problem: null });
    let current = true; // a slower answer to an earlier query must not replace a later one
    api('GET /users', { query: { q, limit: 8 } })
      .then((page) => current && setFound({ people: page.items.filter((u) => !u.disabled), problem: null }))
      .catch((err) => current && setFound({ people: [], problem: problemOf(err) }));
    return () => void (current = false);
  }, [query]);
  return (
    <div class="stack person-picker">
      <Field label="Person" hint={value ? `Chosen: ${value.name}` : 'Type part of a name or an email, then choose.'} error={error}>
        {({ id, describedBy, invalid }) => (
          <input id={id} type="search" value={query} autoComplete="off" aria-describedby={describedBy} aria-invalid={invalid} onInput={(e) => setQuery(e.currentTarget.value)} />
        )}
      </Field>
      {found.problem && <p class="field-error" role="alert">{found.problem}</p>}
      {query.trim() && !found.problem && (
        <fieldset class="choices" aria-labelledby={legend}>
          <legend id={legend} class="sr-only">Matching people</legend>
          {found.people.length === 0 && <p class="muted" role="status">No one matches.</p>}
          {found.people.map((p) => (
            <label key={p.id} class="choice">
              <input type="radio" name="person" checked={value?.id === p.id} onChange={() => onChange({ id: p.id, name: p.name })} />
              <span>
                {p.name} <span class="muted">{p.email}</span>
              </span>
            </label>
          ))}
        </fieldset>
      )}
    </div>
  );
}
