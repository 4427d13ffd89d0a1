// Showing one item of the page in the panel (from the inbox): its section, scrolled to and focused;
// a question opens.
import { signal } from '@preact/signals';
import { section } from './store';

/** The inbox is shown instead of the page's sections. */
export const inboxOpen = signal(false);
/** The question to open and focus (QuestionCard reads it), until done. */
export const openQuestion = signal<string | null>(null);

/** Focuses an element once the section it is in has rendered. */
export function focusWhenShown(find: () => HTMLElement | null, tries = 20): void {
  requestAnimationFrame(() => {
    const el = find();
    if (!el) {
      if (tries > 0) focusWhenShown(find, tries - 1);
      return;
    }
    el.scrollIntoView({ block: 'center' });
    el.focus();
  });
}

export function focusItem(kind: 'note' | 'question', id: string): void {
  inboxOpen.value = false;
  section.value = kind === 'note' ? 'notes' : 'questions';
  if (kind === 'question') {
    openQuestion.value = id;
    return;
  }
  focusWhenShown(() => {
    const card = document.getElementById(`note-${id}`)?.closest('article') ?? null;
    if (card) card.tabIndex = -1;
    return card;
  });
}
