// Finding a person to add (to a team) among thousands: a search, and the first matches to pick from.
import { useId, useRef, useState } from 'preact/hooks';
import { useDebounced } from './debounce';
import { usePeople } from './use-people';

const SHOWN = 6;
const MOST = 200; // the API's largest page

export function PersonPicker({ label, exclude, onPick }: { label: string; exclude: Set<string>; onPick: (person: { id: string; name: string }) => Promise<void> }) {
  const id = useId();
  const [typed, setTyped] = useState('');
  const q = useDebounced(typed.trim());
  const input = useRef<HTMLInputElement>(null);
  const pick = async (person: { id: string; name: string }) => {
    await onPick(person);
    input.current?.focus(); // the button pressed goes once the person is in: the search keeps the keyboard
  };
  return (
    <div class="picker">
      <label for={id}>{label}</label>
      <input id={id} ref={input} type="search" placeholder="Search by name or email" value={typed} onInput={(e) => setTyped(e.currentTarget.value)} />
      {q && <Matches q={q} exclude={exclude} onPick={pick} />}
    </div>
  );
}

/** Mounted only while there is something to search for: no list of everyone before a word is typed. */
function Matches({ q, exclude, onPick }: { q: string; exclude: Set<string>; onPick: (person: { id: string; name: string }) => Promise<void> }) {
  const { loaded } = usePeople(q, Math.min(MOST, SHOWN + exclude.size));
  if (loaded.state === 'loading') return <p class="muted" aria-live="polite">Searching…</p>;
  if (loaded.state === 'failed') return <p class="form-error" role="alert">{loaded.message}</p>;
  const found = loaded.data.items.filter((u) => !exclude.has(u.id) && !u.disabled).slice(0, SHOWN);
  return (
    <>
      <p class="muted" aria-live="polite">{found.length === 0 ? `No one else matches “${q}”.` : `${found.length} found`}</p>
      {found.length > 0 && (
        <ul class="matches">
          {found.map((u) => (
            <li key={u.id}>
              <span>
                {u.name} <span class="muted">{u.email}</span>
              </span>
              <button type="button" class="secondary" onClick={() => void onPick(u)} aria-label={`Add ${u.name}`}>Add</button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
