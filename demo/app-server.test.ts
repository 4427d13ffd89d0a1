import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoApp, type DemoApp } from './app-server';

describe('demo app server', () => {
  let app: DemoApp;
  beforeAll(async () => {
    app = await startDemoApp({ port: 0 });
  });
  afterAll(async () => {
    await app.close();
  });

  const get = (path: string, init?: RequestInit) => fetch(`${app.origin}${path}`, { redirect: 'manual', ...init });

  it('listens on 127.0.0.1 on a random port', () => {
    expect(app.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('serves the app shell with the right content types', async () => {
    const index = await get('/');
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await index.text()).toContain('<main id="view"');
    for (const [path, type] of [
      ['/app.js', 'text/javascript; charset=utf-8'],
      ['/data.js', 'text/javascript; charset=utf-8'],
      ['/styles.css', 'text/css; charset=utf-8'],
      ['/favicon.svg', 'image/svg+xml'],
      ['/legacy/legacy.js', 'text/javascript; charset=utf-8'],
    ]) {
      const res = await get(path!);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type'), path).toBe(type);
    }
  });

  it('answers client-side routes with index.html (SPA fallback), query strings included', async () => {
    const shell = await (await get('/')).text();
    for (const path of ['/accounts', '/accounts?tab=open&sort=name', '/accounts/1004', '/accounts/1004/orders', '/tickets/4203', '/settings', '/no/such/page']) {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      expect(await res.text(), path).toBe(shell);
    }
  });

  it('gives /legacy/ its own index.html, also for deeper paths, and adds the trailing slash', async () => {
    const legacy = await get('/legacy/');
    expect(legacy.status).toBe(200);
    const html = await legacy.text();
    expect(html).toContain('Northwind Reports');
    expect(await (await get('/legacy/anything')).text()).toBe(html);
    const bare = await get('/legacy?x=1');
    expect(bare.status).toBe(301);
    expect(bare.headers.get('location')).toBe('/legacy/?x=1');
  });

  it('answers 404 for missing assets and paths outside the app', async () => {
    expect((await get('/missing.js')).status).toBe(404);
    expect((await get('/..%2F..%2Fpackage.json')).status).toBe(404);
    expect((await get('/%2e%2e/app-server.ts')).status).toBe(404);
  });

  it('supports HEAD and refuses writes', async () => {
    const head = await get('/styles.css', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(Number(head.headers.get('content-length'))).toBeGreaterThan(1000);
    expect((await get('/', { method: 'POST' })).status).toBe(405);
  });
});
