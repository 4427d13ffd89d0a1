// Builds what the browser suites load, once: the e2e variant of the extension (ALONGSIDE_E2E=1, see
// wxt.config.ts) and the web console (dist/console, served by the API under test).
import { execFileSync } from 'node:child_process';
import { chromiumAvailable } from '../support/browser';

export default function setup() {
  if (!chromiumAvailable) return; // the suites skip themselves (and under CI the import above throws)
  execFileSync('npx', ['wxt', 'build', '-b', 'chrome'], { env: { ...process.env, ALONGSIDE_E2E: '1' }, stdio: 'pipe' });
  execFileSync('npm', ['run', 'build:console'], { stdio: 'pipe' });
}
