import { useState } from 'preact/hooks';
import type { OutboxEntry } from '../../messaging';
import type { DraftKind } from './drafts';
import { post } from './store';
import { useDraft, type DraftFields } from './use-draft';

interface Sending {
  /** Whether what is typed may be sent. */
  valid: (fields: DraftFields) => boolean;
  /** Sends it; true when it went through (for a post: sent, or waiting in the outbox). */
  send: (fields: DraftFields) => Promise<boolean>;
  /** After it went through and the draft was cleared. */
  done?: () => unknown;
}

/**
 * A composer: its draft (kept per page key and kind as the user types), and a submit that sends what
 * is typed once at a time and clears the draft when it went through. A refused send keeps it.
 */
export function useComposer(pageKey: string, kind: DraftKind, empty: DraftFields, { valid, send, done }: Sending) {
  const draft = useDraft(pageKey, kind, empty);
  const [busy, setBusy] = useState(false);
  const canSend = valid(draft.fields) && !busy;

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!canSend) return;
    setBusy(true);
    const through = await send(draft.fields).finally(() => setBusy(false));
    if (!through) return;
    await draft.clear();
    await done?.();
  };

  return { fields: draft.fields, update: draft.update, clear: draft.clear, busy, canSend, submit };
}

/**
 * Posts through the outbox (see store.post): true unless the server refused it. `sent` runs when it went
 * to the server at once (one waiting in the outbox shows in a pending list).
 */
export async function postThroughOutbox(entry: OutboxEntry, sent?: () => unknown): Promise<boolean> {
  const result = await post(entry);
  if (result === 'sent') await sent?.();
  return result !== 'rejected';
}
