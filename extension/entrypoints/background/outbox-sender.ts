// Sends the outbox: now when something is posted or the panel reopens, else on an alarm (MV3 alarms
// fire at most every 30 s) while anything waits. The state is in storage.local, so a worker restart
// loses nothing.
import { browser } from 'wxt/browser';
import { ApiFailure } from '@shared/client';
import { Outbox } from './outbox';
import { sessionClient } from '../../server/settings';
import type { OutboxEntry } from '../../messaging';

export const OUTBOX_ALARM = 'outbox-flush';

export const outbox = new Outbox(browser.storage.local);

async function send(entry: OutboxEntry, key: string): Promise<void> {
  const client = await sessionClient();
  if (!client) throw new ApiFailure('unauthorized', 401, 'signed_out', 'Signed out: sign in to send.');
  const headers = { 'idempotency-key': key };
  if (entry.kind === 'note') await client.api.call('POST /notes', { headers, json: entry.body });
  else if (entry.kind === 'question') await client.api.call('POST /questions', { headers, json: entry.body });
  else if (entry.kind === 'answer') await client.api.call('POST /questions/{id}/answers', { params: { id: entry.questionId }, headers, json: entry.body });
  else await client.api.call('POST /notes/{id}/replies', { params: { id: entry.noteId }, headers, json: entry.body });
}

export async function flushOutbox(force = false): Promise<void> {
  const waiting = await outbox.flush(send, { force });
  if (waiting.length) await browser.alarms.create(OUTBOX_ALARM, { periodInMinutes: 0.5 });
  else await browser.alarms.clear(OUTBOX_ALARM);
}
