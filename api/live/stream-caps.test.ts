// Caps on open event streams, on both databases: per person (429 too_many_streams) and per process
// (503 server_busy), refused before anything opens, and a closed stream's slot free at once.
import { serve } from '@hono/node-server';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { describeEachDatabase, openEvents, SseClient, type Account } from '../../test/support/api-harness';
import { EventStreams } from '../../test/support/event-streams';
import { createOrg, must, type Org } from '../../test/support/org-fixture';

const PER_USER = 2;
const PER_PROCESS = 4;

describe('EVENTS_MAX_STREAMS_PER_USER and EVENTS_MAX_STREAMS', () => {
  it('default to 20 per person and 10,000 per process, and take whole numbers from 1', () => {
    expect(loadConfig({})).toMatchObject({ maxStreamsPerUser: 20, maxStreams: 10_000 });
    expect(loadConfig({ EVENTS_MAX_STREAMS_PER_USER: '5', EVENTS_MAX_STREAMS: '300' })).toMatchObject({ maxStreamsPerUser: 5, maxStreams: 300 });
    expect(() => loadConfig({ EVENTS_MAX_STREAMS_PER_USER: '0' })).toThrow(/EVENTS_MAX_STREAMS_PER_USER/);
    expect(() => loadConfig({ EVENTS_MAX_STREAMS: '1.5' })).toThrow(/EVENTS_MAX_STREAMS/);
  });
});

describeEachDatabase(
  'event stream caps',
  (api) => {
    let org: Org;
    const streams = new EventStreams(api);
    beforeAll(async () => {
      org = await createOrg(api());
    });
    afterEach(async () => {
      await streams.closeAll();
      expect(api().services.live.size).toBe(0);
    });

    const hub = () => api().services.live;
    const attempt = (who: Account) => openEvents(api(), '', { token: who.token });
    const stream = (who: Account) => streams.stream(who, '');
    /** Waits up to 2 s for `done`: a server hears of a closed socket an event-loop turn or two later. */
    const eventually = async (done: () => boolean) => {
      const until = Date.now() + 2_000;
      while (!done() && Date.now() < until) await new Promise((r) => setTimeout(r, 5));
    };

    it('refuses a person over their cap with 429 too_many_streams and Retry-After, opening nothing', async () => {
      for (let i = 0; i < PER_USER; i++) await stream(org.alice);
      const res = await api().app.request('/api/v1/events', { headers: { authorization: `Bearer ${org.alice.token}` } });
      expect(res.status).toBe(429);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      const body = await res.json();
      expect(body).toEqual({ code: 'too_many_streams', message: expect.stringContaining(`${PER_USER} live connections`) });
      expect(hub().size).toBe(PER_USER);
      expect(hub().held(org.alice.user.id)).toBe(PER_USER);
      // The cap is per person: someone else still gets a stream.
      await stream(org.bob);
    });

    it('counts streams opened with a ticket like the others', async () => {
      await stream(org.alice);
      const ticket = await must(api().request('POST', '/events/ticket', { token: org.alice.token }));
      const byTicket = await openEvents(api(), `?ticket=${ticket.ticket}`);
      expect(byTicket.status).toBe(200);
      streams.keep(byTicket.client!);
      const next = await must(api().request('POST', '/events/ticket', { token: org.alice.token }));
      const refused = await openEvents(api(), `?ticket=${next.ticket}`);
      expect(refused.status).toBe(429);
      expect(refused.body.code).toBe('too_many_streams');
    });

    it('frees a slot the moment a stream closes', async () => {
      const first = await stream(org.alice);
      await stream(org.alice);
      expect((await attempt(org.alice)).status).toBe(429);
      await streams.close(first);
      expect(hub().held(org.alice.user.id)).toBe(PER_USER - 1);
      await stream(org.alice); // no wait: the slot is already free
      expect(hub().held(org.alice.user.id)).toBe(PER_USER);
    });

    it('frees the slots of streams the server ends (sign-out)', async () => {
      const signin = await must(api().request('POST', '/auth/signin', { json: { email: org.carol.user.email, password: 'correct horse battery' } }));
      const session = { token: signin.token, user: org.carol.user };
      const ended = [await stream(session), await stream(session)];
      await must(api().request('POST', '/auth/signout', { token: signin.token }));
      await Promise.all(ended.map((c) => c.ended));
      expect(hub().held(org.carol.user.id)).toBe(0);
      await stream(org.carol); // her other session is not affected
    });

    it('refuses anyone with 503 server_busy and Retry-After when the process holds its cap, until one closes', async () => {
      const held = [await stream(org.alice), await stream(org.alice), await stream(org.bob), await stream(org.bob)];
      expect(hub().size).toBe(PER_PROCESS);
      const res = await api().app.request('/api/v1/events', { headers: { authorization: `Bearer ${org.carol.token}` } });
      expect(res.status).toBe(503);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await res.json()).toEqual({ code: 'server_busy', message: expect.any(String) });
      expect(hub().size).toBe(PER_PROCESS);
      expect(hub().held(org.carol.user.id)).toBe(0);
      await streams.close(held[0]!);
      await stream(org.carol);
    });

    it('frees the slot when a client over a real socket goes away', async () => {
      let server!: Server;
      const address = await new Promise<AddressInfo>((resolve) => {
        server = serve({ fetch: api().app.fetch, port: 0, hostname: '127.0.0.1' }, resolve) as Server;
      });
      try {
        const url = `http://127.0.0.1:${address.port}/api/v1/events`;
        const clients = await Promise.all(
          [1, 2].map(async () => {
            const aborter = new AbortController();
            const res = await fetch(url, { headers: { authorization: `Bearer ${org.moderator.token}` }, signal: aborter.signal });
            expect(res.status).toBe(200);
            const client = new SseClient(res);
            await client.waitFor((e) => e.event === 'ready');
            return { aborter, client };
          }),
        );
        const refused = await fetch(url, { headers: { authorization: `Bearer ${org.moderator.token}` } });
        expect(refused.status).toBe(429);
        await refused.body?.cancel();
        clients[0]!.aborter.abort();
        await eventually(() => hub().held(org.moderator.user.id) === 1);
        expect(hub().held(org.moderator.user.id)).toBe(1);
        const again = await fetch(url, { headers: { authorization: `Bearer ${org.moderator.token}` } });
        expect(again.status).toBe(200);
        await again.body!.cancel();
        await clients[1]!.client.close();
      } finally {
        server.closeAllConnections();
        await new Promise((r) => server.close(r));
      }
      await eventually(() => hub().size === 0);
    });
  },
  { maxStreamsPerUser: PER_USER, maxStreams: PER_PROCESS },
);
