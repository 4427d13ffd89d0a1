// axe-core in the browser suites: the serious and critical accessibility violations of a page or frame.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Frame, Page } from '../support/driver';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown }>;
}

/**
 * Runs axe-core in a frame; evaluated over CDP or BiDi, so the extension page's CSP does not block it.
 * `within`: a selector of the part to check (our overlay on a host page, whose own faults are not ours).
 */
export async function seriousViolations(frame: Frame | Page, within?: string): Promise<string[]> {
  await frame.evaluate(axeSource);
  const violations = await frame.evaluate(async (context) => {
    const axe = (globalThis as unknown as { axe: { run(context?: unknown): Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await (context ? axe.run(context) : axe.run())).violations;
  }, within);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} at ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}`);
}
