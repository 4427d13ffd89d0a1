// Notes with what presenting them needs (author, scope pattern, voters, verifier), by any condition: one
// scope's content for the context cache, or one note by id.
import { desc, eq, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Anchor } from '@shared/contract';
import { scopedRecord, type ScopedRecord } from '../scopes/records';
import type { Queryable } from '../db/database';
import { notes, scopes, users } from '../db/schema';
import { votersOf } from '../kernel/voters';

export interface NoteRecord extends ScopedRecord {
  body: string;
  anchor: Anchor | null;
  verified: { by: { id: string; name: string }; at: string } | null;
  possiblyOutdated: boolean;
}

const verifiers = alias(users, 'verifiers');

export async function loadNotes(db: Queryable, where: SQL | undefined, limit?: number): Promise<NoteRecord[]> {
  const query = db
    .select({ note: notes, authorName: users.name, pattern: scopes.pattern, verifierName: verifiers.name })
    .from(notes)
    .innerJoin(users, eq(users.id, notes.authorId))
    .innerJoin(scopes, eq(scopes.id, notes.scopeId))
    .leftJoin(verifiers, eq(verifiers.id, notes.verifiedBy))
    .where(where)
    .orderBy(desc(notes.createdAt), desc(notes.id));
  const rows = limit ? await query.limit(limit) : await query;
  const voters = await votersOf(db, 'notes', rows.map((r) => r.note.id));
  return rows.map(({ note, authorName, pattern, verifierName }) => ({
    ...scopedRecord(note, authorName, pattern, voters),
    body: note.body,
    anchor: note.anchor,
    verified:
      note.verifiedBy && note.verifiedAt && verifierName !== null
        ? { by: { id: note.verifiedBy, name: verifierName }, at: note.verifiedAt.toISOString() }
        : null,
    possiblyOutdated: note.outdatedAt !== null,
  }));
}
