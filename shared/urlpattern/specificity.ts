/**
 * "Most specific first": the order in which the scopes matching a page are listed (e.g. the experts
 * for a page, narrowest scope first).
 *
 * The rule. Components are considered in this order, and the first difference decides:
 *
 *   hostname, port, pathname, search, hash, protocol, username, password
 *
 * (the origin first, so an exact host beats a wildcard host whatever the paths say; then the path;
 * then the rest). Within one component, again first difference wins:
 *
 *   1. exact before non-exact: a component with no wildcard, parameter or modifier (a fixed string,
 *      or empty) comes first;
 *   2. more fixed text first: the number of characters the component must contain literally (fixed
 *      text, and the prefix/suffix of groups that must occur);
 *   3. fewer `*` wildcards first;
 *   4. fewer `:name` parameters first;
 *   5. fewer optional or repeated parts first.
 *
 * Then case-sensitive before `ignoreCase`. Two patterns still tied are ordered by their normalized
 * component strings (code-unit order), so the order is total and deterministic: compareSpecificity
 * returns 0 only for patterns with identical normalized components and options.
 *
 * Examples, most specific first: `https://app.example.com/accounts/42` ·
 * `https://app.example.com/accounts/:id` · `https://app.example.com/accounts/*` ·
 * `https://app.example.com/*` · `https://*.example.com/accounts/42` · `https://*.example.com/*`.
 */
import type { CompiledComponent, CompiledPattern, ComponentName } from './types';

const ORDER: readonly ComponentName[] = [
  'hostname',
  'port',
  'pathname',
  'search',
  'hash',
  'protocol',
  'username',
  'password',
];

function cap(n: number, max: number): number {
  return n > max ? max : n;
}

/**
 * One number per component, smaller = more specific: the five criteria packed into bit fields
 * (exact: bit 35; fixed text, inverted and capped at 2047: bits 24-34; wildcards, parameters and
 * modifiers, capped at 255: bits 16-23, 8-15, 0-7). Exact in a double (< 2^53).
 */
function componentKey(component: CompiledComponent): number {
  let exact = 1;
  let literal = 0;
  let full = 0;
  let segment = 0;
  let modifiers = 0;
  if (component.kind === 'literal' || component.kind === 'empty') exact = 0;
  for (const part of component.parts) {
    const required = part.modifier === 'none' || part.modifier === 'one-or-more';
    if (part.modifier !== 'none') modifiers += 1;
    if (part.type === 'fixed-text') {
      if (required) literal += part.value.length;
      continue;
    }
    if (required) literal += part.prefix.length + part.suffix.length;
    if (part.type === 'full-wildcard') full += 1;
    else segment += 1;
  }
  return (
    exact * 2 ** 35 +
    (2047 - cap(literal, 2047)) * 2 ** 24 +
    cap(full, 255) * 2 ** 16 +
    cap(segment, 255) * 2 ** 8 +
    cap(modifiers, 255)
  );
}

/** The numeric part of the order, precomputed once per pattern (parse.ts stores it). */
export function specificityKey(components: Record<ComponentName, CompiledComponent>): number[] {
  const key: number[] = [];
  for (const name of ORDER) key.push(componentKey(components[name]));
  return key;
}

/** Negative if `a` is more specific than `b`, positive if less, 0 if the patterns are the same. */
export function compareSpecificity(a: CompiledPattern, b: CompiledPattern): number {
  if (a === b) return 0;
  const ka = a.specificity;
  const kb = b.specificity;
  for (let i = 0; i < ka.length; i++) {
    const d = ka[i]! - kb[i]!;
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  if (a.ignoreCase !== b.ignoreCase) return a.ignoreCase ? 1 : -1;
  for (const name of ORDER) {
    const sa = a[name].pattern;
    const sb = b[name].pattern;
    if (sa !== sb) return sa < sb ? -1 : 1;
  }
  return 0;
}

