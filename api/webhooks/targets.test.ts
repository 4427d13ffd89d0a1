// The webhook SSRF policy on its own (api/services/webhook-targets.ts): the allow-list setting, and the
// check on the connection itself, with a scripted DNS so that a name can change its answer between the
// check and the delivery (rebinding), against a real receiver on 127.0.0.1.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LookupAddress } from 'node:dns';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { RefusedTarget, WebhookTargets } from './targets';

const PUBLIC = '93.184.215.14';
const v4 = (address: string): LookupAddress => ({ address, family: 4 });

describe('WEBHOOK_ALLOWED_HOSTS', () => {
  it('reads host names, addresses and CIDR ranges, comma-separated', () => {
    expect(loadConfig({}).webhookAllowedHosts).toEqual([]);
    const config = loadConfig({ WEBHOOK_ALLOWED_HOSTS: ' chat.internal, 10.0.0.0/8,,fd00::/8 , 127.0.0.1' });
    expect(config.webhookAllowedHosts).toEqual(['chat.internal', '10.0.0.0/8', 'fd00::/8', '127.0.0.1']);
  });

  it('refuses to start with an entry that is not one of those, and says which', () => {
    for (const bad of ['http://chat.internal', '10.0.0.0/33', 'chat internal', '*.corp.example']) {
      expect(() => loadConfig({ WEBHOOK_ALLOWED_HOSTS: `ok.example,${bad}` })).toThrow(/WEBHOOK_ALLOWED_HOSTS/);
    }
  });
});

describe('webhook targets: the check on the connection', () => {
  let server: Server;
  let port = 0;
  const received: IncomingMessage[] = [];
  /** ok: answers 200; hang: answers nothing; status-only: sends 200 and never ends the body. */
  let mode: 'ok' | 'hang' | 'status-only' = 'ok';
  const hung: ServerResponse[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      received.push(req);
      req.resume();
      if (mode === 'ok') req.on('end', () => res.end('ok'));
      else {
        hung.push(res);
        if (mode === 'status-only') res.writeHead(200).write('partial');
      }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    for (const res of hung) res.destroy();
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });
  beforeEach(() => {
    received.length = 0;
    mode = 'ok';
  });

  /** A DNS that answers from a script, one answer per lookup, the last one repeated. */
  const scripted = (...answers: LookupAddress[][]) => {
    const calls: string[] = [];
    const resolve = async (host: string) => {
      calls.push(host);
      return answers.length > 1 ? answers.shift()! : answers[0]!;
    };
    return { calls, resolve };
  };

  it('connects through its own lookup: a name only the scripted DNS knows is reached, if its address is allowed', async () => {
    const dns = scripted([v4('127.0.0.1')]);
    const targets = new WebhookTargets(['127.0.0.0/8'], dns.resolve);
    const url = `http://hooks.example:${port}/hook`;
    await targets.check(url);
    expect(await targets.post(url, { 'x-test': '1' }, '{"a":1}', 2_000)).toBe(200);
    expect(received).toHaveLength(1);
    expect(received[0]!.headers.host).toBe(`hooks.example:${port}`);
    expect(dns.calls).toEqual(['hooks.example', 'hooks.example']); // once to check, once to connect
  });

  it('does not send when the name resolves to a refused address at delivery time (DNS rebinding)', async () => {
    const dns = scripted([v4(PUBLIC)], [v4('127.0.0.1')]);
    const targets = new WebhookTargets([], dns.resolve);
    const url = `http://rebind.example:${port}/hook`;
    await targets.check(url); // public when saved
    const sent = targets.post(url, {}, '{}', 2_000);
    await expect(sent).rejects.toBeInstanceOf(RefusedTarget);
    await expect(sent).rejects.toThrow('rebind.example now resolves to 127.0.0.1, a loopback address');
    expect(received).toHaveLength(0);
  });

  it('refuses, when saved, a name with any refused address, and connects only to the allowed ones', async () => {
    // 127.0.0.1 (refused here) has the receiver listening; 127.0.0.2 (allowed) has nothing.
    const dns = scripted([v4('127.0.0.1'), v4('127.0.0.2')]);
    const targets = new WebhookTargets(['127.0.0.2'], dns.resolve);
    const url = `http://mixed.example:${port}/hook`;
    await expect(targets.check(url)).rejects.toThrow('mixed.example resolves to 127.0.0.1, a loopback address');
    // A row saved before, or a name whose answer changed: the connection skips the refused address.
    const error = await targets.post(url, {}, '{}', 1_000).then(() => null, (err: Error) => err);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(RefusedTarget); // refused by the empty 127.0.0.2, not by the policy
    expect(received).toHaveLength(0);
  });

  it('refuses a literal address at delivery time too (no lookup happens for one)', async () => {
    const dns = scripted([v4(PUBLIC)]);
    const targets = new WebhookTargets([], dns.resolve);
    await expect(targets.post(`http://127.0.0.1:${port}/hook`, {}, '{}', 2_000)).rejects.toThrow('127.0.0.1 is a loopback address');
    await expect(targets.post(`http://[::ffff:127.0.0.1]:${port}/hook`, {}, '{}', 2_000)).rejects.toBeInstanceOf(RefusedTarget);
    expect(received).toHaveLength(0);
    expect(dns.calls).toEqual([]);
  });

  it('trusts a host name on the allow-list whatever it resolves to; a timeout before the status fails, one after it does not', async () => {
    const dns = scripted([v4('127.0.0.1')]);
    const targets = new WebhookTargets(['chat.internal'], dns.resolve);
    const url = `http://chat.internal:${port}/hook`;
    await targets.check(url);
    expect(dns.calls).toEqual([]); // listed by name: nothing to resolve when saved
    expect(await targets.post(url, {}, '{}', 2_000)).toBe(200);
    mode = 'hang';
    await expect(targets.post(url, {}, '{}', 100)).rejects.toMatchObject({ name: 'TimeoutError' });
    mode = 'status-only'; // the receiver acknowledged: its unfinished body does not make that a failure
    expect(await targets.post(url, {}, '{}', 100)).toBe(200);
  });
});
