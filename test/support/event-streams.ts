// The event streams an API test opens (GET /events on the in-process app), kept so that the suite
// closes them all after each test (`afterEach(() => streams.closeAll())`): every test starts with none.
import { expect } from 'vitest';
import { openEvents, type Account, type SseClient, type TestApi } from './api-harness';

export class EventStreams {
  private readonly open: SseClient[] = [];

  constructor(private readonly api: () => TestApi) {}

  /** Opens a stream as `who` (ready, replay done); anything but 200 fails the test. */
  async stream(who: Account, query: string, lastEventId?: string): Promise<SseClient> {
    const res = await openEvents(this.api(), query, { token: who.token, lastEventId });
    expect(res.status).toBe(200);
    return this.keep(res.client!);
  }

  /** Keeps a stream opened some other way (a ticket), to close with the others. */
  keep(client: SseClient): SseClient {
    this.open.push(client);
    return client;
  }

  /** Closes one now, the way a browser leaving does: the response body is cancelled. */
  async close(client: SseClient): Promise<void> {
    this.open.splice(this.open.indexOf(client), 1);
    await client.close();
  }

  async closeAll(): Promise<void> {
    await Promise.all(this.open.splice(0).map((c) => c.close()));
  }
}
