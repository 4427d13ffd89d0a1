// The web console, served by the API at / from its build (dist/console): the files as they are, and the
// app's page for any other path that is not the API's (the console routes in the browser). Its pages get
// the same strict content security policy as the extension's, and the API's own origin for their calls.
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import type { Env, Hono } from 'hono';

const BUILD = resolve(import.meta.dirname, '../../dist/console');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.map': 'application/json',
  '.json': 'application/json',
};

/** No script, style, image or connection from anywhere but this server; no framing (no clickjacking). */
const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
  "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

const headers = (type: string, immutable: boolean) => ({
  'content-type': type,
  'content-security-policy': CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  // Built assets carry a hash in their names; the page itself is revalidated on every load.
  'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
});

async function file(path: string): Promise<Buffer | null> {
  return readFile(path).catch(() => null);
}

/** Mounts the console at / on an app whose API lives under `apiBase`. */
export function consoleRoutes<E extends Env>(app: Hono<E>, apiBase: string): void {
  const page = () => file(join(BUILD, 'index.html'));
  app.get('*', async (c, next) => {
    const path = c.req.path;
    if (path === apiBase || path.startsWith(`${apiBase}/`)) return next();
    const asset = normalize(join(BUILD, path));
    if (asset.startsWith(BUILD + '/') && extname(asset)) {
      const body = await file(asset);
      if (body) return c.body(new Uint8Array(body), 200, headers(TYPES[extname(asset)] ?? 'application/octet-stream', path.startsWith('/assets/')));
      return next(); // a missing file is a 404, not the app
    }
    const html = await page();
    if (!html) {
      return c.text('The web console is not built: run `npm run build:console` (npm start does).', 503, { 'cache-control': 'no-store' });
    }
    return c.body(new Uint8Array(html), 200, headers(TYPES['.html']!, false));
  });
}
