// The readable API docs page: Swagger UI, served entirely from this server. An internal deployment may
// have no internet, and its API docs should not tell anyone outside who reads them: no CDN, no fonts
// from elsewhere, and the spec validator (which would upload the document) turned off.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from './routes';

const assetsDir = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
const assets = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
} as const;
const loaded = new Map<string, Promise<Buffer>>();

const page = (base: string) => `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Alongside API</title>
  <link rel="stylesheet" href="${base}/docs/swagger-ui.css">
</head>
<body>
  <div id="docs"></div>
  <script src="${base}/docs/swagger-ui-bundle.js"></script>
  <script>
    SwaggerUIBundle({ url: '${base}/openapi.json', dom_id: '#docs', validatorUrl: null, deepLinking: true, persistAuthorization: true });
  </script>
</body>
</html>`;

export function docsRoutes(api: OpenAPIHono<AppEnv>, base: string): void {
  api.get('/docs', (c) => c.html(page(base)));
  for (const [file, type] of Object.entries(assets)) {
    api.get(`/docs/${file}`, async (c) => {
      if (!loaded.has(file)) loaded.set(file, readFile(join(assetsDir, file)));
      c.header('content-type', type);
      c.header('cache-control', 'public, max-age=86400');
      return c.body(new Uint8Array(await loaded.get(file)!));
    });
  }
}
