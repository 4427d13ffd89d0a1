// The readable API docs page. Scalar's page loads its script from a CDN by default; an internal
// deployment may have no internet (and should not tell a CDN who reads its docs), so we serve the
// standalone bundle from node_modules ourselves.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Scalar } from '@scalar/hono-api-reference';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from './openapi';

const bundlePath = join(dirname(createRequire(import.meta.url).resolve('@scalar/api-reference')), 'browser', 'standalone.js');
let bundle: Promise<Buffer> | undefined;

export function docsRoutes(api: OpenAPIHono<AppEnv>, base: string): void {
  api.get('/docs/scalar.js', async (c) => {
    bundle ??= readFile(bundlePath);
    c.header('content-type', 'text/javascript; charset=utf-8');
    c.header('cache-control', 'public, max-age=86400');
    return c.body(new Uint8Array(await bundle));
  });
  api.get('/docs', Scalar({ url: `${base}/openapi.json`, pageTitle: 'Alongside API', cdn: `${base}/docs/scalar.js` }));
}
