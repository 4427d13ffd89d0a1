// A word for the next Apps page to say (after removing an app, the list says so): read once, then gone.
import { signal } from '@preact/signals';

const pending = signal<string | null>(null);

export const leaveNotice = (message: string) => void (pending.value = message);

/** The notice left for this page, taken so a later visit does not repeat it. */
export function takeNotice(): string | null {
  const message = pending.peek();
  pending.value = null;
  return message;
}
