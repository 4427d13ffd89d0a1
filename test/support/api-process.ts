// The API as a real process (`node --import tsx api/main.ts`), as `npm start` runs it: for tests of
// start-up, shutdown and several instances on one database.
import { spawn, type ChildProcess } from 'node:child_process';

const root = new URL('../../', import.meta.url).pathname;

export interface ApiProcess {
  child: ChildProcess;
  /** http://127.0.0.1:PORT/api/v1 */
  base: string;
  output: () => string;
  exited: Promise<number | null>;
}

/** Starts the API with these settings on top of the environment (DATABASE_URL and DATA_DIR cleared). */
export function startApiProcess(env: Record<string, string>): ApiProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'api/main.ts'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: '', DATA_DIR: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, base: `http://127.0.0.1:${env.PORT}/api/v1`, output: () => out, exited };
}

/** Resolves once the process says it listens; fails with its output after `ms`. */
export async function listening(api: ApiProcess, ms = 60_000): Promise<void> {
  const until = Date.now() + ms;
  while (!api.output().includes('listening on')) {
    if (Date.now() > until) throw new Error(`timed out waiting for the API to listen:\n${api.output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
