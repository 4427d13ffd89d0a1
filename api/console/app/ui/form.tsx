// Forms that keep what was typed and say what the server said, beside the field it named.
import type { ComponentChildren } from 'preact';
import { useId, useState } from 'preact/hooks';
import { ApiFailure } from '@shared/client';

/** A labelled field; `children` gets the input's id and the id of what describes it (hint, error). */
export function Field(props: {
  label: string;
  hint?: ComponentChildren;
  error?: string | null;
  children: (ids: { id: string; describedBy: string | undefined; invalid: boolean }) => ComponentChildren;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [props.hint ? hintId : null, props.error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`field${props.error ? ' invalid' : ''}`}>
      <label for={id}>{props.label}</label>
      {props.children({ id, describedBy, invalid: Boolean(props.error) })}
      {props.hint && <p class="hint" id={hintId}>{props.hint}</p>}
      {props.error && <p class="field-error" id={errorId}>{props.error}</p>}
    </div>
  );
}

/** The state of a form's submission: busy while the call is out, the failure once it fails. */
export function useSubmit<A extends unknown[], T>(action: (...args: A) => Promise<T>) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiFailure | Error | null>(null);
  const run = async (...args: A): Promise<T | undefined> => {
    setBusy(true);
    setFailure(null);
    try {
      return await action(...args);
    } catch (err) {
      setFailure(err instanceof Error ? err : new Error(String(err)));
      return undefined;
    } finally {
      setBusy(false);
    }
  };
  const fieldError = (path: string) => (failure instanceof ApiFailure ? (failure.issues.find((i) => i.path === path)?.message ?? null) : null);
  return { busy, failure, run, fieldError };
}

/** What failed, for the whole form; when the server named fields, they say their own part. */
export function FormError({ failure }: { failure: Error | null }) {
  if (!failure) return null;
  const named = failure instanceof ApiFailure && failure.issues.length > 0;
  return (
    <p class="form-error" role="alert">
      {named ? 'Some fields need a change: see below them.' : failure.message}
    </p>
  );
}
