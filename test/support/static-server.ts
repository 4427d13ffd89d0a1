// Files served on 127.0.0.1 as a web app would serve them: a host page of the suites' own (the anchoring
// fixtures, a virtualized grid, a strict single-page app), under the URL prefixes given, each from its
// folder, and 404 for the rest, or the app's page for the paths its client-side routes take.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
};

export interface StaticServer {
  /** e.g. http://127.0.0.1:41234 */
  origin: string;
  close(): Promise<void>;
}

export interface ServeOptions {
  /** Headers sent with every HTML page (a Content-Security-Policy, say). */
  pageHeaders?: Record<string, string>;
  /** Paths under this prefix that are no file get `routes.page` (a client-side router's addresses). */
  routes?: { prefix: string; page: string };
}

/** Serves `folders` (URL prefix, such as `/fixtures/`, to an absolute folder) on a free port. */
export async function serveFolders(folders: Record<string, string>, options: ServeOptions = {}): Promise<StaticServer> {
  const { pageHeaders = {}, routes } = options;
  const fileOf = (path: string) => {
    const prefix = Object.keys(folders).find((p) => path.startsWith(p));
    const base = prefix && folders[prefix];
    const file = base && normalize(join(base, path.slice(prefix.length)));
    return base && file && file.startsWith(base) ? file : null;
  };
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = routes && path.startsWith(routes.prefix) ? fileOf(routes.page) : fileOf(path);
    if (!file) return void res.writeHead(404).end();
    try {
      const body = await readFile(file);
      const type = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
      res.writeHead(200, { 'content-type': type, ...(type.startsWith('text/html') ? pageHeaders : {}) }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    // A browser still open keeps its sockets alive, and close() would wait for them.
    close: () => new Promise<void>((done) => (server.close(() => done()), server.closeAllConnections())),
  };
}
