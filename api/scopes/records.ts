// What every item attached to a scope (a note, a question) carries, as the services and caches hold it:
// its sharing, its author's name, its scope's pattern, who voted for it; and what a new one tells routing
// and watches.
import type { Visibility } from '@shared/contract';
import type { notes } from '../db/schema';
import type { Sharing } from '../kernel/access';

export interface ScopedRecord {
  id: string;
  scopeId: string;
  pattern: string;
  visibility: Visibility;
  teamId: string | null;
  authorId: string;
  authorName: string;
  voters: string[];
  createdAt: string;
  updatedAt: string;
}

type ScopedRow = Pick<typeof notes.$inferSelect, 'id' | 'scopeId' | 'visibility' | 'teamId' | 'authorId' | 'createdAt' | 'updatedAt'>;

/** The shared part of a scoped record, from its row and what its query joined. */
export const scopedRecord = (row: ScopedRow, authorName: string, pattern: string, voters: Map<string, string[]>): ScopedRecord => ({
  id: row.id,
  scopeId: row.scopeId,
  pattern,
  visibility: row.visibility,
  teamId: row.teamId,
  authorId: row.authorId,
  authorName,
  voters: voters.get(row.id) ?? [],
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

/** A new item on a scope, with its site: what routing and watches need of it. */
export interface ScopedItem extends Sharing {
  scopeId: string;
  siteId: string;
  pattern: string;
}
