import { useId, useRef, useState } from 'preact/hooks';
import { Markdown } from '@shared/ui/Markdown';
import { useFocusOnMount } from '../focus';

interface Props {
  label: string;
  value: string;
  onInput: (value: string) => void;
  placeholder?: string;
  rows?: number;
  autoFocus?: boolean;
}

/** A markdown textarea with Write / Preview tabs. */
export function MarkdownEditor({ label, value, onInput, placeholder, rows = 4, autoFocus }: Props) {
  const [preview, setPreview] = useState(false);
  const id = useId();
  const box = useRef<HTMLTextAreaElement>(null);
  useFocusOnMount(box, autoFocus);
  return (
    <div class="editor">
      <div class="editor-bar">
        <label for={id} class="editor-label">{label}</label>
        <div class="segmented" role="group" aria-label="Editor mode">
          <button type="button" aria-pressed={!preview} onClick={() => setPreview(false)}>Write</button>
          <button type="button" aria-pressed={preview} onClick={() => setPreview(true)}>Preview</button>
        </div>
      </div>
      {preview ? (
        <div class="preview" aria-label={`${label} preview`}>
          {value.trim() ? <Markdown source={value} /> : <p class="muted">Nothing to preview yet.</p>}
        </div>
      ) : (
        <textarea
          ref={box}
          id={id}
          rows={rows}
          value={value}
          placeholder={placeholder}
          onInput={(e) => onInput(e.currentTarget.value)}
        />
      )}
      <p class="hint">Markdown: **bold**, _italic_, `code`, [link](https://…), lists.</p>
    </div>
  );
}
