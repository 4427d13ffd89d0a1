// The real API served over real HTTP on 127.0.0.1 (a random port), for browser tests: the extension
// talks to it exactly as to a deployed server. Every request is logged (method, path with query, time)
// so tests can assert on what reached the server, and the HTTP server can be stopped and started
// again on the same port, on the same in-memory database (an "API restart" keeps the data).
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import type { Settings } from '../../api/config';
import { startTestApi, type TestApi } from './api-harness';

export interface LoggedRequest {
  method: string;
  /** Path and query, e.g. /api/v1/context?url=... */
  path: string;
  at: number;
  /** The answer's status, once it is known. */
  status?: number;
}

export interface ApiServer {
  /** e.g. http://127.0.0.1:41234 */
  origin: string;
  /** Direct calls on the app (not over HTTP, not logged): for seeding data. */
  api: TestApi;
  log: LoggedRequest[];
  /** The logged requests whose path starts with `prefix` (under /api/v1). */
  requests(prefix: string): LoggedRequest[];
  /** Closes the HTTP server (connections included); the database stays open. */
  stop(): Promise<void>;
  /** Listens again on the same port. */
  start(): Promise<void>;
  close(): Promise<void>;
}

/** `settings` override the test server's defaults (e.g. webhookAllowedHosts for a receiver on 127.0.0.1). */
export async function startApiServer(settings: Partial<Settings> = {}): Promise<ApiServer> {
  const started = await startTestApi('pglite', settings);
  const log: LoggedRequest[] = [];
  const fetch = async (req: Request) => {
    const url = new URL(req.url);
    const entry: LoggedRequest = { method: req.method, path: url.pathname + url.search, at: Date.now() };
    log.push(entry);
    const res = await started.api.app.fetch(req);
    entry.status = res.status;
    return res;
  };

  let server: ServerType | null = null;
  let port = 0;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server = serve({ fetch, port, hostname: '127.0.0.1' }, (info: AddressInfo) => {
        port = info.port;
        resolve();
      });
      server.once('error', reject);
    });
  const stop = async () => {
    const s = server as (ServerType & { closeAllConnections?: () => void }) | null;
    if (!s) return;
    server = null;
    await new Promise<void>((resolve) => {
      s.close(() => resolve());
      s.closeAllConnections?.();
    });
  };

  await listen();
  return {
    origin: `http://127.0.0.1:${port}`,
    api: started.api,
    log,
    requests: (prefix) => log.filter((r) => r.path.startsWith(`/api/v1${prefix}`)),
    stop,
    start: listen,
    async close() {
      await stop();
      await started.stop();
    },
  };
}
