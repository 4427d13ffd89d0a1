import { resolve } from 'node:path';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

function e2eProject(name: string, browser: 'chromium' | 'firefox', groupOrder: number): TestProjectInlineConfiguration {
  return {
    extends: true,
    test: {
      name,
      include: ['test/e2e/**/*.test.ts'],
      globalSetup: ['test/e2e/global-setup.ts'],
      env: { E2E_BROWSER: browser },
      sequence: { groupOrder },
      fileParallelism: false,
      // One module graph for the project's files, run one after another: each file re-importing the
      // harness, the API and the drivers cost about 1.4 s (4 Firefox files: import 8.1 s → 3.0 s).
      // Every suite starts and stops its own world and browsers, so nothing else is shared.
      isolate: false,
      testTimeout: 60_000,
      hookTimeout: 120_000,
    },
  };
}

export default defineConfig({
  resolve: { alias: { '@shared': resolve(import.meta.dirname, 'shared') } },
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['shared/**/*.test.ts', 'api/**/*.test.ts', 'extension/**/*.test.{ts,tsx}', 'demo/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: ['test/e2e/**', '**/node_modules/**'],
        },
      },
      // Browser end-to-end: the e2e build of the extension against the real API and the demo app, the same
      // suites in headless Chromium (project `e2e`) and then in headless Firefox ESR (`e2e-firefox`, after
      // it: two browsers at once on two cores would make both slow). Built once per browser (globalSetup);
      // files run one after another (one browser at a time). E2E_BROWSER tells test/support/browser.ts.
      e2eProject('e2e', 'chromium', 0),
      e2eProject('e2e-firefox', 'firefox', 1),
    ],
  },
});
