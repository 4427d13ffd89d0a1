// A site's named screens (templates: a name and a URL pattern), edited as rows, with the screen the pasted
// address suggests offered as one click.
import { useEffect, useId, useRef } from 'preact/hooks';
import { Field } from '../../ui/form';

export interface ScreenRow {
  key: number;
  name: string;
  pattern: string;
}

let nextKey = 0;
export const screenRow = (t: { name: string; pattern: string }): ScreenRow => ({ key: nextKey++, ...t });

export function ScreensEditor(props: {
  rows: ScreenRow[];
  onChange: (rows: ScreenRow[]) => void;
  suggestion: { name: string; pattern: string } | null;
  /** The name of the screen the pasted address is on, as the live page key says. */
  matched: string | null;
  fieldError: (path: string) => string | null;
}) {
  const { rows, suggestion, matched } = props;
  const title = useId();
  const list = useRef<HTMLOListElement>(null);
  const added = useRef<number | null>(null);
  // A row just added takes focus at its name, so the keyboard goes on where the eyes do.
  useEffect(() => {
    if (added.current === null) return;
    list.current?.querySelector<HTMLInputElement>(`[data-row="${added.current}"] input`)?.focus();
    added.current = null;
  }, [rows]);
  const add = (t: { name: string; pattern: string }) => {
    const row = screenRow(t);
    added.current = row.key;
    props.onChange([...rows, row]);
  };
  const update = (key: number, change: Partial<ScreenRow>) => props.onChange(rows.map((r) => (r.key === key ? { ...r, ...change } : r)));
  const offered = suggestion && !rows.some((r) => r.pattern === suggestion.pattern) ? suggestion : null;

  return (
    <section class="screens-editor" aria-labelledby={title}>
      <h3 id={title}>Screens</h3>
      <p class="hint">
        Name the kinds of page people talk about. The extension shows the screen's name, and a note can be about every page
        of a screen. A pattern is relative to the app: <code class="mono">/accounts/:id</code> matches /accounts/42,{' '}
        <code class="mono">*</code> matches anything.
      </p>
      {offered && (
        <div class="suggestion">
          <span>
            From your address: <strong>{offered.name}</strong> <code class="mono">{offered.pattern}</code>
          </span>
          <button type="button" class="secondary" onClick={() => add(offered)}>Add this screen</button>
        </div>
      )}
      {rows.length > 0 && (
        <ol class="screen-rows" ref={list}>
          {rows.map((row, i) => (
            <li key={row.key} data-row={row.key}>
              <fieldset class="screen-row">
                <legend>
                  Screen {i + 1}
                  {matched !== null && row.name.trim() === matched && <span class="tag ok">this address</span>}
                </legend>
                <Field label="Name" error={props.fieldError(`rules.templates.${i}.name`)}>
                  {(f) => <input id={f.id} required maxLength={100} value={row.name} aria-describedby={f.describedBy} aria-invalid={f.invalid} onInput={(e) => update(row.key, { name: e.currentTarget.value })} />}
                </Field>
                <Field label="Pattern" error={props.fieldError(`rules.templates.${i}.pattern`)}>
                  {(f) => <input id={f.id} required class="mono" spellcheck={false} value={row.pattern} aria-describedby={f.describedBy} aria-invalid={f.invalid} onInput={(e) => update(row.key, { pattern: e.currentTarget.value })} />}
                </Field>
                <button type="button" class="ghost danger" onClick={() => props.onChange(rows.filter((r) => r.key !== row.key))}>
                  Remove<span class="sr-only"> screen {i + 1}</span>
                </button>
              </fieldset>
            </li>
          ))}
        </ol>
      )}
      <div>
        <button type="button" class="secondary" onClick={() => add({ name: '', pattern: '' })}>Add a screen</button>
      </div>
    </section>
  );
}
