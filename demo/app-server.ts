// Serves the Northwind CRM demo app (demo/app/) the way a single-page app is hosted: real files as
// they are, and every other path that looks like a route gets the app's index.html so the client-side
// router can draw it. /legacy/ is a separate hash-routed app with its own index.html.
//
// Standalone: `npx tsx demo/app-server.ts` (PORT, default 8421).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('./app', import.meta.url));

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

export interface DemoApp {
  origin: string;
  close(): Promise<void>;
}

async function fileAt(path: string): Promise<string | undefined> {
  try {
    const info = await stat(path);
    if (info.isFile()) return path;
    if (info.isDirectory()) return fileAt(join(path, 'index.html'));
  } catch {
    // missing: the caller decides between the SPA fallback and 404
  }
  return undefined;
}

/** Which file answers a URL path, or undefined for 404. */
async function resolveFile(pathname: string): Promise<string | undefined> {
  const target = resolve(ROOT, `.${pathname}`);
  // Decoded %2F can smuggle `..` segments past URL normalization: stay inside ROOT.
  if (target !== ROOT && !target.startsWith(ROOT + sep)) return undefined;
  const found = await fileAt(target);
  if (found) return found;
  // A missing asset (anything with an extension) is a real 404, not HTML a script would choke on.
  if (extname(pathname)) return undefined;
  return join(ROOT, pathname.startsWith('/legacy/') ? 'legacy/index.html' : 'index.html');
}

export async function startDemoApp(options: { port?: number; host?: string } = {}): Promise<DemoApp> {
  const host = options.host ?? '127.0.0.1';
  const server = createServer(async (req, res) => {
    const send = (status: number, body: string, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'Method not allowed\n', { allow: 'GET, HEAD' });
      const url = new URL(req.url ?? '/', 'http://demo.invalid');
      let pathname: string;
      try {
        pathname = decodeURIComponent(url.pathname);
      } catch {
        return send(400, 'Bad request\n');
      }
      // The legacy app's relative hash links need the trailing slash.
      if (pathname === '/legacy') return send(301, '', { location: `/legacy/${url.search}` });
      const file = await resolveFile(pathname);
      if (!file) return send(404, 'Not found\n');
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': contentTypes[extname(file)] ?? 'application/octet-stream',
        'content-length': String(body.length),
        // A dev server: never let a browser keep a stale copy between demo runs.
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (err) {
      console.error(err);
      if (!res.headersSent) send(500, 'Internal error\n');
      else res.destroy();
    }
  });

  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolvePromise();
    });
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('demo app: no TCP address');
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
  return {
    origin,
    close: () =>
      new Promise<void>((resolvePromise, reject) => {
        server.close((err) => (err ? reject(err) : resolvePromise()));
        server.closeAllConnections();
      }),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const app = await startDemoApp({ port: Number(process.env.PORT ?? 8421) });
  console.log(`Northwind CRM demo app: ${app.origin}/  (hash-routed section: ${app.origin}/legacy/#/reports/7)`);
  const stop = () => void app.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
