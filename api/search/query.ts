// A query as people type it, for PostgreSQL: websearch_to_tsquery takes words, "phrases", -exclusions
// and OR as they are and never fails on odd input (unbalanced quotes, operators alone). While typing, the
// last word is also a prefix ("appro" finds "approve"): it goes to to_tsquery as `word:*`, so it must be a
// bare word (letters and digits only: nothing to_tsquery could read as an operator).
const LAST_WORD = /(^|\s)([\p{L}\p{N}]+)$/u;

export interface ParsedQuery {
  /** What websearch_to_tsquery reads. */
  text: string;
  /** The last word, matched as a prefix too; null when not typing or not a bare word. */
  prefix: string | null;
}

export function parseQuery(q: string, typing: boolean): ParsedQuery | null {
  const text = q.trim();
  if (!text) return null;
  const quotes = (text.match(/"/g) ?? []).length;
  const last = typing && quotes % 2 === 0 ? LAST_WORD.exec(text) : null;
  if (!last) return { text, prefix: null };
  return { text: text.slice(0, last.index + last[1]!.length).trim(), prefix: last[2]! };
}
