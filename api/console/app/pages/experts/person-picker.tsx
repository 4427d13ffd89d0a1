import { useId, useState } from 'preact/hooks';
import type { Person } from '@shared/contract';
import { Field } from '../../ui/form';
import { useDebounced } from '../../ui/debounce';
import { usePeople } from '../people/use-people';

/** Finds a person by part of their name or email, and picks one of the matches. */
export function PersonPicker({ value, onChange, error }: { value: Person | null; onChange: (p: Person) => void; error: string | null }) {
  const [query, setQuery] = useState('');
  const legend = useId();
  const q = useDebounced(query.trim());
  const { loaded } = usePeople(q || null, 8);
  const found = {
    people: loaded.state === 'ready' ? loaded.data.items.filter((u) => !u.disabled) : [],
    problem: loaded.state === 'failed' ? loaded.message : null,
  };
  return (
    <div class="stack person-picker">
      <Field label="Person" hint={value ? `Chosen: ${value.name}` : 'Type part of a name or an email, then choose.'} error={error}>
        {({ id, describedBy, invalid }) => (
          <input id={id} type="search" value={query} autoComplete="off" aria-describedby={describedBy} aria-invalid={invalid} onInput={(e) => setQuery(e.currentTarget.value)} />
        )}
      </Field>
      {found.problem && <p class="field-error" role="alert">{found.problem}</p>}
      {q && !found.problem && (
        <fieldset class="choices" aria-labelledby={legend}>
          <legend id={legend} class="sr-only">Matching people</legend>
          {loaded.state === 'ready' && found.people.length === 0 && <p class="muted" role="status">No one matches.</p>}
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
