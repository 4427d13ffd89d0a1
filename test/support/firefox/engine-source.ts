// The query engine as one script to evaluate in a page's driver sandbox, bundled once per run with esbuild
// (dom-accessibility-api inside).
import { buildSync } from 'esbuild';
import { fileURLToPath } from 'node:url';

let source: string | undefined;

export function engineSource(): string {
  source ??= buildSync({
    entryPoints: [fileURLToPath(new URL('./engine/index.ts', import.meta.url))],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'firefox128',
    write: false,
    logLevel: 'silent',
  }).outputFiles[0]!.text;
  return source;
}

