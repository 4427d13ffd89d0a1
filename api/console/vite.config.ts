// The web console's build: Preact, as the extension's panel, into dist/console, which the API serves at /.
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const root = resolve(import.meta.dirname, '../..');

export default defineConfig({
  root: resolve(import.meta.dirname, 'app'),
  base: '/',
  resolve: { alias: { '@shared': resolve(root, 'shared') } },
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: resolve(root, 'dist/console'),
    emptyOutDir: true,
    // One small entry; each page is its own chunk, loaded when opened.
    target: 'es2022',
    sourcemap: true,
  },
});
