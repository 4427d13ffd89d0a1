import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { OutboxEntry, OutboxItem } from '../../messaging/types';
import { ApiFailure } from '@shared/client';
import { Outbox } from './outbox';

const note = (body: string): OutboxEntry => ({
  kind: 'note',
  pageKey: 'https://crm.example/a',
  body: { pattern: 'https://crm.example/a', body, visibility: 'org', teamId: null },
});
const area = fakeBrowser.storage.local;
beforeEach(() => fakeBrowser.reset());
const down = () => new ApiFailure('unreachable', 0, 'network_error', 'The server did not answer.');

describe('Outbox', () => {
  it('sends waiting items in order and forgets them once accepted', async () => {
    const outbox = new Outbox(area);
    await outbox.add(note('one'));
    await outbox.add(note('two'));
    const sent: string[] = [];
    const left = await outbox.flush(async (e) => void sent.push(e.kind === 'note' ? e.body.body : ''));
    expect(sent).toEqual(['one', 'two']);
    expect(left).toEqual([]);
    expect(await outbox.list()).toEqual([]);
  });

  it('keeps everything when the server is down, stops at the first failure and backs off', async () => {
    let now = 1_000;
    const outbox = new Outbox(area, () => now);
    await outbox.add(note('one'));
    await outbox.add(note('two'));
    const send = vi.fn(async () => { throw down(); });
    const left = await outbox.flush(send);
    expect(send).toHaveBeenCalledTimes(1); // the rest would fail the same way
    expect(left.map((i) => i.attempts)).toEqual([1, 0]);
    expect(left[0]!.nextAttemptAt).toBe(now + 5_000);

    send.mockClear();
    now += 1_000; // not due yet
    await outbox.flush(send);
    expect(send).toHaveBeenCalledTimes(1); // only "two", never tried, is due
    send.mockClear();
    await outbox.flush(send, { force: true }); // the panel reopened: try all now
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('survives a restart: a new Outbox on the same storage sends what the old one kept', async () => {
    await new Outbox(area).add(note('kept'));
    const sent: string[] = [];
    await new Outbox(area).flush(async (e) => void sent.push(e.kind === 'note' ? e.body.body : ''));
    expect(sent).toEqual(['kept']);
  });

  it('keeps a rejected item for the user without retrying it, and goes on with the next', async () => {
    const outbox = new Outbox(area);
    await outbox.add(note('bad'));
    await outbox.add(note('good'));
    const send = vi.fn(async (e: OutboxEntry) => {
      if (e.kind === 'note' && e.body.body === 'bad') throw new ApiFailure('rejected', 400, 'validation_failed', 'body: too long');
    });
    expect(await outbox.flush(send)).toEqual([]);
    const [rejected] = await outbox.list();
    expect(rejected?.lastError).toEqual({ kind: 'rejected', message: 'body: too long' });
    send.mockClear();
    await outbox.flush(send, { force: true });
    expect(send).not.toHaveBeenCalled();
    await outbox.discard(rejected!.id);
    expect(await outbox.list()).toEqual([]);
  });

  it('sends each item with a key of its own, the same on every attempt', async () => {
    const outbox = new Outbox(area);
    await outbox.add(note('one'));
    await outbox.add(note('two'));
    const sent: Array<{ body: string; key: string }> = [];
    const send = async (e: OutboxEntry, key: string) => {
      const body = e.kind === 'note' ? e.body.body : '';
      sent.push({ body, key });
      if (body === 'two') throw down();
    };
    await outbox.flush(send);
    await outbox.flush(send, { force: true });
    const [one, two, twoAgain] = sent;
    expect(sent.map((s) => s.body)).toEqual(['one', 'two', 'two']);
    expect(twoAgain?.key).toBe(two?.key);
    expect(one?.key).not.toBe(two?.key);
    expect(one?.key).toMatch(/^[A-Za-z0-9_-]{16,100}$/); // what the API takes as an Idempotency-Key
  });

  it('stores each outcome as soon as its answer arrives, before the next item is sent', async () => {
    const outbox = new Outbox(area);
    for (const body of ['one', 'bad', 'three']) await outbox.add(note(body));
    const stored = async () =>
      (((await area.get('outbox')).outbox as OutboxItem[] | undefined) ?? []).map((i) => `${i.entry.kind === 'note' ? i.entry.body.body : ''}${i.lastError ? ` (${i.lastError.kind})` : ''}`);
    const seen: string[][] = [];
    await outbox.flush(async (e) => {
      seen.push(await stored());
      if (e.kind === 'note' && e.body.body === 'bad') throw new ApiFailure('rejected', 400, 'validation_failed', 'body: too long');
    });
    expect(seen).toEqual([['one', 'bad', 'three'], ['bad', 'three'], ['bad (rejected)', 'three']]);
    expect(await stored()).toEqual(['bad (rejected)']);
  });

  it('never sends an item twice when flushes overlap', async () => {
    const outbox = new Outbox(area);
    await outbox.add(note('once'));
    const send = vi.fn(() => new Promise<void>((r) => setTimeout(r, 10)));
    await Promise.all([outbox.flush(send), outbox.flush(send), outbox.flush(send, { force: true })]);
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('doubles the retry delay from 5 s with each failure, up to ten minutes', async () => {
    const now = 1_000;
    const outbox = new Outbox(area, () => now);
    await outbox.add(note('one'));
    const delays: number[] = [];
    for (let i = 0; i < 30; i++) {
      const [item] = await outbox.flush(async () => { throw down(); }, { force: true });
      delays.push(item!.nextAttemptAt - now);
    }
    expect(delays.slice(0, 3)).toEqual([5_000, 10_000, 20_000]);
    expect(delays.at(-1)).toBe(600_000);
  });
});
