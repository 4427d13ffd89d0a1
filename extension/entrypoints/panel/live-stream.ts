// The client of the API's live updates (GET /events): one EventSource for an open panel's page, which
// resumes where it left off. EventSource cannot send Authorization, so every connection, first or
// again, opens with a fresh single-use ticket (POST /events/ticket); that is also why the browser's own
// reconnect is not used (it would repeat a spent ticket): on an error the source is closed and this
// client reconnects itself, with backoff, passing the last event id it saw (?lastEventId=), so the
// server replays what was missed. Ids only grow, so anything at or below the last seen id is a duplicate.
import type { EventKind, LiveEvent } from '@shared/contract';
import { ApiFailure } from '@shared/client';

/** The slice of EventSource this client uses, so tests can drive a fake one. */
interface EventSourceLike {
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void;
  onerror: ((event: Event) => void) | null;
  close(): void;
}

export type StreamState = 'connecting' | 'live' | 'waiting' | 'ended';

interface LiveStreamOptions {
  /** A fresh ticket; an ApiFailure 'unauthorized' ends the stream (the session is gone). */
  ticket(): Promise<string>;
  /** The stream's address for a ticket and the last event id seen (null on the first connection). */
  url(ticket: string, lastEventId: string | null): string;
  onEvent(event: LiveEvent): void;
  /** The server no longer keeps what was missed: reload everything. */
  onReset(): void;
  /** The session ended (signed out, expired): the stream does not reconnect. */
  onEnd(reason: string): void;
  /** `reconnected`: live again after a failure (content may have changed while away). */
  onState?(state: StreamState, reconnected: boolean): void;
  open?(url: string): EventSourceLike;
  backoff?: { initialMs: number; maxMs: number };
  random?: () => number;
}

/** Every content and personal event kind; a Record so a kind added to the contract is a type error here. */
const eventKinds: Record<EventKind, true> = {
  'note.created': true,
  'note.updated': true,
  'note.deleted': true,
  'note.replied': true,
  'question.created': true,
  'question.routed': true,
  'answer.created': true,
  'answer.accepted': true,
  'vote.changed': true,
  'inbox.changed': true,
};
const KINDS = Object.keys(eventKinds) as EventKind[];

/** The LiveEvent in an SSE message's data, or null for anything malformed. */
function parseLiveEvent(data: string): LiveEvent | null {
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return null;
  }
  const e = value as Partial<LiveEvent> | null;
  if (!e || typeof e !== 'object' || typeof e.id !== 'string' || !/^\d+$/.test(e.id)) return null;
  if (typeof e.kind !== 'string' || !Object.hasOwn(eventKinds, e.kind)) return null;
  if (!e.data || typeof e.data !== 'object') return null;
  return e as LiveEvent;
}

/** Exponential backoff with jitter: attempt 0 waits about `initialMs`, doubling up to `maxMs`. */
function backoffDelay(attempt: number, { initialMs, maxMs }: { initialMs: number; maxMs: number }, random = Math.random): number {
  const base = Math.min(maxMs, initialMs * 2 ** Math.min(attempt, 20));
  return Math.round(base * (0.5 + random() / 2));
}

/** Server reasons for `end` that are not about the session: reconnect (to another instance, or later). */
const RECONNECTABLE_END = new Set(['server_stopping']);

export class LiveStreamClient {
  private source: EventSourceLike | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastId: bigint | null = null;
  private failures = 0;
  private state: StreamState = 'connecting';
  private readonly backoff: { initialMs: number; maxMs: number };

  constructor(private readonly options: LiveStreamOptions) {
    this.backoff = options.backoff ?? { initialMs: 1_000, maxMs: 60_000 };
  }

  /** The last event id seen: where a reconnect resumes. */
  get lastEventId(): string | null {
    return this.lastId === null ? null : String(this.lastId);
  }

  start(): void {
    void this.connect();
  }

  /** Closes for good (the panel closed or moved to another page). */
  close(): void {
    this.setState('ended');
    this.drop();
  }

  /** Back online: stop waiting and connect now. */
  wake(): void {
    if (this.state !== 'waiting') return;
    clearTimeout(this.timer);
    void this.connect();
  }

  private setState(state: StreamState, reconnected = false): void {
    if (this.state === 'ended') return;
    this.state = state;
    this.options.onState?.(state, reconnected);
  }

  private drop(): void {
    clearTimeout(this.timer);
    this.source?.close();
    this.source = null;
  }

  private async connect(): Promise<void> {
    if (this.state === 'ended') return;
    this.setState('connecting');
    let ticket: string;
    try {
      ticket = await this.options.ticket();
    } catch (err) {
      if (err instanceof ApiFailure && err.kind === 'unauthorized') return this.end('unauthorized');
      return this.retry();
    }
    if (this.state !== 'connecting') return; // closed meanwhile
    const url = this.options.url(ticket, this.lastEventId);
    const source = this.options.open ? this.options.open(url) : new EventSource(url);
    this.source = source;
    const mine = (listener: (e: MessageEvent<string>) => void) => (e: MessageEvent<string>) => {
      if (this.source === source) listener(e);
    };
    for (const kind of KINDS) source.addEventListener(kind, mine((e) => this.receive(e.data)));
    source.addEventListener('ready', mine((e) => {
      // Its data names where the server caught up to, also when this connection carried no event yet.
      const caughtUp = (parseJson(e.data) as { lastEventId?: unknown } | null)?.lastEventId;
      this.seen(typeof caughtUp === 'string' ? caughtUp : e.lastEventId);
      const reconnected = this.failures > 0;
      this.failures = 0;
      this.setState('live', reconnected);
    }));
    source.addEventListener('reset', mine((e) => {
      this.seen(e.lastEventId, true);
      this.options.onReset();
    }));
    source.addEventListener('end', mine((e) => {
      const reason = (parseJson(e.data) as { reason?: unknown } | null)?.reason;
      const why = typeof reason === 'string' ? reason : 'ended';
      if (RECONNECTABLE_END.has(why)) this.retry();
      else this.end(why);
    }));
    source.onerror = () => {
      if (this.source === source) this.retry();
    };
  }

  private receive(data: string): void {
    const event = parseLiveEvent(data);
    if (!event) return;
    const id = BigInt(event.id);
    if (this.lastId !== null && id <= this.lastId) return; // already delivered before a reconnect
    this.lastId = id;
    this.options.onEvent(event);
  }

  /** Moves the resume point forward (a `reset` may also move it back: the server's numbering restarted). */
  private seen(id: string | undefined, always = false): void {
    if (!id || !/^\d+$/.test(id)) return;
    const n = BigInt(id);
    if (always || this.lastId === null || n > this.lastId) this.lastId = n;
  }

  private retry(): void {
    if (this.state === 'ended') return;
    this.drop();
    this.setState('waiting');
    const delay = backoffDelay(this.failures++, this.backoff, this.options.random);
    this.timer = setTimeout(() => void this.connect(), delay);
  }

  private end(reason: string): void {
    if (this.state === 'ended') return;
    this.drop();
    this.setState('ended');
    this.options.onEnd(reason);
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
