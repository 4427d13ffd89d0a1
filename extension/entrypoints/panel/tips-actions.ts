// What the panel does with tips through the API and the background: pin mode, re-pin, verify.
import type { Anchor, Note } from '@shared/contract';
import { askBackground } from '../../messaging';
import { act, announce, context, shareContext } from './store';
import { clearTarget } from './tips-store';

/** Enters pin mode in this tab (the panel closes while the user picks). */
export const startPinning = (repin: string | null) => askBackground('pin:start', { repin });

function replaceNote(next: Note) {
  const ctx = context.value;
  if (ctx) context.value = { ...ctx, notes: ctx.notes.map((n) => (n.id === next.id ? next : n)) };
}

/** After a re-pin or a verify: the panel shows the new tip, the page's markers reload with it. */
async function changed(next: Note, message: string) {
  replaceNote(next);
  announce(message);
  // The markers get their tips from the background: told of the changed tip, it has them reload.
  if (context.value) await shareContext(context.value).catch(() => undefined);
}

export async function repin(tipId: string, anchor: Anchor): Promise<boolean> {
  const next = await act('Re-pinning', (a) => a.call('PUT /notes/{id}/anchor', { params: { id: tipId }, json: { anchor } }));
  if (!next) return false;
  await clearTarget();
  await changed(next, 'Tip pinned to the new element.');
  return true;
}

export async function verify(tipId: string): Promise<void> {
  const next = await act('Verifying', (a) => a.call('POST /notes/{id}/verify', { params: { id: tipId } }));
  if (next) await changed(next, 'Tip confirmed: it points at the right element.');
}
