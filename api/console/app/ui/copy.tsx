import { useId, useState } from 'preact/hooks';

/** A value to copy (a link, a secret shown once): read-only, selected on focus, with a Copy button. */
export function CopyField({ label, value, hint }: { label: string; value: string; hint?: string }) {
  const id = useId();
  const [copied, setCopied] = useState(false);
  return (
    <div class="field copy-field">
      <label for={id}>{label}</label>
      <div class="row">
        <input id={id} readOnly value={value} onFocus={(e) => e.currentTarget.select()} class="grow mono" />
        <button
          type="button"
          class="secondary"
          onClick={async () => {
            await navigator.clipboard.writeText(value);
            setCopied(true);
          }}
        >
          {copied ? 'Copied' : 'Copy'}
        </button>
      </div>
      {hint && <p class="hint">{hint}</p>}
      <span class="sr-only" role="status">{copied ? 'Copied to the clipboard.' : ''}</span>
    </div>
  );
}
