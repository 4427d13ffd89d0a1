// The URL tester's call (POST /sites/preview) as a value that follows its input: asked again a moment
// after the input stops changing, and only the answer to the latest input is kept.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { SitePreview, SiteRules } from '@shared/contract';
import { api, problemOf } from '../../api';

export type PreviewState =
  | { state: 'idle' }
  | { state: 'loading'; last: SitePreview | null }
  | { state: 'failed'; message: string }
  | { state: 'ready'; preview: SitePreview };

const DEBOUNCE_MS = 300;

/** `rules` undefined: the site's saved rules; `url` null: nothing to ask about yet. */
export function usePreview(url: string | null, rules?: SiteRules): PreviewState {
  const [result, setResult] = useState<PreviewState>({ state: 'idle' });
  const latest = useRef(0);
  const input = JSON.stringify([url, rules]); // the rules are a new object at each render: compare by value
  useEffect(() => {
    const asked = ++latest.current;
    if (url === null) return void setResult({ state: 'idle' });
    setResult((r) => ({ state: 'loading', last: r.state === 'ready' ? r.preview : r.state === 'loading' ? r.last : null }));
    const timer = setTimeout(async () => {
      try {
        const preview = await api('POST /sites/preview', { json: { url, ...(rules && { rules }) } });
        if (asked === latest.current) setResult({ state: 'ready', preview });
      } catch (err) {
        if (asked === latest.current) setResult({ state: 'failed', message: problemOf(err) });
      }
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [input]);
  return result;
}
