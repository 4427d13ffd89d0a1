// Files served on 127.0.0.1 as a web app would serve them: a host page of the suites' own (the anchoring
// fixtures, a virtualized grid), under the URL prefixes given, each from its folder, and 404 for the rest.
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

/** Serves `folders` (URL prefix, such as `/fixtures/`, to an absolute folder) on a free port. */
export async function serveFolders(folders: Record<string, string>): Promise<StaticServer> {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const prefix = Object.keys(folders).find((p) => path.startsWith(p));
    const base = prefix && folders[prefix];
    const file = base && normalize(join(base, path.slice(prefix.length)));
    if (!base || !file || !file.startsWith(base)) return void res.writeHead(404).end();
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
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
