// The two questions about a site's addresses, asked of the URL the admin pasted: is the part after #
// a route (hash routing), and which query parameters tell pages apart (keepQuery).
import { useId } from 'preact/hooks';
import type { QueryParam } from './url-reading';

export function HashQuestion({ value, fragment, onChange }: { value: boolean; fragment: string; onChange: (hashRouting: boolean) => void }) {
  const group = useId();
  return (
    <fieldset class="question">
      <legend>Does this app keep its place after # in the address?</legend>
      {fragment && <p class="hint">In your address: <code class="mono">{fragment}</code></p>}
      <label class="choice">
        <input type="radio" name={group} checked={value} onChange={() => onChange(true)} />
        <span>Yes: the part after # says which page this is, like <code class="mono">#/accounts/42</code></span>
      </label>
      <label class="choice">
        <input type="radio" name={group} checked={!value} onChange={() => onChange(false)} />
        <span>No: it only marks a spot on the page, or the app does not use it</span>
      </label>
      {value && (
        <p class="hint">
          Of the route, only its leading plain words are kept (<code class="mono">#/deals/7</code> gives <code class="mono">#/deals</code>),
          so ids and tokens after # never leave the browser, unless a screen below names them, like <code class="mono">#/deals/:id</code>.
        </p>
      )}
    </fieldset>
  );
}

/** `onChange` gets the names now kept and the one the admin just checked or unchecked. */
export function QueryQuestion(props: { params: QueryParam[]; kept: string[]; error: string | null; onChange: (kept: string[], name: string) => void }) {
  const { params, kept, error } = props;
  const hint = useId();
  const toggle = (name: string, on: boolean) => props.onChange(on ? [...kept, name] : kept.filter((k) => k !== name), name);
  return (
    <fieldset class={`question${error ? ' invalid' : ''}`} aria-describedby={hint}>
      <legend>Which parts after ? identify the page?</legend>
      <p class="hint" id={hint}>
        Checked parts stay in the page key, so a note can be about one tab or one view. The rest is removed before anything
        leaves the browser: never check a part that holds a secret.
      </p>
      {params.length === 0 ? (
        <p class="muted">This address has nothing after ?. If the app uses such parts to tell pages apart, paste an address that has them.</p>
      ) : (
        <ul class="choices">
          {params.map((p) => (
            <li key={p.name}>
              <label class="choice">
                <input type="checkbox" checked={kept.includes(p.name)} onChange={(e) => toggle(p.name, e.currentTarget.checked)} />
                <span class="param">
                  <code class="mono">{p.name}</code>
                  {/* A secret's value is not repeated on screen. */}
                  {p.value && <span class="muted mono param-value"> = {p.secret ? '•••' : p.value}</span>}
                  {p.secret && <span class="tag tip">looks secret</span>}
                </span>
              </label>
            </li>
          ))}
        </ul>
      )}
      {error && <p class="field-error">{error}</p>}
    </fieldset>
  );
}
