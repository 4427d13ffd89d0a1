import { useEffect, useRef, useState } from 'preact/hooks';
import { draftKey, type Draft, type DraftKind } from './drafts';
import { drafts } from './store';

/** What a composer edits: a draft without its time. */
export type DraftFields = Omit<Draft, 'savedAt'>;

/** The reading of one saved draft: the fields typed into before it arrived, and whether it still counts. */
interface Load {
  key: string;
  typed: Set<keyof DraftFields>;
  done: boolean;
}

/**
 * A composer's fields, loaded from and saved to its draft (per page key and kind) as the user types.
 * The saved draft is read asynchronously and the user may type before it arrives: what they typed wins
 * (a field they touched keeps its text, the others take the saved draft), and a `clear()` (a post)
 * before it arrives makes it obsolete, so an old draft never comes back over a new text.
 */
export function useDraft(pageKey: string, kind: DraftKind, empty: DraftFields) {
  const [fields, setFields] = useState<DraftFields>(empty);
  // The fields as last set: the late draft is merged into these (state may not have rendered the last keystroke).
  const latest = useRef<DraftFields>(empty);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const key = draftKey(pageKey, kind);
  const load = useRef<Load>({ key, typed: new Set(), done: false });
  // A new page or kind starts its load here, in render, so that typing before its effect runs counts as typed.
  if (load.current.key !== key) load.current = { key, typed: new Set(), done: false };

  const show = (next: DraftFields) => {
    latest.current = next;
    setFields(next);
  };
  // The save the debounce holds back, if any.
  const pending = useRef<(() => void) | null>(null);
  const saveNow = () => {
    clearTimeout(timer.current);
    const save = pending.current;
    pending.current = null;
    save?.();
  };
  const saveSoon = (next: DraftFields) => {
    clearTimeout(timer.current);
    pending.current = () => void drafts.save(pageKey, kind, { ...next, savedAt: Date.now() });
    timer.current = setTimeout(saveNow, 200);
  };

  // A hidden tab's timers may wait long (Firefox held this frame's back past the user's switch to another
  // tab, and a tab closed right after typing never runs them): the tab going away saves what waits.
  useEffect(() => {
    const onVisibility = () => document.visibilityState === 'hidden' && saveNow();
    document.addEventListener('visibilitychange', onVisibility);
    return () => document.removeEventListener('visibilitychange', onVisibility);
  }, []);

  useEffect(() => {
    const mine = load.current;
    void drafts.load(pageKey, kind).then((saved) => {
      if (mine.done) return; // cleared (posted) meanwhile, or the composer moved on
      mine.done = true;
      const next: DraftFields = { ...empty, ...saved };
      for (const field of mine.typed) Object.assign(next, { [field]: latest.current[field] });
      show(next);
      // The store may hold only what was typed (saved before the draft arrived): save the merged whole.
      if (saved && mine.typed.size > 0) saveSoon(next);
    });
    return () => {
      mine.done = true;
    };
  }, [key]);

  const update = (patch: Partial<DraftFields>) => {
    const current = load.current;
    if (!current.done) for (const field of Object.keys(patch) as Array<keyof DraftFields>) current.typed.add(field);
    const next = { ...latest.current, ...patch };
    show(next);
    saveSoon(next);
  };

  const clear = async () => {
    clearTimeout(timer.current);
    pending.current = null;
    load.current.done = true;
    show(empty);
    await drafts.clear(pageKey, kind);
  };

  return { fields, update, clear };
}
