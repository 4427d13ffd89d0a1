// GET /context under load (autocannon, 50 connections) with 100k scopes and content at scale, on PGlite
// and on PostgreSQL, against bare Hono /ping measured in the same run. Servers run in child processes so
// the load generator does not share their event loop.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import { createTestDatabase, postgresAvailable } from '../../test/support/postgres';
import type { BenchResult } from '../report';

const DURATION_S = Number(process.env.BENCH_DURATION ?? 5);
// Subject and baseline alternate this many times (baseline first and last), so a slow spell of the
// machine weighs on both sides rather than on one.
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = 50;

interface Child<T> {
  info: T;
  stop: () => Promise<void>;
}

async function startServer<T>(script: string, env: Record<string, string> = {}): Promise<Child<T>> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', script], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! });
  const info = await new Promise<T>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code} before it was ready`)));
    lines.once('line', (line) => resolve(JSON.parse(line) as T));
  });
  return {
    info,
    stop: () =>
      new Promise((resolve) => {
        child.removeAllListeners('exit');
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Load with autocannon; each request's path and headers come from `pick` (the request's sequence number). */
async function load(port: number, pick: (i: number) => { path: string; headers?: Record<string, string> }) {
  let next = 0;
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: CONNECTIONS,
    duration: DURATION_S,
    requests: [
      {
        setupRequest: (req) => {
          const { path, headers } = pick(next++);
          return { ...req, path, headers: { ...req.headers, ...headers } };
        },
      },
    ],
  });
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`load run had ${result.non2xx} non-2xx responses and ${result.errors} errors`);
  }
  return { rps: result.requests.average, p99: result.latency.p99, total: result.requests.total };
}

export async function run(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const bare = await startServer<{ port: number }>('bench/servers/bare-hono.ts');
  // The machine is noisy: baseline and subject alternate (ROUNDS of each, the baseline also once more at
  // the end), and the ratio compares their mean throughputs.
  const pings: Array<{ rps: number; p99: number }> = [];
  const ping = async () => {
    const result = await load(bare.info.port, () => ({ path: '/ping' }));
    pings.push(result);
    return result;
  };

  const drivers: Array<{ name: string; env: Record<string, string>; drop?: () => Promise<void> }> = [{ name: 'PGlite', env: {} }];
  if (await postgresAvailable()) {
    const pg = await createTestDatabase();
    drivers.push({ name: 'PostgreSQL', env: { DATABASE_URL: pg.url }, drop: pg.drop });
  }
  for (const driver of drivers) {
    const server = await startServer<{ port: number; tokens: string[]; urls: string[]; scopes: number; loadMs: number }>(
      'bench/servers/context-api.ts',
      driver.env,
    );
    try {
      const { port, tokens, urls, scopes, loadMs } = server.info;
      const paths = urls.map((u) => `/api/v1/context?url=${encodeURIComponent(u)}`);
      // Request i: person i mod n, so consecutive requests come from different people and every
      // (person, page) pair recurs.
      const pick = (i: number) => ({
        path: paths[Math.floor(i / tokens.length) % paths.length]!,
        headers: { authorization: `Bearer ${tokens[i % tokens.length]}` },
      });
      // Warm: every (person, page) once, so the run measures the steady state of a busy server.
      const pairs = paths.length * tokens.length;
      for (let start = 0; start < pairs; start += CONNECTIONS) {
        await Promise.all(
          Array.from({ length: Math.min(CONNECTIONS, pairs - start) }, async (_, k) => {
            const { path, headers } = pick(start + k);
            const res = await fetch(`http://127.0.0.1:${port}${path}`, { headers });
            if (res.status !== 200) throw new Error(`warm-up ${path}: ${res.status} ${await res.text()}`);
            await res.arrayBuffer();
          }),
        );
      }
      const first = pick(0);
      const sample = (await (await fetch(`http://127.0.0.1:${port}${first.path}`, { headers: first.headers })).json()) as {
        scopes: unknown[];
        notes: unknown[];
        questions: unknown[];
      };
      const rounds: Array<{ rps: number; p99: number }> = [];
      const baselines = [await ping()];
      for (let round = 0; round < ROUNDS; round++) {
        rounds.push(await load(port, pick));
        baselines.push(await ping());
      }
      const mean = (runs: Array<{ rps: number }>) => runs.reduce((sum, r) => sum + r.rps, 0) / runs.length;
      const measured = { rps: mean(rounds), p99: Math.max(...rounds.map((r) => r.p99)) };
      const baseline = mean(baselines);
      results.push(
        {
          name: `context: warm GET /context throughput, ${driver.name}`,
          value: measured.rps,
          unit: 'req/s',
          baseline: `bare Hono /ping, mean of ${baselines.length} runs alternating with ${rounds.length} of the subject: ${Math.round(baseline)} req/s`,
          ratio: measured.rps / baseline,
          note:
            `ratio = fraction of bare-Hono throughput (target ≥ 0.5); ${scopes} scopes, ${paths.length} distinct pages × ${tokens.length} people, ` +
            `a page has e.g. ${sample.scopes.length} scopes, ${sample.notes.length} notes, ${sample.questions.length} questions`,
        },
        { name: `context: warm GET /context p99 latency, ${driver.name}`, value: measured.p99, unit: 'ms', note: `worst of ${rounds.length} runs` },
        { name: `context: scope index load at start, ${driver.name}`, value: loadMs, unit: 'ms', note: `${scopes} scopes read and indexed` },
      );
    } finally {
      await server.stop();
      await driver.drop?.();
    }
  }
  await bare.stop();
  results.push(
    {
      name: 'context: bare Hono /ping throughput',
      value: pings.reduce((sum, p) => sum + p.rps, 0) / pings.length,
      unit: 'req/s',
      note: `mean of ${pings.length} runs; ${CONNECTIONS} connections, ${DURATION_S} s each`,
    },
    { name: 'context: bare Hono /ping p99 latency', value: Math.max(...pings.map((p) => p.p99)), unit: 'ms', note: 'worst of the runs' },
  );
  return results;
}
