// Builds what the browser suites load, once per project: the e2e variant of the extension for the
// project's browser (ALONGSIDE_E2E=1, see wxt.config.ts) and the web console (dist/console, served by the
// API under test).
import { execFileSync } from 'node:child_process';
import type { TestProject } from 'vitest/node';

export default async function setup(project: TestProject) {
  process.env.E2E_BROWSER = String(project.config.env.E2E_BROWSER ?? 'chromium');
  // Imported after E2E_BROWSER is set: it checks that browser (under CI a missing one throws).
  const { browserAvailable, E2E_BROWSER } = await import('../support/browser');
  if (!browserAvailable) return; // the suites skip themselves
  const target = E2E_BROWSER === 'firefox' ? ['-b', 'firefox', '--mv3'] : ['-b', 'chrome'];
  execFileSync('npx', ['wxt', 'build', ...target], { env: { ...process.env, ALONGSIDE_E2E: '1' }, stdio: 'pipe' });
  execFileSync('npm', ['run', 'build:console'], { stdio: 'pipe' });
}
