import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LiveEvent } from '@shared/contract';
import { ApiFailure } from '@shared/client';
import { LiveStreamClient } from './live-stream';

type LiveStreamOptions = ConstructorParameters<typeof LiveStreamClient>[0];

/** The slice of EventSource the client uses, driven by the test. */
class FakeSource {
  onerror: ((event: Event) => void) | null = null;
  closed = false;
  private listeners = new Map<string, Array<(e: MessageEvent<string>) => void>>();
  constructor(readonly url: string) {}
  addEventListener(type: string, listener: (e: MessageEvent<string>) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  close() {
    this.closed = true;
  }
  emit(type: string, data: unknown, lastEventId = '') {
    const e = { data: typeof data === 'string' ? data : JSON.stringify(data), lastEventId } as MessageEvent<string>;
    for (const l of this.listeners.get(type) ?? []) l(e);
  }
  /** A content event as the API sends it: the SSE id is the event id. */
  event(id: number, kind = 'note.created', data: Record<string, unknown> = { noteId: `n${id}` }) {
    this.emit(kind, { id: String(id), kind, at: '2026-11-30T00:00:00.000Z', scopeId: 's', data }, String(id));
  }
  fail() {
    this.onerror?.(new Event('error'));
  }
}

function harness(overrides: Partial<LiveStreamOptions> = {}) {
  const sources: FakeSource[] = [];
  const events: LiveEvent[] = [];
  const calls = { resets: 0, ends: [] as string[], states: [] as string[], tickets: 0 };
  const client = new LiveStreamClient({
    ticket: async () => `t${++calls.tickets}`,
    url: (ticket, last) => `/events?ticket=${ticket}${last ? `&lastEventId=${last}` : ''}`,
    open: (url) => {
      const s = new FakeSource(url);
      sources.push(s);
      return s;
    },
    onEvent: (e) => events.push(e),
    onReset: () => calls.resets++,
    onEnd: (reason) => calls.ends.push(reason),
    onState: (state, reconnected) => calls.states.push(reconnected ? `${state}*` : state),
    backoff: { initialMs: 1_000, maxMs: 8_000 },
    random: () => 1,
    ...overrides,
  });
  const latest = () => sources[sources.length - 1]!;
  return { client, sources, latest, events, calls };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('LiveStreamClient', () => {
  it('delivers a well-formed event and drops anything else', async () => {
    const h = harness();
    h.client.start();
    await vi.advanceTimersByTimeAsync(0);
    const good = { id: '12', kind: 'vote.changed', at: '2026-11-30T00:00:00.000Z', scopeId: 's', data: { kind: 'notes', id: 'n', score: 2 } };
    for (const bad of ['', 'not json', 'null', '{}', JSON.stringify({ ...good, id: 'x' }), JSON.stringify({ ...good, kind: 'toString' }), JSON.stringify({ ...good, data: null })]) {
      h.latest().emit('vote.changed', bad);
    }
    expect(h.events).toEqual([]);
    h.latest().emit('vote.changed', good);
    expect(h.events).toEqual([good]);
  });

  it('backs off from the initial delay, doubling up to the maximum, with jitter in [half, full]', async () => {
    const reconnectsAfter = async (h: ReturnType<typeof harness>, ms: number) => {
      const before = h.sources.length;
      h.latest().fail();
      await vi.advanceTimersByTimeAsync(ms - 1);
      const early = h.sources.length > before;
      await vi.advanceTimersByTimeAsync(1);
      return !early && h.sources.length === before + 1;
    };
    const full = harness();
    full.client.start();
    await vi.advanceTimersByTimeAsync(0);
    for (const ms of [1_000, 2_000, 4_000, 8_000, 8_000, 8_000]) expect(await reconnectsAfter(full, ms)).toBe(true);

    const half = harness({ random: () => 0 });
    half.client.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(await reconnectsAfter(half, 500)).toBe(true);
    expect(await reconnectsAfter(half, 1_000)).toBe(true);
  });

  it('opens with a ticket, delivers events in order and goes live on ready', async () => {
    const h = harness();
    h.client.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(h.latest().url).toBe('/events?ticket=t1');
    h.latest().event(5);
    h.latest().emit('ready', { lastEventId: '5' }, '');
    h.latest().event(6, 'inbox.changed', { unread: 3 });
    expect(h.events.map((e) => [e.id, e.kind])).toEqual([['5', 'note.created'], ['6', 'inbox.changed']]);
    expect(h.calls.states).toEqual(['connecting', 'live']);
    expect(h.client.lastEventId).toBe('6');
  });

  it('reconnects after a failure with a fresh ticket and the last id, backing off, and drops duplicates', async () => {
    const h = harness();
    h.client.start();
    await vi.advanceTimersByTimeAsync(0);
    h.latest().emit('ready', { lastEventId: '10' }, '');
    h.latest().event(11);
    h.latest().fail();
    expect(h.sources[0]!.closed).toBe(true); // not left to the browser's reconnect, which would reuse the ticket
    await vi.advanceTimersByTimeAsync(999);
    expect(h.sources).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(h.latest().url).toBe('/events?ticket=t2&lastEventId=11');
    // Still down: the next wait is longer.
    h.latest().fail();
    await vi.advanceTimersByTimeAsync(1_999);
    expect(h.sources).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(h.latest().url).toBe('/events?ticket=t3&lastEventId=11');
    // The replay overlaps what was already delivered: only the new ones pass.
    h.latest().event(11);
    h.latest().event(12);
    h.latest().emit('ready', { lastEventId: '12' }, '');
    expect(h.events.map((e) => e.id)).toEqual(['11', '12']);
    expect(h.calls.states.at(-1)).toBe('live*');
    // A source that was replaced says nothing any more.
    h.sources[0]!.event(99);
    expect(h.events.map((e) => e.id)).toEqual(['11', '12']);
    // Live again: the backoff starts over.
    h.latest().fail();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(h.sources).toHaveLength(4);
  });

  it('resumes from where ready said the server caught up, when no event came yet', async () => {
    const h = harness();
    h.client.start();
    await vi.advanceTimersByTimeAsync(0);
    h.latest().emit('ready', { lastEventId: '42' }, '');
    h.latest().fail();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(h.latest().url).toBe('/events?ticket=t2&lastEventId=42');
  });

  it('retries when the ticket cannot be had, and ends when the session is gone', async () => {
    let down = true;
    const h = harness({
      ticket: async () => {
        if (down) throw new ApiFailure('unreachable', 0, 'network_error', 'down');
        throw new ApiFailure('unauthorized', 401, 'invalid_token', 'expired');
      },
    });
    h.client.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(h.calls.states).toEqual(['connecting', 'waiting']);
    down = false;
    await vi.advanceTimersByTimeAsync(1_000);
    expect(h.calls.ends).toEqual(['unauthorized']);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(h.sources).toHaveLength(0);
  });

  it('reloads on reset (resuming from its id) and stops for good on end, except when the server is stopping', async () => {
    const h = harness();
    h.client.start();
    await vi.advanceTimersByTimeAsync(0);
    h.latest().emit('reset', { reason: 'too_old' }, '40');
    expect(h.calls.resets).toBe(1);
    expect(h.client.lastEventId).toBe('40');

    h.latest().emit('end', { reason: 'server_stopping' });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(h.latest().url).toBe('/events?ticket=t2&lastEventId=40');
    expect(h.calls.ends).toEqual([]);

    h.latest().emit('end', { reason: 'session_revoked' });
    h.latest().fail(); // the connection closing after `end` is no reason to come back
    await vi.advanceTimersByTimeAsync(60_000);
    expect(h.calls.ends).toEqual(['session_revoked']);
    expect(h.sources).toHaveLength(2);
    expect(h.latest().closed).toBe(true);
  });

  it('closes for good, and wake() skips the wait when back online', async () => {
    const h = harness();
    h.client.start();
    await vi.advanceTimersByTimeAsync(0);
    h.latest().fail();
    h.client.wake();
    await vi.advanceTimersByTimeAsync(0);
    expect(h.sources).toHaveLength(2);
    h.client.close();
    expect(h.latest().closed).toBe(true);
    h.latest().fail();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(h.sources).toHaveLength(2);
  });
});
