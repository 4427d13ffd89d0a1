// Each kind of outbox item goes to its endpoint, with its Idempotency-Key.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { OutboxEntry } from '../../messaging/types';
import { fakeApi } from '../../server/fake-api';

vi.mock('wxt/browser', async () => ({ browser: (await import('wxt/testing/fake-browser')).fakeBrowser }));
const sent: Array<{ route: string; input: unknown }> = [];
const answer = (route: string) => async (input: unknown) => void sent.push({ route, input }) as never;
const api = fakeApi({
  'POST /notes': answer('POST /notes'),
  'POST /questions': answer('POST /questions'),
  'POST /questions/{id}/answers': answer('POST /questions/{id}/answers'),
  'POST /notes/{id}/replies': answer('POST /notes/{id}/replies'),
});
vi.mock('../../server/settings', () => ({ sessionClient: async () => ({ api }) }));
const { flushOutbox, outbox } = await import('./outbox-sender');

beforeEach(() => {
  fakeBrowser.reset();
  sent.length = 0;
});

const pageKey = 'https://crm.example/a';
const sharing = { pattern: pageKey, visibility: 'org', teamId: null } as const;

describe('flushOutbox', () => {
  it('sends each kind to its endpoint with the item’s key', async () => {
    const entries: OutboxEntry[] = [
      { kind: 'note', pageKey, body: { ...sharing, body: 'A note' } },
      { kind: 'question', pageKey, body: { ...sharing, title: 'How?', body: '' } },
      { kind: 'answer', pageKey, questionId: 'q1', body: { body: 'Like this' } },
      { kind: 'reply', pageKey, noteId: 'n1', body: { body: 'Thanks' } },
    ];
    const keys: string[] = [];
    for (const entry of entries) keys.push((await outbox.add(entry)).key);
    await flushOutbox();
    const headers = (i: number) => ({ 'idempotency-key': keys[i] });
    expect(sent).toEqual([
      { route: 'POST /notes', input: { headers: headers(0), json: entries[0]!.body } },
      { route: 'POST /questions', input: { headers: headers(1), json: entries[1]!.body } },
      { route: 'POST /questions/{id}/answers', input: { params: { id: 'q1' }, headers: headers(2), json: { body: 'Like this' } } },
      { route: 'POST /notes/{id}/replies', input: { params: { id: 'n1' }, headers: headers(3), json: { body: 'Thanks' } } },
    ]);
    expect(await outbox.list()).toEqual([]);
  });
});
