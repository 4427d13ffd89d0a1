// Builds the e2e variant of the extension once for the browser suites (ALONGSIDE_E2E=1, see wxt.config.ts).
import { execFileSync } from 'node:child_process';
import { chromiumAvailable } from '../support/browser';

export default function setup() {
  if (!chromiumAvailable) return; // the suites skip themselves (and under CI the import above throws)
  execFileSync('npx', ['wxt', 'build', '-b', 'chrome'], { env: { ...process.env, ALONGSIDE_E2E: '1' }, stdio: 'pipe' });
}
