/**
 * Runs the benchmark suites in bench/suites/ and writes the report.
 *
 *   npx tsx bench/run.ts                 # every suite
 *   npx tsx bench/run.ts pattern-index   # only the named suites (file names without .ts)
 *
 * A suite is a module exporting `async function run(): Promise<BenchResult[]>`.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type BenchResult, writeReport } from './report';

const SUITES_DIR = fileURLToPath(new URL('./suites/', import.meta.url));

async function main(): Promise<void> {
  const available = readdirSync(SUITES_DIR)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.endsWith('.d.ts'))
    .map((f) => f.slice(0, -3))
    .sort();
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((name) => !available.includes(name));
  if (unknown.length > 0) {
    console.error(`Unknown suite(s): ${unknown.join(', ')}. Available: ${available.join(', ')}`);
    process.exit(2);
  }
  const suites = wanted.length > 0 ? wanted : available;
  const results: BenchResult[] = [];
  for (const name of suites) {
    console.log(`▶ ${name}`);
    const mod = (await import(pathToFileURL(`${SUITES_DIR}${name}.ts`).href)) as { run?: () => Promise<BenchResult[]> };
    if (typeof mod.run !== 'function') throw new Error(`bench/suites/${name}.ts does not export run()`);
    const suiteResults = await mod.run();
    for (const r of suiteResults) {
      const ratio = r.ratio === undefined ? '' : `  (${r.ratio.toPrecision(3)}× vs ${r.baseline})`;
      console.log(`  ${r.name}: ${r.value.toPrecision(4)} ${r.unit}${ratio}`);
    }
    results.push(...suiteResults);
  }
  writeReport(results);
  console.log(`Wrote bench/results.json and BENCHMARKS.md (${results.length} results).`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
