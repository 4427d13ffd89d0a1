// The one rule of who may see what, and what each role may do: every read path asks it, in the form it
// needs. In memory (`canSee`) for content held in caches and events on open streams; in SQL (`visibleTo`,
// `whoMaySee`) for queries (inbox, routing, watches, tip notices, and search and insights). Both forms are
// made from the same three grants below, so they cannot drift apart (access.test.ts checks that they agree).
import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { Role, Visibility } from '@shared/contract';
import type { Queryable } from '../db/database';
import { memberships, users } from '../db/schema';
import { ApiError, forbidden } from './errors';

/** The signed-in person a request acts for, with what the rule needs. */
export interface Viewer {
  id: string;
  email: string;
  name: string;
  role: Role;
  /** The teams they belong to now (their session's view, kept fresh through the write path's changes). */
  teamIds: ReadonlySet<string>;
  sessionId: string;
}

/** What the rule needs to know of an item (a note, tip, question; answers and replies go with theirs). */
export interface Sharing {
  authorId: string;
  visibility: Visibility;
  teamId: string | null;
}

/** Just the sharing of an item. */
export const sharingOf = (item: Sharing): Sharing => ({ authorId: item.authorId, visibility: item.visibility, teamId: item.teamId });

/** Where an item's sharing is in a query: columns (or any SQL) for its author, visibility and team. */
interface SharingColumns {
  authorId: SQLWrapper;
  visibility: SQLWrapper;
  teamId: SQLWrapper;
}

type Person = Pick<Viewer, 'id' | 'teamIds'>;

/**
 * The rule. A person may see an item when one of these grants it: they wrote it; it is shared with the
 * whole organisation; it is shared with a team they belong to now. Nobody else, whatever their role:
 * moderators and admins may remove content, not read what was not shared with them. Hidden content is
 * answered like missing content (404), so its existence does not leak either.
 */
const grants: ReadonlyArray<{
  memory: (person: Person, item: Sharing) => boolean;
  sql: (person: SQLWrapper | string, item: SharingColumns) => SQL;
}> = [
  {
    memory: (person, item) => item.authorId === person.id,
    sql: (person, item) => sql`${item.authorId} = ${person}`,
  },
  {
    memory: (_, item) => item.visibility === 'org',
    sql: (_, item) => sql`${item.visibility} = 'org'`,
  },
  {
    memory: (person, item) => item.visibility === 'team' && item.teamId !== null && person.teamIds.has(item.teamId),
    sql: (person, item) =>
      sql`(${item.visibility} = 'team' and exists (select 1 from ${memberships} where ${memberships.teamId} = ${item.teamId} and ${memberships.userId} = ${person}))`,
  },
];

/** In memory: may this person (their session's teams) see the item? */
export const canSee = (person: Person, item: Sharing): boolean => grants.some((grant) => grant.memory(person, item));

/** In SQL: the item whose sharing is in `item` is visible to `person` (a user id, or a column holding one). */
export const visibleTo = (person: SQLWrapper | string, item: SharingColumns): SQL =>
  sql`(${sql.join(
    grants.map((grant) => grant.sql(person, item)),
    sql` or `,
  )})`;

/** Of these people, the ones who may see the item now, in their order (whom to tell, whom to route to). */
export async function whoMaySee(db: Queryable, item: Sharing, userIds: readonly string[]): Promise<string[]> {
  const candidates = [...new Set(userIds)];
  if (candidates.length === 0) return [];
  const values = { authorId: sql`${item.authorId}::uuid`, visibility: sql`${item.visibility}`, teamId: sql`${item.teamId}::uuid` };
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(sql`${users.id} in (${sql.join(candidates.map((id) => sql`${id}::uuid`), sql`, `)}) and ${visibleTo(users.id, values)}`);
  const allowed = new Set(rows.map((r) => r.id));
  return candidates.filter((id) => allowed.has(id));
}

/** Shared with everyone in the organisation: the only content that may leave it (webhooks). */
export const sharedWithEveryone = (item: Pick<Sharing, 'visibility'>): boolean => item.visibility === 'org';

const rank: Record<Role, number> = { member: 0, moderator: 1, admin: 2 };

/** The role's powers include those of `role` (admins can do what moderators can). */
export const hasRole = (viewer: Pick<Viewer, 'role'>, role: Role): boolean => rank[viewer.role] >= rank[role];

/** What a person may do with an item they can see. */
export const may = {
  /** Edit a note, question or answer, or accept an answer to a question: its author only. */
  edit: (viewer: Viewer, item: { authorId: string }) => item.authorId === viewer.id,
  /** Delete a note, question or answer: its author, or a moderator. */
  remove: (viewer: Viewer, item: { authorId: string }) => item.authorId === viewer.id || hasRole(viewer, 'moderator'),
  /** See a volunteer expert who is not approved yet: admins (who decide) and the volunteer. */
  seePendingExpert: (viewer: Viewer, expert: { userId: string }) => hasRole(viewer, 'admin') || expert.userId === viewer.id,
};

/** Checks whom new content is shared with: `team` needs a team the author belongs to; others carry no team. */
export function resolveSharing(viewer: Viewer, input: { visibility: Visibility; teamId?: string | null }): Omit<Sharing, 'authorId'> {
  if (input.visibility !== 'team') return { visibility: input.visibility, teamId: null };
  if (!input.teamId) {
    throw new ApiError(400, 'validation_failed', 'teamId: required when visibility is "team"', [
      { path: 'teamId', message: 'required when visibility is "team"' },
    ]);
  }
  if (!viewer.teamIds.has(input.teamId)) throw forbidden('You can share with your own teams only.');
  return { visibility: 'team', teamId: input.teamId };
}
