// A server on 127.0.0.1 that answers every request with an empty 204 and remembers it: hostile content
// in the browser suites points its pixels, styles, media and links at it, and a test asserts that it
// heard nothing.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RequestLogServer {
  /** e.g. http://127.0.0.1:41235 */
  origin: string;
  /** Each request's method and path, in arrival order. */
  heard: string[];
  close(): Promise<void>;
}

export async function startRequestLogServer(): Promise<RequestLogServer> {
  const heard: string[] = [];
  const server = createServer((req, res) => {
    heard.push(`${req.method} ${req.url}`);
    res.writeHead(204, { 'access-control-allow-origin': '*' }).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    heard,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
