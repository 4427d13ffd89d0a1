// Webhook URLs an admin may not register (server-side request forgery), over HTTP on both databases: every
// class of non-public address, as a literal or behind a name, credentials in the URL, the allow-list for
// internal receivers (what it lists and nothing more), and a delivery refused at connection time after the
// allow-list changed between registration and delivery.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { WebhookService } from './service';
import { describeEachDatabase, type TestApi } from '../../test/support/api-harness';
import { createOrg, must, SITE, type Org } from '../../test/support/org-fixture';

const register = (api: TestApi, org: Org, url: string) =>
  api.request('POST', '/webhooks', { token: org.admin.token, json: { url, kinds: ['note.created'], active: false } });

describeEachDatabase(
  'webhook URLs: what may be registered',
  (api) => {
    let org: Org;
    beforeAll(async () => {
      org = await createOrg(api());
    });

    const refused = async (url: string, why: string) => {
      const res = await register(api(), org, url);
      expect(res.status, url).toBe(422);
      expect(res.body.code, url).toBe('webhook_url_forbidden');
      expect(res.body.message, url).toContain(why);
    };
    const admitted = async (url: string) => {
      const res = await register(api(), org, url);
      expect(res.status, `${url}: ${JSON.stringify(res.body)}`).toBe(201);
      await must(api().request('DELETE', `/webhooks/${res.body.id}`, { token: org.admin.token }));
    };

    it('refuses literal addresses of every non-public class, IPv4-mapped IPv6 and odd IPv4 spellings included', async () => {
      const cases: Array<[string, string]> = [
        ['http://127.0.0.1/hook', '127.0.0.1 is a loopback address'],
        ['https://127.8.9.10:8443/hook', '127.8.9.10 is a loopback address'],
        ['http://2130706433/', '127.0.0.1 is a loopback address'], // one number: the URL parser makes it 127.0.0.1
        ['http://0x7f.1/', '127.0.0.1 is a loopback address'],
        ['http://10.0.0.1/', 'a private (RFC 1918) address'],
        ['http://172.16.5.4/', 'a private (RFC 1918) address'],
        ['http://192.168.1.1/', 'a private (RFC 1918) address'],
        ['http://100.64.0.1/', 'a carrier-grade NAT (100.64.0.0/10) address'],
        ['http://169.254.169.254/latest/meta-data/', '169.254.169.254 is a link-local address'],
        ['http://0.0.0.0:8080/', 'an unspecified address'],
        ['http://224.0.0.1/', 'a multicast address'],
        ['http://255.255.255.255/', 'a broadcast address'],
        ['http://192.0.2.10/', 'a non-public address (reserved)'],
        ['http://[::1]/', '::1 is a loopback address'],
        ['http://[::]/', 'an unspecified address'],
        ['http://[::ffff:127.0.0.1]/', 'a loopback address'],
        ['http://[::ffff:169.254.169.254]/', 'a link-local address'],
        ['http://[::ffff:10.1.1.1]/', 'a private (RFC 1918) address'],
        ['http://[fe80::1]/', 'a link-local address'],
        ['http://[fc00::1]/', 'a private (unique local, fc00::/7) address'],
        ['http://[fd00:ec2::254]/', 'a private (unique local, fc00::/7) address'],
        ['http://[ff02::1]/', 'a multicast address'],
        ['http://[64:ff9b::7f00:1]/', 'a non-public address'], // NAT64 of 127.0.0.1
        ['http://[2002:7f00:1::]/', 'a non-public address'], // 6to4 of 127.0.0.1
      ];
      for (const [url, why] of cases) await refused(url, why);
      expect(await must(api().request('GET', '/webhooks', { token: org.admin.token }))).toEqual([]);
    });

    it('refuses a host name that resolves to a refused address', async () => {
      await refused('http://localhost/hook', 'localhost resolves to 127.0.0.1, a loopback address');
      await refused('http://LocalHost.:9000/hook', 'localhost resolves to 127.0.0.1, a loopback address');
    });

    it('refuses credentials in the URL, and schemes other than http(s)', async () => {
      await refused(`http://user:secret@${'93.184.215.14'}/hook`, 'cannot carry a user name or password');
      await refused('https://token@chat.internal/hook', 'cannot carry a user name or password'); // even an allowed host
      for (const url of ['ftp://93.184.215.14/', 'file:///etc/passwd', 'gopher://93.184.215.14/', 'javascript:alert(1)']) {
        const res = await register(api(), org, url);
        expect(res.status, url).toBe(400);
        expect(res.body.code).toBe('validation_failed');
      }
    });

    it('admits a public address', async () => {
      await admitted('https://93.184.215.14/hook');
      await admitted('http://[2606:2800:21f:cb07:6820:80da:af6b:8b2c]:8080/hook');
    });

    it('admits what the allow-list lists, and nothing more', async () => {
      await admitted('http://chat.internal/hooks/alongside');
      await admitted('https://CHAT.INTERNAL.:8443/hook');
      await admitted('http://10.20.0.1/');
      await admitted('http://10.20.255.254:8080/');
      await admitted('http://[::ffff:10.20.3.4]/'); // the mapped form of a listed address
      await admitted('http://[fd12:3456::1]/');
      await refused('http://10.21.0.1/', 'a private (RFC 1918) address');
      await refused('http://10.19.255.255/', 'a private (RFC 1918) address');
      await refused('http://[fd12:3457::1]/', 'unique local');
      // A listed name does not admit its subdomains (this one does not resolve either way).
      const sub = await register(api(), org, 'http://other.chat.internal/hook');
      expect(sub.status).toBe(422);
      expect(sub.body.code).toMatch(/^webhook_url_(forbidden|unresolvable)$/);
    });

    it('checks a changed URL, and leaves the webhook as it was when refused', async () => {
      const hook = await must(register(api(), org, 'http://chat.internal/hook'));
      const patch = (json: unknown) => api().request('PATCH', `/webhooks/${hook.id}`, { token: org.admin.token, json });
      const res = await patch({ url: 'http://169.254.169.254/latest/meta-data/' });
      expect(res.status).toBe(422);
      expect(res.body).toEqual({ code: 'webhook_url_forbidden', message: expect.stringContaining('169.254.169.254 is a link-local address') });
      expect((await patch({ url: 'http://[::ffff:127.0.0.1]:8080/' })).body.code).toBe('webhook_url_forbidden');
      expect((await patch({ url: 'http://localhost/' })).body.code).toBe('webhook_url_forbidden');
      const [listed] = await must(api().request('GET', '/webhooks', { token: org.admin.token }));
      expect(listed.url).toBe('http://chat.internal/hook');
      expect((await must(patch({ kinds: ['question.created'] }))).kinds).toEqual(['question.created']); // no URL, no check
      expect((await must(patch({ url: 'http://10.20.9.9/hook' }))).url).toBe('http://10.20.9.9/hook');
      await must(api().request('DELETE', `/webhooks/${hook.id}`, { token: org.admin.token }));
    });
  },
  { webhookAllowedHosts: ['chat.internal', '10.20.0.0/16', 'fd12:3456::/32'] },
);

describeEachDatabase(
  'webhook deliveries refused at connection time',
  (api) => {
    let org: Org;
    let receiver: Server;
    let port = 0;
    const received: string[] = [];
    beforeAll(async () => {
      org = await createOrg(api());
      receiver = createServer((req, res) => {
        received.push(String(req.headers['x-alongside-delivery']));
        req.resume();
        req.on('end', () => res.end('ok'));
      });
      await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
      port = (receiver.address() as AddressInfo).port;
    });
    afterAll(async () => {
      receiver.closeAllConnections();
      await new Promise((r) => receiver.close(r));
    });

    const log = (id: string) => must(api().request('GET', `/webhooks/${id}/deliveries`, { token: org.admin.token }));
    const note = (body: string) => must(api().request('POST', '/notes', { token: org.alice.token, json: { pattern: `${SITE}/accounts/:id`, body } }));

    it('delivers to listed internal receivers, and sends nothing once the allow-list no longer lists them', async () => {
      const hooks = await Promise.all(
        [`http://localhost:${port}/by-name`, `http://127.0.0.1:${port}/by-address`].map((url) =>
          must(api().request('POST', '/webhooks', { token: org.admin.token, json: { url, kinds: ['note.created'] } })),
        ),
      );
      await note('allowed');
      while ((await api().services.webhooks.deliverDue()) > 0);
      expect(received).toHaveLength(2);
      for (const hook of hooks) expect((await log(hook.id))[0]).toMatchObject({ status: 'delivered', lastStatus: 200 });

      // The configuration changed (a restart without WEBHOOK_ALLOWED_HOSTS): the rows stay, the policy moved.
      const restarted = new WebhookService(api().database, { ...api().services.settings, webhookAllowedHosts: [] });
      await note('refused');
      while ((await restarted.deliverDue()) > 0);
      expect(received).toHaveLength(2); // nothing more arrived
      const [byName, byAddress] = await Promise.all(hooks.map((h) => log(h.id).then((l) => l[0])));
      // Refused is final: retrying cannot change the answer until the configuration does.
      expect(byName).toMatchObject({ status: 'failed', attempts: 1, lastStatus: null, deliveredAt: null });
      expect(byName.lastError).toMatch(/^not sent: localhost now resolves to 127\.0\.0\.1, a loopback address\. .*WEBHOOK_ALLOWED_HOSTS/);
      expect(byAddress).toMatchObject({ status: 'failed', attempts: 1, lastStatus: null });
      expect(byAddress.lastError).toMatch(/^not sent: 127\.0\.0\.1 is a loopback address\./);
    });
  },
  { webhookAllowedHosts: ['localhost', '127.0.0.1'] },
);
