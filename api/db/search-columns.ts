// What search (api/search) reads of each kind of item: a tsvector column generated from its text, with a
// GIN index, on notes (tips too), questions (the title weighs more than the body), answers and replies.
// The text search configuration is a server setting (SEARCH_CONFIG: english stemming by default, `simple`
// for companies writing in several languages): the migration creates the columns with the default, and
// when the setting names another they are made again with it at start (migrate.ts). One definition serves both.
import { sql, type SQL } from 'drizzle-orm';

export const DEFAULT_SEARCH_CONFIG = 'english';

/** The searched tables, each column's expression for a configuration (a name checked against pg_ts_config). */
export const SEARCHED = {
  notes: (config: string) => `to_tsvector('${config}'::regconfig, "body")`,
  questions: (config: string) =>
    `setweight(to_tsvector('${config}'::regconfig, "title"), 'A') || setweight(to_tsvector('${config}'::regconfig, "body"), 'B')`,
  answers: (config: string) => `to_tsvector('${config}'::regconfig, "body")`,
  note_replies: (config: string) => `to_tsvector('${config}'::regconfig, "body")`,
} as const;

export type SearchedTable = keyof typeof SEARCHED;

/** The column's expression for the schema (the default configuration). */
export const searchVector = (table: SearchedTable): SQL => sql.raw(SEARCHED[table](DEFAULT_SEARCH_CONFIG));
