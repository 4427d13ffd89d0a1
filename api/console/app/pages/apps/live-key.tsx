// What the extension would make of the pasted address under the answers given so far: the page key and
// the screen, as the server computes them (the same code the extension runs), updated as the admin types.
import { useId } from 'preact/hooks';
import type { SitePreview } from '@shared/contract';
import type { PreviewState } from './use-preview';

export function PreviewFacts({ preview }: { preview: SitePreview }) {
  return (
    <dl class="facts">
      <dt>Page key</dt>
      <dd class="mono break" data-testid="page-key">{preview.pageKey}</dd>
      <dt>Screen</dt>
      <dd data-testid="screen">{preview.screen ?? <span class="muted">none of the screens matches</span>}</dd>
    </dl>
  );
}

export function LiveKey({ result, hint }: { result: PreviewState; hint: string }) {
  const title = useId();
  const shown = result.state === 'ready' ? result.preview : result.state === 'loading' ? result.last : null;
  return (
    <section class="live-key" aria-labelledby={title}>
      <h3 id={title}>What the extension would send</h3>
      {/* Announced once the answer settles, not at every keystroke. */}
      <div aria-live="polite" aria-busy={result.state === 'loading'} class={result.state === 'loading' ? 'stale' : ''}>
        {result.state === 'idle' && <p class="muted">{hint}</p>}
        {result.state === 'failed' && <p class="field-error">{result.message}</p>}
        {shown && <PreviewFacts preview={shown} />}
      </div>
      {result.state === 'loading' && <p class="hint">Checking…</p>}
    </section>
  );
}
