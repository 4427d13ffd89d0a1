// Reading data for a page: loading, failed (with Try again) and loaded states, the same everywhere.
import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { Skeleton } from '@shared/ui/states';

export type Loaded<T> = { state: 'loading' } | { state: 'failed'; message: string } | { state: 'ready'; data: T };

/** Loads `read()` when the page opens and whenever `deps` change; `reload` reads again (after a write). */
export function useLoad<T>(read: () => Promise<T>, deps: unknown[] = []) {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' });
  const reload = useCallback(async () => {
    try {
      setLoaded({ state: 'ready', data: await read() });
    } catch (err) {
      setLoaded({ state: 'failed', message: err instanceof Error ? err.message : String(err) });
    }
  }, deps);
  useEffect(() => {
    setLoaded({ state: 'loading' });
    void reload();
  }, [reload]);
  return { loaded, reload, set: (data: T) => setLoaded({ state: 'ready', data }) };
}

/** Shows the loading and failed states of a load, and `children(data)` once it is there. */
export function Loading<T>({ loaded, retry, children }: { loaded: Loaded<T>; retry: () => void; children: (data: T) => ComponentChildren }) {
  if (loaded.state === 'loading') {
    return (
      <div aria-busy="true" aria-live="polite">
        <span class="sr-only">Loading…</span>
        <Skeleton />
      </div>
    );
  }
  if (loaded.state === 'failed') {
    return (
      <div class="state" role="alert">
        <p>{loaded.message}</p>
        <button type="button" class="primary" onClick={retry}>Try again</button>
      </div>
    );
  }
  return <>{children(loaded.data)}</>;
}
