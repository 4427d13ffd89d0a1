/**
 * Benchmark results: bench/results.json (machine-readable) and BENCHMARKS.md (the table people read).
 * Suites run separately merge into the same files by result name.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';

export type BenchResult = {
  name: string;
  value: number;
  unit: string;
  /** What `ratio` compares against (another result's name or a description), measured in the same run. */
  baseline?: string;
  /** How many times better than the baseline, higher is better: baseline / value for times, value / baseline for throughputs. */
  ratio?: number;
  note?: string;
};

const ROOT = new URL('../', import.meta.url);
export const RESULTS_PATH = fileURLToPath(new URL('bench/results.json', ROOT));
export const MARKDOWN_PATH = fileURLToPath(new URL('BENCHMARKS.md', ROOT));

function readExisting(): BenchResult[] {
  if (!existsSync(RESULTS_PATH)) return [];
  try {
    const data: unknown = JSON.parse(readFileSync(RESULTS_PATH, 'utf8'));
    return Array.isArray(data) ? (data as BenchResult[]) : [];
  } catch {
    return [];
  }
}

/** Rounds to 3 significant digits, keeping integers whole. */
function round(value: number): number {
  if (!Number.isFinite(value) || value === 0) return value;
  if (Math.abs(value) >= 1000) return Math.round(value);
  return Number(value.toPrecision(3));
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function machine(): string {
  const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU';
  const load = os.loadavg()[0];
  return (
    `Node ${process.versions.node}, ${os.cpus().length} × ${cpu}, ${os.platform()} ${os.arch()}` +
    (load ? `; 1-minute load average ${load.toFixed(1)} when written (other work on the machine inflates the figures)` : '')
  );
}

export function renderMarkdown(results: readonly BenchResult[]): string {
  const lines = [
    '# Benchmarks',
    '',
    'Figures are from one run of each suite on the machine named below (not an average over machines or',
    'runs), so read them as orders of magnitude. Each ratio compares a result with the baseline named',
    'beside it, measured in the same run on the same data, oriented so that higher is better: baseline / value',
    'for times and sizes, value / baseline for throughputs (e.g. 0.5 = half the baseline\'s requests per second).',
    'Regenerate with `npm run bench` (all suites) or `npx tsx bench/run.ts <suite>`; results are merged',
    'by name into `bench/results.json`.',
    '',
    `Last run: ${new Date().toISOString().slice(0, 10)}, ${machine()}.`,
    '',
    '| Benchmark | Value | Unit | Baseline | Ratio | Note |',
    '| --- | ---: | --- | --- | ---: | --- |',
  ];
  for (const r of results) {
    lines.push(
      `| ${cell(r.name)} | ${round(r.value)} | ${cell(r.unit)} | ${cell(r.baseline ?? '')} | ${
        r.ratio === undefined ? '' : `${round(r.ratio)}×`
      } | ${cell(r.note ?? '')} |`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Merges `results` into bench/results.json by name (sorted by name) and rewrites BENCHMARKS.md. */
export function writeReport(results: BenchResult[]): BenchResult[] {
  const byName = new Map(readExisting().map((r) => [r.name, r]));
  for (const r of results) {
    const clean: BenchResult = { name: r.name, value: round(r.value), unit: r.unit };
    if (r.baseline !== undefined) clean.baseline = r.baseline;
    if (r.ratio !== undefined) clean.ratio = round(r.ratio);
    if (r.note !== undefined) clean.note = r.note;
    byName.set(r.name, clean);
  }
  const merged = [...byName.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  writeFileSync(RESULTS_PATH, `${JSON.stringify(merged, null, 2)}\n`);
  writeFileSync(MARKDOWN_PATH, renderMarkdown(merged));
  return merged;
}
