// Showing one item of the page in the panel (from the inbox): its section, scrolled to and focused;
// a question opens.
import { signal } from '@preact/signals';
import type { RefObject } from 'preact';
import { useEffect } from 'preact/hooks';
import { announce, section } from './store';
import { focusedTip, missingUnfolded } from './tips-store';

/** The inbox is shown instead of the page's sections. */
export const inboxOpen = signal(false);
/** The question to open and focus (QuestionCard reads it), until done. */
export const openQuestion = signal<string | null>(null);

/** Focuses an element once the section it is in has rendered; `missing` runs if it never shows. */
export function focusWhenShown(find: () => HTMLElement | null, tries = 20, missing?: () => void): void {
  requestAnimationFrame(() => {
    const el = find();
    if (!el) {
      if (tries > 0) focusWhenShown(find, tries - 1, missing);
      else missing?.();
      return;
    }
    el.scrollIntoView({ block: 'center' });
    el.focus();
  });
}

export function focusItem(kind: 'note' | 'question', id: string): void {
  inboxOpen.value = false;
  // A tip's discussion (TipDetail) shows instead of the notes: back to the list, where the item is.
  focusedTip.value = null;
  missingUnfolded.value = true;
  section.value = kind === 'note' ? 'notes' : 'questions';
  if (kind === 'question') {
    openQuestion.value = id;
    return;
  }
  focusWhenShown(
    () => {
      // A tip this page does not show is under "Not found on this page".
      const card = (document.getElementById(`note-${id}`) ?? document.getElementById(`missing-${id}`))?.closest('article') ?? null;
      if (card) card.tabIndex = -1;
      return card;
    },
    20,
    () => announce('That item is no longer shown on this page.'),
  );
}

/**
 * Focuses the element once it is shown, where the person will type. Not by the autofocus attribute:
 * browsers honour it once per document, and block it in a cross-origin frame such as the panel.
 */
export function useFocusOnMount(ref: RefObject<HTMLElement | null>, when = true): void {
  useEffect(() => {
    if (when) ref.current?.focus();
  }, []);
}
