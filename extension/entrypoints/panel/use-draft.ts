import { useEffect, useRef, useState } from 'preact/hooks';
import type { Draft, DraftKind } from '../../core/drafts';
import { drafts } from './store';

type Fields = Omit<Draft, 'savedAt'>;

/**
 * A composer's fields, loaded from and saved to its draft (per page key and kind) as the user types.
 * `ready` is false until the saved draft has been read, so nothing typed early is overwritten.
 */
export function useDraft(pageKey: string, kind: DraftKind, empty: Fields) {
  const [fields, setFields] = useState<Fields>(empty);
  const [ready, setReady] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    let live = true;
    setReady(false);
    void drafts.load(pageKey, kind).then((saved) => {
      if (!live) return;
      setFields(saved ? { ...empty, ...saved } : empty);
      setReady(true);
    });
    return () => {
      live = false;
    };
  }, [pageKey, kind]);

  const update = (patch: Partial<Fields>) => {
    setFields((prev) => {
      const next = { ...prev, ...patch };
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void drafts.save(pageKey, kind, { ...next, savedAt: Date.now() }), 200);
      return next;
    });
  };

  const clear = async () => {
    clearTimeout(timer.current);
    setFields(empty);
    await drafts.clear(pageKey, kind);
  };

  return { fields, update, clear, ready };
}
