/**
 * Every PostgreSQL advisory lock the API takes, in one place so no two uses share a number by accident.
 * The numbers are arbitrary but fixed: every instance of every version must agree on them.
 */
export const ADVISORY_LOCKS = {
  /** Session-level, held while migrations run (instances starting together). */
  migrate: 7_412_001_117,
  /** Transaction-level: sign-ups in a row, so two racing first accounts cannot both become admin. */
  firstAccount: 7_412_001_118,
  /** Transaction-level: event ids become visible in commit order (see services/events.ts). */
  events: 7_412_001_119,
} as const;
