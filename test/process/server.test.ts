// `npm start` as a newcomer meets it: a real process on a fresh data directory, over real HTTP.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listening, startApiProcess } from '../support/api-process';

describe('the API process on PGlite', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'alongside-data-'));
  const port = String(18_000 + Math.floor(Math.random() * 2000));
  const env = { DATA_DIR: dataDir, PORT: port, ALONGSIDE_ADMIN_EMAIL: 'root@corp.example', ALONGSIDE_ADMIN_PASSWORD: 'correct horse battery' };
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('starts, migrates, serves, refuses a second process on the same data, stops cleanly, and keeps the data', async () => {
    const first = startApiProcess(env);
    await listening(first);
    expect(first.output()).toContain(`http://127.0.0.1:${port}/api/v1`);

    const base = `http://127.0.0.1:${port}/api/v1`;
    const signin = await fetch(`${base}/auth/signin`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'root@corp.example', password: 'correct horse battery' }),
    });
    expect(signin.status).toBe(200);
    const { token, user } = (await signin.json()) as { token: string; user: { role: string } };
    expect(user.role).toBe('admin');
    const site = await fetch(`${base}/sites`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ origin: 'https://crm.corp.example', name: 'CRM' }),
    });
    expect(site.status).toBe(201);

    // Refused by Node's parser before the app sees it, still with the API's error body.
    const long = await fetch(`${base}/context?url=${'x'.repeat(20_000)}`, { headers: { authorization: `Bearer ${token}` } });
    expect(long.status).toBe(431);
    expect(await long.json()).toEqual({ code: 'headers_too_large', message: expect.stringContaining('too long') });

    const second = startApiProcess({ ...env, PORT: String(Number(port) + 1) });
    expect(await second.exited).toBe(1);
    expect(second.output()).toContain('is in use by another Alongside process');

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);

    const again = startApiProcess(env);
    await listening(again);
    const sites = await fetch(`${base}/sites`, { headers: { authorization: `Bearer ${token}` } });
    expect(((await sites.json()) as Array<{ name: string }>).map((s) => s.name)).toEqual(['CRM']);
    again.child.kill('SIGINT');
    expect(await again.exited).toBe(0);
  }, 90_000);

  it('exits with a clear message on bad configuration', async () => {
    const bad = startApiProcess({ DATA_DIR: dataDir, PORT: 'eighty' });
    expect(await bad.exited).toBe(1);
    expect(bad.output()).toContain('Invalid configuration');
    expect(bad.output()).toContain('PORT');
  });
});
