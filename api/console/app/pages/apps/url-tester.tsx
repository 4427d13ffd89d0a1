// The URL tester: any address, read with the app's saved rules: its page key and screen, and every scope
// that matches it with what is on each (notes, tips, questions), as the extension would show them.
import { useId, useState } from 'preact/hooks';
import type { Site, SitePreview } from '@shared/contract';
import { PreviewFacts } from './live-key';
import { usePreview } from './use-preview';
import { readUrl } from './url-reading';
import { plural } from '@shared/text/plural';

function countsLine(c: SitePreview['counts']) {
  const parts = [plural(c.notes, 'note'), plural(c.tips, 'tip'), plural(c.questions, 'question')];
  return `${parts.join(', ')}${c.openQuestions ? ` (${c.openQuestions} open)` : ''}`;
}

function Scopes({ preview }: { preview: SitePreview }) {
  if (preview.scopes.length === 0) return <p class="muted">No scope matches this address: nothing is attached to it yet.</p>;
  return (
    <ol class="scopes">
      {preview.scopes.map((scope) => {
        const notes = preview.notes.filter((n) => n.pattern === scope.pattern);
        const questions = preview.questions.filter((q) => q.pattern === scope.pattern);
        return (
          <li key={scope.id} class="card">
            <code class="mono break">{scope.pattern}</code>
            <p class="muted">{countsLine(scope.counts)}</p>
            {(notes.length > 0 || questions.length > 0) && (
              <ul class="scope-items">
                {notes.map((n) => (
                  <li key={n.id}>{n.tip && <span class="tag tip">tip</span>} {n.excerpt}</li>
                ))}
                {questions.map((q) => (
                  <li key={q.id}><span class="tag open">question</span> {q.title}</li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ol>
  );
}

export function UrlTester({ site }: { site: Site }) {
  const id = useId();
  const [text, setText] = useState('');
  const url = readUrl(text);
  const result = usePreview(url ? url.href : null);
  const shown = result.state === 'ready' ? result.preview : result.state === 'loading' ? result.last : null;
  return (
    <section class="panel-box" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>URL tester</h2>
      <div class="field">
        <label for={id}>Address to test</label>
        <input id={id} type="text" inputMode="url" class="mono" spellcheck={false} autoComplete="off" placeholder={`${site.origin}/…`} value={text} aria-describedby={`${id}-hint`} onInput={(e) => setText(e.currentTarget.value)} />
        <p class="hint" id={`${id}-hint`}>With the saved rules: the page key, the screen, and everything attached to scopes that match it (as you may see it).</p>
      </div>
      <div aria-live="polite" aria-busy={result.state === 'loading'} class={`stack${result.state === 'loading' ? ' stale' : ''}`}>
        {result.state === 'failed' && <p class="field-error">{result.message}</p>}
        {shown && (
          <>
            {shown.site?.id !== site.id && (
              <p class="notice">
                {shown.site ? `This address belongs to another app, ${shown.site.name}.` : 'No app is registered for this origin: the extension sends nothing from it.'}
              </p>
            )}
            <PreviewFacts preview={shown} />
            <h3>Scopes that match ({shown.scopes.length})</h3>
            <Scopes preview={shown} />
          </>
        )}
      </div>
    </section>
  );
}
