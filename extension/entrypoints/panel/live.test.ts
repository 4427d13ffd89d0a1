import { signal } from '@preact/signals';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { LiveStreamClient } from './live-stream';
import { fakeApi } from '../../server/fake-api';

type LiveStreamOptions = ConstructorParameters<typeof LiveStreamClient>[0];

const streams: LiveStreamOptions[] = [];
vi.mock('./live-stream', () => ({
  LiveStreamClient: class {
    constructor(options: LiveStreamOptions) {
      streams.push(options);
    }
    start() {}
    close() {}
    wake() {}
  },
}));
vi.mock('../../messaging', () => ({ askBackground: async () => null }));
const load = vi.fn(async (_options?: { quiet?: boolean }) => undefined);
const api = fakeApi({ 'GET /inbox': async () => ({ unread: 0, items: [] }), 'POST /events/ticket': async () => ({ ticket: 't', expiresAt: '' }) });
vi.mock('./store', () => ({
  announce: () => undefined,
  api: () => api,
  context: signal(null),
  load: (options?: { quiet?: boolean }) => load(options),
  me: signal({ user: { id: 'u' } }),
  page: signal({ tabId: 1, pageKey: 'https://crm.example/a' }),
  problem: signal(null),
  view: signal('ready'),
}));
vi.stubGlobal('window', { addEventListener: () => undefined, removeEventListener: () => undefined });
const { resyncs, startLive } = await import('./live');

beforeEach(() => {
  streams.length = 0;
  load.mockClear();
});

describe('startLive', () => {
  it('a reset while catching up resyncs once, when the stream goes live; reloads are quiet', () => {
    const stop = startLive();
    const stream = streams[0]!;
    const before = resyncs.value;
    stream.onState?.('connecting', false);
    stream.onReset();
    stream.onState?.('live', false);
    expect(load).toHaveBeenCalledTimes(1);
    expect(load).toHaveBeenCalledWith({ quiet: true });
    expect(resyncs.value).toBe(before + 1);
    // A reset on a live stream (not sent by this server, but possible) resyncs at once.
    stream.onReset();
    expect(load).toHaveBeenCalledTimes(2);
    stop();
  });

  it('content events reload quietly (a failure keeps the sections)', async () => {
    vi.useFakeTimers();
    const stop = startLive();
    streams[0]!.onEvent({ id: '5', kind: 'note.created', data: {} } as never);
    await vi.advanceTimersByTimeAsync(400);
    expect(load).toHaveBeenCalledWith({ quiet: true });
    stop();
    vi.useRealTimers();
  });
});
