// `npm run demo`: everything a newcomer needs for the 5-minute demo, in one command. Starts the API on
// its own embedded database (./data-demo) with a demo admin, starts the Northwind CRM demo app, seeds
// demo content, builds the Chrome extension, then prints what to do next. Ctrl+C stops it all; the API
// gets the signal too, so PGlite closes cleanly.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDemoApp, type DemoApp } from './app-server';
import { DEMO_ADMIN, seedDemo } from './seed';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const HOST = '127.0.0.1';
const DATA_DIR = './data-demo';
const EXTENSION_DIR = 'dist/extension/chrome-mv3';

const say = (line = '') => console.log(line);

async function portIsFree(port: number): Promise<boolean> {
  return new Promise((done) => {
    const probe = createServer()
      .once('error', () => done(false))
      .once('listening', () => probe.close(() => done(true)))
      .listen(port, HOST);
  });
}

/** `preferred`, or the next free port after it (saying so); never `taken` (chosen, not yet bound). */
/** A port from the environment is taken as it is (busy: say so and stop); else the first free from `preferred`. */
async function pickPort(fromEnv: string | undefined, preferred: number, what: string, taken?: number): Promise<number> {
  if (fromEnv) {
    const port = Number(fromEnv);
    if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`The ${what}'s port must be a number from 1 to 65535, not "${fromEnv}".`);
    if (port === taken || !(await portIsFree(port))) throw new Error(`Port ${port} (set for the ${what}) is busy: stop what uses it, or choose another.`);
    return port;
  }
  for (let port = preferred; port < preferred + 50; port++) {
    if (port !== taken && (await portIsFree(port))) {
      if (port !== preferred) say(`Port ${preferred} is busy: the ${what} uses ${port} instead.`);
      return port;
    }
  }
  throw new Error(`No free port for the ${what} in ${preferred}–${preferred + 49}.`);
}

/** Runs a child, keeping its output for when something goes wrong. */
function start(command: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
  const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString());
    if (output.length > 500) output.shift();
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<number | null>((done) => {
    child.once('exit', (code, signal) => done(signal ? null : code));
    child.once('error', (err) => {
      output.push(`${err.message}\n`);
      done(-1);
    });
  });
  return { child, exited, output: () => output.join('') };
}

async function waitForApi(apiBase: string, api: ReturnType<typeof start>): Promise<void> {
  const deadline = Date.now() + 90_000;
  let exited = false;
  void api.exited.then(() => (exited = true));
  while (Date.now() < deadline && !exited) {
    try {
      if ((await fetch(`${apiBase}/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(exited ? 'The API exited while starting.' : 'The API did not answer within 90 seconds.');
}

type Child = ReturnType<typeof start>;
let api: Child | undefined;
let build: Child | undefined;
let app: DemoApp | undefined;
let stopping = false;

/** Stops whatever has started, the API last-but-cleanly, and exits with `code`. */
async function stop(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  build?.child.kill('SIGTERM');
  if (api && api.child.exitCode === null && api.child.signalCode === null) {
    // The API closes PGlite on SIGTERM; give it time before forcing it.
    api.child.kill('SIGTERM');
    const forced = setTimeout(() => api!.child.kill('SIGKILL'), 15_000);
    await api.exited;
    clearTimeout(forced);
  }
  await app?.close();
  process.exit(code);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    say(`\n${signal}: stopping the API (closing its database) and the demo app...`);
    void stop(0);
  });
}

async function main() {
  say('Alongside demo: starting the API, the demo app and the extension build...\n');
  // PORT is the API's, as for `npm start`; DEMO_APP_PORT the demo app's (next to the API's by default).
  const apiPort = await pickPort(process.env.PORT, 8420, 'API');
  const appPort = await pickPort(process.env.DEMO_APP_PORT, apiPort + 1, 'demo app', apiPort);
  const apiOrigin = `http://${HOST}:${apiPort}`;
  const apiBase = `${apiOrigin}/api/v1`;

  api = start(process.execPath, ['--import', 'tsx', 'api/main.ts'], {
    ...process.env,
    PORT: String(apiPort),
    HOST,
    DATA_DIR,
    DATABASE_URL: '', // empty means unset: always the embedded database here
    ALONGSIDE_ADMIN_EMAIL: DEMO_ADMIN.email,
    ALONGSIDE_ADMIN_PASSWORD: DEMO_ADMIN.password,
    ALONGSIDE_ADMIN_NAME: DEMO_ADMIN.name,
  });
  const apiChild = api;
  void apiChild.exited.then((code) => {
    if (stopping) return;
    console.error(`\nThe API exited unexpectedly (code ${code}). Its output:\n${apiChild.output()}`);
    void stop(1);
  });

  // The build takes a while and needs nothing from the others: run it alongside.
  build = start('npx', ['wxt', 'build', '-b', 'chrome']);

  app = await startDemoApp({ port: appPort, host: HOST });
  await waitForApi(apiBase, api);
  say(`API:      ${apiBase}  (database: PGlite in ${DATA_DIR})`);
  say(`Demo app: ${app.origin}/`);

  say('Seeding demo content...');
  const seeded = await seedDemo(apiBase, app.origin, { log: (line) => say(`  ${line}`) });
  const accounts = [
    { email: seeded.admin.email, about: `${DEMO_ADMIN.name} (admin)` },
    ...seeded.people.map((p) => ({ email: p.email, about: `${p.name}, ${p.about}` })),
  ]
    .map((a) => `      ${a.email.padEnd(36)} ${a.about}`)
    .join('\n');

  const built = (await build.exited) === 0;
  if (built) say(`Extension built: ${EXTENSION_DIR}`);
  else {
    const tail = build.output().trim().split('\n').slice(-15).join('\n');
    say(`\nThe extension build FAILED (\`npx wxt build -b chrome\`). The extension is still being written, so this`);
    say(`can happen for now; the API and the demo app keep running. Last lines of the build:\n${tail}\n`);
  }
  build = undefined;

  const o = app.origin;
  say(`
────────────────────────────────────────────────────────────────────────────────
 Alongside demo is running.
────────────────────────────────────────────────────────────────────────────────
 1. Load the extension in Chrome${built ? '' : ' (once it builds: npx wxt build -b chrome)'}:
      chrome://extensions → turn on "Developer mode" → "Load unpacked" →
      ${resolve(ROOT, EXTENSION_DIR)}

 2. Open the extension's options page and enter the server URL:
      ${apiOrigin}        (the API itself is at ${apiBase}, docs at ${apiBase}/docs)

 3. Sign in. Every demo account has the password:  ${seeded.admin.password}
${accounts}
    Sign in as Hannah, then as Tomás: team-only and private content differs.
    Then click "Grant" next to Northwind CRM: the browser asks for that origin's permission, and
    Alongside runs on its pages only.

 4. Open the demo app (Northwind CRM); these pages have content:
      ${o}/accounts/1004
          (any account) notes, tips on "Send invoice" and "Merge account", questions, experts
      ${o}/accounts?tab=at-risk
          a note for this tab only: ?tab is part of the page, other parameters are not
      ${o}/accounts/1004/orders
          a billing note, an open question, Sofia as expert
      ${o}/tickets/4203
          triage note, a Support-only reply macro, experts
      ${o}/legacy/#/reports/7
          a hash-routed page with a note
      ${o}/
          the welcome note

 5. Stop everything with Ctrl+C. The demo data stays in ${DATA_DIR}/ (delete it to start over).
────────────────────────────────────────────────────────────────────────────────`);
}

main().catch((err: unknown) => {
  console.error(`\nThe demo could not start: ${err instanceof Error ? err.message : String(err)}`);
  void stop(1);
});
