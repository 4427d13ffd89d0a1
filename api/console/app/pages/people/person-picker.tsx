// Finding a person to add (to a team) among thousands: a search, and the first matches to pick from.
import { useId, useRef, useState } from 'preact/hooks';
import type { User } from '@shared/contract';
import type { Loaded } from '../../ui/load';
import { useDebounced } from '../../ui/debounce';
import { usePeople } from './use-people';

const SHOWN = 6;
const MOST = 200; // the API's largest page

type Person = { id: string; name: string };

export function PersonPicker({ label, exclude, onPick }: { label: string; exclude: Set<string>; onPick: (person: Person) => Promise<void> }) {
  const id = useId();
  const [typed, setTyped] = useState('');
  const q = useDebounced(typed.trim());
  const input = useRef<HTMLInputElement>(null);
  // Nothing is asked before a word is typed; members and turned-off accounts are not offered.
  const { loaded, searching } = usePeople(q || null, Math.min(MOST, SHOWN + exclude.size));
  const found = loaded.state === 'ready' ? loaded.data.items.filter((u) => !exclude.has(u.id) && !u.disabled).slice(0, SHOWN) : [];
  const pick = async (person: Person) => {
    await onPick(person);
    input.current?.focus(); // the button pressed goes once the person is in: the search keeps the keyboard
  };
  return (
    <div class="picker">
      <label for={id}>{label}</label>
      <input id={id} ref={input} type="search" placeholder="Search by name or email" value={typed} onInput={(e) => setTyped(e.currentTarget.value)} />
      <p class="muted" aria-live="polite">{q && summary(q, loaded, searching, found.length)}</p>
      {found.length > 0 && (
        <ul class="matches">
          {found.map((u: User) => (
            <li key={u.id}>
              <span>
                {u.name} <span class="muted">{u.email}</span>
              </span>
              <button type="button" class="secondary" onClick={() => void pick(u)} aria-label={`Add ${u.name}`}>Add</button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function summary(q: string, loaded: Loaded<unknown>, searching: boolean, found: number): string {
  if (searching || loaded.state === 'loading') return 'Searching…';
  if (loaded.state === 'failed') return loaded.message;
  return found === 0 ? `No one else matches “${q}”.` : found === 1 ? '1 found' : `${found} found`;
}
