/**
 * Errors thrown when a URL pattern cannot be compiled.
 *
 * - `pattern_regexp_group`: the pattern uses a custom regular-expression group such as `(\d+)` or
 *   `:id(\d+)`. We reject these on purpose: they cannot be indexed and invite catastrophic
 *   backtracking. (`(.*)` is accepted: the URLPattern standard itself defines it as the `*` wildcard.)
 * - `pattern_invalid`: anything else the URLPattern standard rejects (bad syntax, a character that is
 *   not allowed in that component, an unparsable base URL, ...).
 */
export type PatternErrorCode = 'pattern_regexp_group' | 'pattern_invalid';

export class PatternError extends Error {
  override readonly name = 'PatternError';
  readonly code: PatternErrorCode;
  /** Which URL component the problem is in, when known (e.g. 'pathname'). */
  readonly component: string | undefined;
  /** Position (UTF-16 index) in the component's pattern string, when known. */
  readonly position: number | undefined;

  constructor(
    code: PatternErrorCode,
    message: string,
    details: { component?: string | undefined; position?: number | undefined } = {},
  ) {
    const where =
      details.component !== undefined
        ? ` (in the ${details.component}${details.position !== undefined ? ` at position ${details.position}` : ''})`
        : details.position !== undefined
          ? ` (at position ${details.position})`
          : '';
    super(message + where);
    this.code = code;
    this.component = details.component;
    this.position = details.position;
  }
}

const REGEXP_GROUP_MESSAGE =
  'Custom regular-expression groups like (\\d+) are not supported: use :name or * instead';

export function regexpGroupError(position?: number): PatternError {
  return new PatternError('pattern_regexp_group', REGEXP_GROUP_MESSAGE, { position });
}

/** Re-throws `err` as a PatternError that names the component it happened in. */
export function inComponent(err: unknown, component: string): PatternError {
  if (err instanceof PatternError) {
    if (err.component !== undefined) return err;
    // Rebuild so the message says where; keep code and position.
    const bare = err.message.replace(/ \(at position \d+\)$/, '');
    return new PatternError(err.code, bare, { component, position: err.position });
  }
  return new PatternError('pattern_invalid', err instanceof Error ? err.message : String(err), { component });
}
