// Live updates: (1) latency from a write (POST /notes) to its server-sent event at a connected client,
// p50 and p99, on one instance (PGlite, PostgreSQL) and across two PostgreSQL instances (LISTEN/NOTIFY);
// (2) 5,000 idle event streams held by one API process, with its resident memory, heartbeats on, and the
// time one write takes to reach all of them. Real API processes (api/main.ts) in children, loopback only;
// every child is stopped at the end. Needs about 10,000 file descriptors (ulimit -n).
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, postgresAvailable } from '../../test/support/postgres';
import type { BenchResult } from '../report';

const SAMPLES = Number(process.env.BENCH_LIVE_SAMPLES ?? 300);
const STREAMS = Number(process.env.BENCH_LIVE_STREAMS ?? 5000);
const HOLD_MS = Number(process.env.BENCH_LIVE_HOLD_MS ?? 12_000);
const ADMIN = { email: 'bench@corp.example', password: 'correct horse battery' };
const ORIGIN = 'https://crm.corp.example';
const PAGE = `${ORIGIN}/accounts/1`;

interface Api {
  child: ChildProcess;
  port: number;
  base: string;
  stop: () => Promise<void>;
}

async function startApi(env: Record<string, string>): Promise<Api> {
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const child = spawn(process.execPath, ['--import', 'tsx', 'api/main.ts'], {
    // The streams all belong to one person here: lift the per-person cap (it is policy, not capacity).
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', EVENTS_MAX_STREAMS_PER_USER: String(STREAMS + 10), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  await new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (out.includes('listening on')) {
        clearInterval(timer);
        resolve();
      } else if (child.exitCode !== null) {
        clearInterval(timer);
        reject(new Error(`API exited: ${out}`));
      }
    }, 50);
  });
  return {
    child,
    port,
    base: `http://127.0.0.1:${port}/api/v1`,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('exit', () => {
          clearTimeout(kill);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

async function call(base: string, method: string, path: string, token?: string, json?: unknown): Promise<any> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { ...(json ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: json ? JSON.stringify(json) : undefined,
  });
  const body = await res.json();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(body)}`);
  return body;
}

/** A raw SSE connection: calls onData with each chunk. */
function openStream(port: number, token: string, onData: (text: string) => void): Promise<http.ClientRequest> {
  return new Promise((resolve, reject) => {
    const req = http.get(
      {
        host: '127.0.0.1',
        port,
        path: `/api/v1/events?url=${encodeURIComponent(PAGE)}`,
        headers: { authorization: `Bearer ${token}` },
        agent: false,
      },
      (res) => {
        if (res.statusCode !== 200) return reject(new Error(`stream: HTTP ${res.statusCode}`));
        res.setEncoding('utf8');
        let ready = false;
        res.on('data', (chunk: string) => {
          if (!ready && chunk.includes('event: ready')) {
            ready = true;
            resolve(req);
          }
          onData(chunk);
        });
        res.on('error', () => {});
      },
    );
    req.on('error', reject);
  });
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

/** Writes through `writer`, waits for each note's event on a stream held by `reader`. */
async function latency(writer: Api, reader: Api, token: string): Promise<{ p50: number; p99: number; n: number }> {
  const arrivals = new Map<string, number>(); // events may arrive before the POST reply
  const waiters = new Map<string, (t: number) => void>();
  let buffer = '';
  const stream = await openStream(reader.port, token, (chunk) => {
    const now = performance.now();
    buffer += chunk;
    let cut: number;
    while ((cut = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, cut);
      buffer = buffer.slice(cut + 2);
      const id = /"noteId":"([0-9a-f-]+)"/.exec(block)?.[1];
      if (!id || !block.includes('event: note.created')) continue;
      const waiter = waiters.get(id);
      if (waiter) waiter(now);
      else arrivals.set(id, now);
    }
  });
  const samples: number[] = [];
  let lost = 0;
  try {
    for (let i = 0; i < SAMPLES + 20; i++) {
      const started = performance.now();
      const note = (await call(writer.base, 'POST', '/notes', token, { pattern: `${ORIGIN}/accounts/:id`, body: `sample ${i}` })) as { id: string };
      const t =
        arrivals.get(note.id) ??
        (await new Promise<number>((resolve) => {
          const timer = setTimeout(() => resolve(Number.NaN), 5_000);
          waiters.set(note.id, (at) => {
            clearTimeout(timer);
            resolve(at);
          });
        }));
      if (!Number.isFinite(t)) lost++;
      else if (i >= 20) samples.push(t - started); // the first 20 warm up
    }
  } finally {
    stream.destroy();
  }
  if (lost > 0) throw new Error(`${lost} events never arrived`);
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p99: percentile(samples, 99), n: samples.length };
}

async function idleStreams(api: Api, token: string): Promise<BenchResult[]> {
  const rssKb = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${api.child.pid}/status`, 'utf8'))?.[1] ?? 0);
  const before = rssKb();
  const streams: http.ClientRequest[] = [];
  let received = 0;
  let heartbeats = 0;
  let lastArrival = 0;
  const openedAt = performance.now();
  for (let i = 0; i < STREAMS; i += 100) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(100, STREAMS - i) }, () =>
        openStream(api.port, token, (chunk) => {
          if (chunk.includes(': heartbeat')) heartbeats++;
          if (chunk.includes('event: note.created')) {
            received++;
            lastArrival = performance.now();
          }
        }),
      ),
    );
    streams.push(...batch);
  }
  const openMs = performance.now() - openedAt;
  await new Promise((r) => setTimeout(r, HOLD_MS)); // idle, heartbeats flowing
  const held = rssKb();
  const writeAt = performance.now();
  await call(api.base, 'POST', '/notes', token, { pattern: `${ORIGIN}/accounts/:id`, body: 'to everyone' });
  const until = Date.now() + 30_000;
  while (received < STREAMS && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
  const fanOutMs = lastArrival - writeAt;
  for (const s of streams) s.destroy();
  return [
    {
      name: `live: ${STREAMS} idle event streams, API process RSS`,
      value: held / 1024,
      unit: 'MB',
      note: `target < 300 MB; ${(before / 1024).toFixed(0)} MB before the streams, so about ${((held - before) / STREAMS).toFixed(1)} KB per stream; opened in ${(openMs / 1000).toFixed(1)} s; held ${HOLD_MS / 1000} s with a 2 s heartbeat (${heartbeats} heartbeats received)`,
    },
    {
      name: `live: one write fanned out to ${STREAMS} streams`,
      value: fanOutMs,
      unit: 'ms',
      note: `${received} of ${STREAMS} streams received it (write request start to the last arrival)`,
    },
  ];
}

export async function run(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const admin = { ALONGSIDE_ADMIN_EMAIL: ADMIN.email, ALONGSIDE_ADMIN_PASSWORD: ADMIN.password };
  const setUp = async (api: Api) => {
    const { token } = await call(api.base, 'POST', '/auth/signin', undefined, ADMIN);
    await call(api.base, 'GET', '/sites', token).then(async (sites: Array<{ origin: string }>) => {
      if (!sites.some((s) => s.origin === ORIGIN)) await call(api.base, 'POST', '/sites', token, { origin: ORIGIN, name: 'CRM' });
    });
    return token as string;
  };

  // PGlite, one instance.
  const dataDir = mkdtempSync(join(tmpdir(), 'alongside-bench-live-'));
  const lite = await startApi({ ...admin, DATA_DIR: dataDir, DATABASE_URL: '', EVENTS_HEARTBEAT_SECONDS: '2' });
  try {
    const token = await setUp(lite);
    // Streams first: the latency run's writes grow PGlite's own (WebAssembly) heap, which is not the streams' cost.
    results.push(...(await idleStreams(lite, token)).map((r) => ({ ...r, name: `${r.name}, PGlite` })));
    const l = await latency(lite, lite, token);
    results.push({ name: 'live: write → event p50, PGlite, one instance', value: l.p50, unit: 'ms', note: `${l.n} sequential writes (POST /notes start → SSE arrival)` });
    results.push({ name: 'live: write → event p99, PGlite, one instance', value: l.p99, unit: 'ms', note: 'target < 100 ms' });
  } finally {
    await lite.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }

  if (await postgresAvailable()) {
    const pg = await createTestDatabase();
    const a = await startApi({ ...admin, DATABASE_URL: pg.url, EVENTS_HEARTBEAT_SECONDS: '2' });
    const b = await startApi({ DATABASE_URL: pg.url, EVENTS_HEARTBEAT_SECONDS: '2' });
    try {
      const token = await setUp(a);
      await new Promise((r) => setTimeout(r, 200)); // B hears of the site
      const one = await latency(a, a, token);
      results.push({ name: 'live: write → event p50, PostgreSQL, one instance', value: one.p50, unit: 'ms', note: `${one.n} sequential writes` });
      results.push({ name: 'live: write → event p99, PostgreSQL, one instance', value: one.p99, unit: 'ms', note: 'target < 100 ms' });
      const two = await latency(a, b, token);
      results.push({ name: 'live: write → event p50, PostgreSQL, written on A, streamed by B', value: two.p50, unit: 'ms', note: `${two.n} sequential writes; LISTEN/NOTIFY between the instances` });
      results.push({ name: 'live: write → event p99, PostgreSQL, written on A, streamed by B', value: two.p99, unit: 'ms', note: 'target < 100 ms' });
      results.push(...(await idleStreams(b, token)).map((r) => ({ ...r, name: `${r.name}, PostgreSQL` })));
    } finally {
      await a.stop();
      await b.stop();
      await pg.drop();
    }
  }
  return results;
}
