// Server-sent event streams: one per open panel (or background page). The hub keeps them in memory; when
// the change feed says events up to id N committed (this instance's write, or another instance's NOTIFY),
// the hub reads the new rows ONCE, in id order, and hands each to the streams allowed to see it.
//
// No gap, no duplicate: a stream registers first (buffering what the hub hands it), then replays from the
// table what it missed (Last-Event-ID) or takes the current maximum id, then drains the buffer, skipping
// every id it already sent. Event ids grow in commit order (events.ts), so "id > last sent" is exact.
//
// Each open stream holds a socket and some memory (about 20 KB, BENCHMARKS.md) until its client leaves, so
// streams are capped per person (a runaway client cannot take the process) and per process (a flood cannot
// exhaust memory or file descriptors). A refused open costs nothing: the caps are checked before a stream exists.
import type { Database } from '../db/database';
import { ApiError } from './errors';
import { canSee, type Viewer } from './access';
import { eventBounds, eventsAfter, sharingNow, type EventRow } from './event-log';
import type { WritePath } from './write-path';

/** What the hub asks of the scope index (scopes/service.ts): the scopes of a page. */
interface PageScopes {
  match(pageKey: string): ReadonlyArray<{ id: string }>;
}

/** What the hub asks of the sessions (auth/sessions.ts): whether they are alive, and who they are now. */
interface Sessions {
  alive(sessionIds: string[]): Promise<Set<string>>;
  viewerForSession(sessionId: string): Promise<{ viewer: Viewer; expiresAt: Date } | null>;
}

const FETCH_BATCH = 500;
/** Replay at most this many missed events; more, or older than what is kept, sends `reset`. */
const REPLAY_LIMIT = 1000;
/** A client that lets this much pile up unread is dropped (it reconnects and resumes). */
const MAX_BUFFERED_BYTES = 1 << 20;

/** What a refused client is told to wait: slots free as other streams close, which nobody can predict. */
const RETRY_AFTER_SECONDS = 30;

const encoder = new TextEncoder();

interface StreamOptions {
  heartbeatMs: number;
  /** Streams one person may hold on this process (EVENTS_MAX_STREAMS_PER_USER). */
  maxStreamsPerUser: number;
  /** Streams this process holds at most (EVENTS_MAX_STREAMS). */
  maxStreams: number;
}

class LiveStream {
  lastSent = 0;
  /** Events handed over while the stream replays; null once live. */
  pending: EventRow[] | null = [];
  /**
   * Events held while the viewer's role or teams are being read again (a change was reported): judged with
   * the fresh viewer, not the old one. Null when the viewer is current.
   */
  awaitingViewer: EventRow[] | null = null;
  /** Reads of the viewer in flight: the held events go out when the last one is done. */
  refreshing = 0;
  closed = false;
  private controller!: ReadableStreamDefaultController<Uint8Array>;
  readonly body: ReadableStream<Uint8Array>;

  constructor(
    public viewer: Viewer,
    readonly pageKey: string | null,
    public expiresAt: number,
    private readonly onClose: (stream: LiveStream) => void,
  ) {
    this.body = new ReadableStream<Uint8Array>(
      {
        start: (controller) => {
          this.controller = controller;
        },
        cancel: () => this.close(false),
      },
      { highWaterMark: 0, size: (chunk) => chunk.byteLength },
    );
  }

  offer(event: EventRow): void {
    if (this.closed || event.id <= this.lastSent) return;
    if (this.pending) this.pending.push(event);
    else this.send(event);
  }

  send(event: EventRow): void {
    if (event.id <= this.lastSent) return;
    this.lastSent = event.id;
    const data = { id: String(event.id), kind: event.kind, at: event.createdAt.toISOString(), scopeId: event.scopeId, data: event.data };
    this.write(`id: ${event.id}\nevent: ${event.kind}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  /** A control event (`reset`, `end`): carries the id to resume from, so a reconnect does not replay again. */
  control(kind: 'reset' | 'end' | 'ready', data: Record<string, unknown>, id?: number): void {
    if (id !== undefined) this.lastSent = Math.max(this.lastSent, id);
    this.write(`${id !== undefined ? `id: ${id}\n` : ''}event: ${kind}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  write(text: string): void {
    if (this.closed) return;
    try {
      if ((this.controller.desiredSize ?? 0) < -MAX_BUFFERED_BYTES) return this.close(true);
      this.controller.enqueue(encoder.encode(text));
    } catch {
      this.close(false);
    }
  }

  close(end = true): void {
    if (this.closed) return;
    this.closed = true;
    this.pending = null;
    if (end) {
      try {
        this.controller.close();
      } catch {
        // already closed by the client
      }
    }
    this.onClose(this);
  }
}

export class LiveHub {
  private readonly streams = new Set<LiveStream>();
  /** Open streams per user id; an entry goes when its count reaches zero. */
  private readonly perUser = new Map<string, number>();
  private last = 0;
  private fetching = false;
  private again = false;
  private heartbeat: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly database: Database,
    writes: WritePath,
    private readonly scopes: PageScopes,
    private readonly sessions: Sessions,
    private readonly options: StreamOptions,
  ) {
    writes.subscribe((change) => {
      if (change.t === 'events') {
        if (this.streams.size === 0) this.last = Math.max(this.last, change.maxId);
        else void this.wake();
      } else if (change.t === 'all') {
        void this.wake();
        void this.checkSessions();
      } else if (change.t === 'session-revoked') {
        if (change.sessionId) this.endSession(change.sessionId, 'session_revoked');
        else void this.checkSessions();
      } else if (change.t === 'user') void this.refreshViewers(change.id);
    });
  }

  async start(): Promise<void> {
    this.last = (await eventBounds(this.database.db)).max;
    this.heartbeat = setInterval(() => this.beat(), this.options.heartbeatMs);
    this.heartbeat.unref();
  }

  get size(): number {
    return this.streams.size;
  }

  /** Streams the user holds on this process. */
  held(userId: string): number {
    return this.perUser.get(userId) ?? 0;
  }

  /**
   * Opens a stream for a viewer (and a page key, or none for personal events only), resuming after `lastEventId`.
   * Over a cap it throws instead: 503 server_busy (the process), 429 too_many_streams (the person).
   */
  open(viewer: Viewer, expiresAt: Date, pageKey: string | null, lastEventId: number | undefined): LiveStream {
    const retry = { 'Retry-After': String(RETRY_AFTER_SECONDS) };
    if (this.streams.size >= this.options.maxStreams) {
      throw new ApiError(503, 'server_busy', 'This server holds as many live connections as it may. Try again later.', undefined, retry);
    }
    const userId = viewer.id;
    const held = this.held(userId);
    if (held >= this.options.maxStreamsPerUser) {
      throw new ApiError(
        429,
        'too_many_streams',
        `You already have ${held} live connections to this server, the most allowed. Close Alongside in some tabs, or try again later.`,
        undefined,
        retry,
      );
    }
    const stream = new LiveStream(viewer, pageKey, expiresAt.getTime(), (s) => this.release(s, userId));
    this.streams.add(stream);
    this.perUser.set(userId, held + 1);
    stream.write(`retry: 2000\n: connected\n\n`);
    void this.catchUp(stream, lastEventId).catch((err: Error) => {
      console.error(`[events] replay failed: ${err.message}`);
      stream.close();
    });
    return stream;
  }

  private release(stream: LiveStream, userId: string): void {
    this.streams.delete(stream);
    const held = this.held(userId) - 1;
    if (held > 0) this.perUser.set(userId, held);
    else this.perUser.delete(userId);
  }

  private async catchUp(stream: LiveStream, lastEventId: number | undefined): Promise<void> {
    const db = this.database.db;
    const bounds = await eventBounds(db);
    if (lastEventId === undefined) {
      stream.lastSent = bounds.max;
    } else if (lastEventId > bounds.max || (bounds.min > 0 && lastEventId < bounds.min - 1)) {
      stream.control('reset', { reason: 'too_old' }, bounds.max);
    } else {
      stream.lastSent = lastEventId;
      const scopeIds = stream.pageKey ? this.scopes.match(stream.pageKey).map((s) => s.id) : [];
      const missed = await eventsAfter(db, lastEventId, REPLAY_LIMIT + 1, { scopeIds, userId: stream.viewer.id });
      if (missed.length > REPLAY_LIMIT) {
        stream.control('reset', { reason: 'too_many' }, bounds.max);
      } else {
        const now = await sharingNow(db, missed);
        const stillVisible = (event: EventRow) => {
          const sharing = now.get(event.id);
          return sharing === undefined || (sharing !== null && canSee(stream.viewer, sharing));
        };
        for (const event of missed) if (this.visible(stream, event, new Set(scopeIds)) && stillVisible(event)) stream.send(event);
      }
    }
    const pending = stream.pending ?? [];
    stream.pending = null;
    for (const event of pending) stream.send(event);
    if (!stream.closed) stream.control('ready', { lastEventId: String(stream.lastSent) });
  }

  /** Reads what committed since the last read and dispatches it; one read at a time, repeated while woken. */
  private async wake(): Promise<void> {
    if (this.fetching) {
      this.again = true;
      return;
    }
    this.fetching = true;
    try {
      do {
        this.again = false;
        for (;;) {
          const batch = await eventsAfter(this.database.db, this.last, FETCH_BATCH);
          if (batch.length > 0) {
            this.last = batch[batch.length - 1]!.id;
            this.dispatch(batch);
          }
          if (batch.length < FETCH_BATCH) break;
        }
      } while (this.again);
    } catch (err) {
      console.error(`[events] fetch failed: ${(err as Error).message}`);
    } finally {
      this.fetching = false;
    }
  }

  private dispatch(batch: EventRow[]): void {
    // Streams on the same page share one scope lookup.
    const scopesByPage = new Map<string, Set<string>>();
    for (const stream of this.streams) {
      let scopeIds: Set<string> | undefined;
      if (stream.pageKey) {
        scopeIds = scopesByPage.get(stream.pageKey);
        if (!scopeIds) {
          scopeIds = new Set(this.scopes.match(stream.pageKey).map((s) => s.id));
          scopesByPage.set(stream.pageKey, scopeIds);
        }
      }
      if (stream.awaitingViewer) stream.awaitingViewer.push(...batch);
      else for (const event of batch) if (this.visible(stream, event, scopeIds)) stream.offer(event);
    }
  }

  private visible(stream: LiveStream, event: EventRow, scopeIds: Set<string> | undefined): boolean {
    if (event.userId !== null) return event.userId === stream.viewer.id;
    if (!event.scopeId || !scopeIds?.has(event.scopeId)) return false;
    if (event.authorId === null || event.visibility === null) return true;
    return canSee(stream.viewer, { authorId: event.authorId, visibility: event.visibility, teamId: event.teamId });
  }

  private beat(): void {
    const now = Date.now();
    for (const stream of this.streams) {
      if (stream.expiresAt <= now) {
        stream.control('end', { reason: 'session_expired' });
        stream.close();
      } else stream.write(': heartbeat\n\n');
    }
  }

  private endSession(sessionId: string, reason: string): void {
    for (const stream of [...this.streams]) {
      if (stream.viewer.sessionId === sessionId) {
        stream.control('end', { reason });
        stream.close();
      }
    }
  }

  private async checkSessions(): Promise<void> {
    const ids = [...new Set([...this.streams].map((s) => s.viewer.sessionId))];
    const alive = await this.sessions.alive(ids).catch(() => null);
    if (!alive) return;
    for (const id of ids) if (!alive.has(id)) this.endSession(id, 'session_revoked');
  }

  /**
   * A person's role or teams changed: what their open streams may see changes too. Their events are held
   * from this moment (the change arrives before any later write's events) until the fresh viewer is read.
   */
  private async refreshViewers(userId: string): Promise<void> {
    const theirs = [...this.streams].filter((stream) => stream.viewer.id === userId);
    for (const stream of theirs) {
      stream.awaitingViewer ??= [];
      stream.refreshing++;
    }
    for (const stream of theirs) {
      const fresh = await this.sessions.viewerForSession(stream.viewer.sessionId).catch(() => undefined);
      stream.refreshing--;
      if (fresh === null) {
        stream.control('end', { reason: 'session_revoked' });
        stream.close();
        continue;
      }
      if (fresh) stream.viewer = fresh.viewer;
      if (stream.refreshing > 0) continue; // a later change is being read: its answer releases them
      const held = stream.awaitingViewer ?? [];
      stream.awaitingViewer = null;
      const scopeIds = stream.pageKey ? new Set(this.scopes.match(stream.pageKey).map((s) => s.id)) : undefined;
      for (const event of held) if (this.visible(stream, event, scopeIds)) stream.offer(event);
    }
  }

  /** Ends every stream: on shutdown, so the HTTP server can close. */
  close(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    for (const stream of [...this.streams]) {
      stream.control('end', { reason: 'server_stopping' });
      stream.close();
    }
  }
}

