// Outgoing webhooks against a real HTTP receiver on 127.0.0.1: signatures, kinds, visibility, the Slack
// format, and a receiver that fails (500s, then a timeout) before it recovers.
import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/support/api-harness';
import { createOrg, must, SITE, type Org } from '../../test/support/org-fixture';

const page = `${SITE}/accounts/:id`;

interface Received {
  headers: IncomingMessage['headers'];
  body: string;
  answered: number | 'hung';
}

/** A receiver whose behaviour a test sets per request. */
class Receiver {
  readonly received: Received[] = [];
  behave: (n: number) => number | 'hang' = () => 200;
  private server!: Server;
  private hung: ServerResponse[] = [];
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      let body = '';
      req.on('data', (d) => (body += d));
      req.on('end', () => {
        const what = this.behave(this.received.length);
        const entry: Received = { headers: req.headers, body, answered: what === 'hang' ? 'hung' : what };
        this.received.push(entry);
        if (what === 'hang') this.hung.push(res);
        else res.writeHead(what, { 'content-type': 'text/plain' }).end('ok');
      });
    });
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hook`;
  }

  async stop(): Promise<void> {
    for (const res of this.hung) res.destroy();
    this.server.closeAllConnections();
    await new Promise((r) => this.server.close(r));
  }
}

const verify = (secret: string, r: Received) => {
  const ts = String(r.headers['x-alongside-timestamp']);
  const expected = `sha256=${createHmac('sha256', secret).update(`${ts}.${r.body}`).digest('hex')}`;
  return r.headers['x-alongside-signature'] === expected && Math.abs(Date.now() / 1000 - Number(ts)) < 300;
};

describeEachDatabase(
  'outgoing webhooks',
  (api) => {
    let org: Org;
    const receiver = new Receiver();
    beforeAll(async () => {
      org = await createOrg(api());
      await receiver.start();
    });
    afterAll(() => receiver.stop());

    const drain = async (until: () => Promise<boolean>, ms = 15_000) => {
      const end = Date.now() + ms;
      while (!(await until())) {
        if (Date.now() > end) throw new Error('webhook deliveries did not settle');
        // Two workers at once, as two instances' jobs would: rows are claimed, never sent twice.
        await Promise.all([api().services.webhooks.deliverDue(), api().services.webhooks.deliverDue()]);
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    const log = (id: string) => must(api().request('GET', `/webhooks/${id}/deliveries`, { token: org.admin.token }));
    const note = (body: string, extra: Record<string, unknown> = {}) =>
      must(api().request('POST', '/notes', { token: org.alice.token, json: { pattern: page, body, ...extra } }));

    it('is admin-only, shows the secret once, and validates its input', async () => {
      const body = { url: receiver.url, kinds: ['note.created'] };
      expect((await api().request('POST', '/webhooks', { token: org.alice.token, json: body })).status).toBe(403);
      expect((await api().request('POST', '/webhooks', { token: org.admin.token, json: { ...body, kinds: ['nope'] } })).status).toBe(400);
      expect((await api().request('POST', '/webhooks', { token: org.admin.token, json: { ...body, url: 'ftp://x' } })).status).toBe(400);
      const created = await must(api().request('POST', '/webhooks', { token: org.admin.token, json: { ...body, active: false } }));
      expect(created.secret).toMatch(/^whsec_/);
      const listed = await must(api().request('GET', '/webhooks', { token: org.admin.token }));
      expect(listed.find((w: any) => w.id === created.id)).toEqual({ id: created.id, url: receiver.url, kinds: ['note.created'], format: 'json', active: false, createdAt: expect.any(String) });
      await must(api().request('DELETE', `/webhooks/${created.id}`, { token: org.admin.token }));
      expect((await api().request('GET', `/webhooks/${created.id}/deliveries`, { token: org.admin.token })).status).toBe(404);
    });

    it('delivers signed org-visible events of the selected kinds, and nothing else', async () => {
      receiver.received.length = 0;
      receiver.behave = () => 200;
      const hook = await must(api().request('POST', '/webhooks', { token: org.admin.token, json: { url: receiver.url, kinds: ['note.created'] } }));
      const n = await note('for the webhook');
      await note('private', { visibility: 'private' });
      await note('team', { visibility: 'team', teamId: org.teamId });
      await must(api().request('POST', '/questions', { token: org.alice.token, json: { pattern: page, title: 'not selected' } }));
      await drain(async () => (await log(hook.id)).every((d: any) => d.status !== 'pending'));
      expect(receiver.received).toHaveLength(1);
      const [r] = receiver.received;
      expect(verify(hook.secret, r!)).toBe(true);
      expect(verify('whsec_wrong', r!)).toBe(false);
      const payload = JSON.parse(r!.body);
      expect(payload).toMatchObject({ delivery: r!.headers['x-alongside-delivery'], event: { kind: 'note.created', page, data: { noteId: n.id } } });
      const [d] = await log(hook.id);
      expect(d).toMatchObject({ id: r!.headers['x-alongside-delivery'], status: 'delivered', attempts: 1, lastStatus: 200, kind: 'note.created' });
      await must(api().request('PATCH', `/webhooks/${hook.id}`, { token: org.admin.token, json: { active: false } }));
    });

    it('sends the Slack format with a link to the page', async () => {
      receiver.received.length = 0;
      const hook = await must(api().request('POST', '/webhooks', { token: org.admin.token, json: { url: receiver.url, kinds: ['question.created'], format: 'slack' } }));
      await must(api().request('POST', '/questions', { token: org.alice.token, json: { pattern: page, title: 'Slack?' } }));
      await drain(async () => (await log(hook.id)).every((d: any) => d.status === 'delivered'));
      const body = JSON.parse(receiver.received[0]!.body);
      expect(body.text).toBe(`New question on <${page}|${page}>`);
      expect(body.blocks[0]).toEqual({ type: 'section', text: { type: 'mrkdwn', text: body.text } });
      await must(api().request('PATCH', `/webhooks/${hook.id}`, { token: org.admin.token, json: { active: false } }));
    });

    it('retries a receiver that fails and times out until it recovers: every event arrives, none is acknowledged twice', async () => {
      receiver.received.length = 0;
      // 500, 500, a hang (longer than the timeout), then healthy.
      receiver.behave = (n) => (n < 2 ? 500 : n === 2 ? 'hang' : 200);
      const hook = await must(api().request('POST', '/webhooks', { token: org.admin.token, json: { url: receiver.url, kinds: ['note.created'] } }));
      const notes = [await note('r1'), await note('r2'), await note('r3')];
      await drain(async () => (await log(hook.id)).every((d: any) => d.status === 'delivered'));
      const deliveries = await log(hook.id);
      expect(deliveries).toHaveLength(3);
      const acked = receiver.received.filter((r) => r.answered === 200);
      const ackedIds = acked.map((r) => String(r.headers['x-alongside-delivery']));
      expect(new Set(ackedIds).size).toBe(3);
      expect(ackedIds).toHaveLength(3); // each acknowledged exactly once
      expect(acked.map((r) => JSON.parse(r.body).event.data.noteId).sort()).toEqual(notes.map((n) => n.id).sort());
      // Retries carry the same delivery id, and nothing came after an acknowledgement.
      for (const id of ackedIds) {
        const tries = receiver.received.filter((r) => r.headers['x-alongside-delivery'] === id);
        expect(tries.at(-1)!.answered).toBe(200);
      }
      expect(receiver.received.filter((r) => r.answered !== 200).length).toBe(3);
      expect(deliveries.reduce((n: number, d: any) => n + d.attempts, 0)).toBe(6);
      await must(api().request('PATCH', `/webhooks/${hook.id}`, { token: org.admin.token, json: { active: false } }));
    });

    it('gives up after the last attempt and logs why', async () => {
      receiver.received.length = 0;
      receiver.behave = () => 503;
      const hook = await must(api().request('POST', '/webhooks', { token: org.admin.token, json: { url: receiver.url, kinds: ['note.created'] } }));
      await note('never accepted');
      await drain(async () => (await log(hook.id)).every((d: any) => d.status === 'failed'));
      const [d] = await log(hook.id);
      expect(d).toMatchObject({ status: 'failed', attempts: 4, lastStatus: 503, lastError: 'HTTP 503', deliveredAt: null });
      expect(receiver.received).toHaveLength(4);

      // An admin sends it again once the receiver is fixed: fresh attempts, delivered.
      receiver.behave = () => 200;
      expect((await api().request('POST', `/webhooks/${hook.id}/deliveries/${d.id}/retry`, { token: org.alice.token })).status).toBe(403);
      const again = await must(api().request('POST', `/webhooks/${hook.id}/deliveries/${d.id}/retry`, { token: org.admin.token }));
      expect(again).toMatchObject({ id: d.id, status: 'pending', attempts: 0, lastError: null });
      await drain(async () => (await log(hook.id)).every((x: any) => x.status === 'delivered'));
      const twice = await api().request('POST', `/webhooks/${hook.id}/deliveries/${d.id}/retry`, { token: org.admin.token });
      expect([twice.status, twice.body.code]).toEqual([409, 'not_failed']);
      await must(api().request('PATCH', `/webhooks/${hook.id}`, { token: org.admin.token, json: { active: false } }));
    });

    it('sends a signed test delivery at once, says how the receiver answered, and logs nothing', async () => {
      receiver.received.length = 0;
      receiver.behave = () => 204;
      const hook = await must(api().request('POST', '/webhooks', { token: org.admin.token, json: { url: receiver.url, kinds: ['note.created'], active: false } }));
      const ok = await must(api().request('POST', `/webhooks/${hook.id}/test`, { token: org.admin.token }));
      expect(ok).toEqual({ status: 204, error: null, durationMs: expect.any(Number) });
      expect(receiver.received).toHaveLength(1);
      expect(receiver.received[0]!.headers['x-alongside-event']).toBe('webhook.test');
      expect(verify(hook.secret, receiver.received[0]!)).toBe(true);
      receiver.behave = () => 500;
      expect(await must(api().request('POST', `/webhooks/${hook.id}/test`, { token: org.admin.token }))).toMatchObject({ status: 500, error: 'HTTP 500' });
      receiver.behave = () => 'hang';
      expect(await must(api().request('POST', `/webhooks/${hook.id}/test`, { token: org.admin.token }))).toMatchObject({ status: null, error: 'timed out after 400 ms' });
      expect(await log(hook.id)).toEqual([]);
    });
  },
  // The receiver is on 127.0.0.1: allowed explicitly, as an internal receiver in a real deployment would be.
  { webhookTimeoutMs: 400, webhookBackoffMs: 20, webhookMaxAttempts: 4, webhookAllowedHosts: ['127.0.0.1'] },
);
