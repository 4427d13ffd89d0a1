// Who answers for which part of an app: its screens and its other patterns, each with its experts, those
// with nobody first. Plain data, from what the API says (screens with their experts, the assignments, the
// patterns that hold content).
import type { Output } from '@shared/client';
import type { Expert, Person, Site } from '@shared/contract';
import { templatePattern } from '@shared/page-key';

export type Screen = Output<'GET /sites/{id}/screens'>[number];
export type ContentScope = Output<'GET /browse/sites/{id}'>[number];

export interface RowExpert {
  person: Person;
  /** The assignment on exactly this row's pattern, which can be removed here; null: through a wider pattern. */
  assignment: Expert | null;
}

export interface Row {
  pattern: string;
  /** The screen's name; null for a pattern that is no screen. */
  screen: string | null;
  experts: RowExpert[];
}

/** Is the pattern one of this site's (its origin, then a path, query or fragment, or nothing)? */
export const onSite = (pattern: string, origin: string) => pattern.startsWith(origin) && /^([/?#]|$)/.test(pattern.slice(origin.length));

/** The patterns that are no screen and have no assignment of their own, but hold content: who covers them is asked. */
export function uncoveredCandidates(site: Site, assignments: Expert[], scopes: ContentScope[]): string[] {
  const known = new Set([...site.rules.templates.map((t) => templatePattern(t.pattern, site.origin)), ...assignments.map((a) => a.pattern)]);
  return scopes.map((s) => s.pattern).filter((p) => !known.has(p));
}

/**
 * The rows of an app: its screens in template order, then every other pattern with an assignment or
 * content, by pattern; the rows without an expert first.
 */
export function coverageRows(site: Site, screens: Screen[], assignments: Expert[], scopes: ContentScope[], coveredBy: Map<string, Person[]>): Row[] {
  const active = assignments.filter((a) => a.status !== 'pending' && onSite(a.pattern, site.origin));
  const direct = (pattern: string, person: Person) => active.find((a) => a.pattern === pattern && a.user.id === person.id) ?? null;
  const screenRows: Row[] = screens.map((s) => {
    const pattern = templatePattern(s.pattern, site.origin);
    return { pattern, screen: s.name, experts: s.experts.map((person) => ({ person, assignment: direct(pattern, person) })) };
  });
  const screenPatterns = new Set(screenRows.map((r) => r.pattern));
  const others = [...new Set([...active.map((a) => a.pattern), ...scopes.map((s) => s.pattern)])].filter((p) => !screenPatterns.has(p)).sort();
  const patternRows: Row[] = others.map((pattern) => {
    const own = active.filter((a) => a.pattern === pattern).map((a) => ({ person: a.user, assignment: a }));
    const wider = (coveredBy.get(pattern) ?? []).filter((p) => !own.some((o) => o.person.id === p.id)).map((person) => ({ person, assignment: null }));
    return { pattern, screen: null, experts: [...own, ...wider] };
  });
  const rows = [...screenRows, ...patternRows];
  return [...rows.filter((r) => r.experts.length === 0), ...rows.filter((r) => r.experts.length > 0)];
}
