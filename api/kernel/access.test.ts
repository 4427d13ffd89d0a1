// The access rule's two forms agree: for random people, teams, memberships and items, `canSee` (in memory,
// on a viewer's teams) and the SQL forms (`visibleTo` in a query, `whoMaySee`) give the same answers, on
// both databases. The rule itself is tested through every read path in the domain suites and in
// test/api/access.property.test.ts.
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/support/api-harness';
import { memberships, teams, users } from '../db/schema';
import { canSee, hasRole, may, visibleTo, whoMaySee, type Sharing, type Viewer } from './access';

const PEOPLE = 5;
const TEAMS = 3;

describeEachDatabase('the access rule, in memory and in SQL', (api) => {
  const people: string[] = [];
  const teamIds: string[] = [];
  beforeAll(async () => {
    const db = api().database.db;
    for (let i = 0; i < PEOPLE; i++) {
      const [row] = await db.insert(users).values({ email: `p${i}@access.example`, name: `P${i}`, passwordHash: 'x' }).returning({ id: users.id });
      people.push(row!.id);
    }
    for (let i = 0; i < TEAMS; i++) {
      const [row] = await db.insert(teams).values({ name: `access-team-${i}` }).returning({ id: teams.id });
      teamIds.push(row!.id);
    }
  });

  const item = fc.record({
    author: fc.nat(PEOPLE - 1),
    visibility: fc.constantFrom('private', 'team', 'org') as fc.Arbitrary<Sharing['visibility']>,
    team: fc.nat(TEAMS - 1),
  });
  const membership = fc.array(fc.tuple(fc.nat(PEOPLE - 1), fc.nat(TEAMS - 1)), { maxLength: 10 });

  it('gives the same answer in memory and in SQL, for every person', async () => {
    const db = api().database.db;
    await fc.assert(
      fc.asyncProperty(membership, fc.array(item, { minLength: 1, maxLength: 6 }), async (members, items) => {
        await db.delete(memberships);
        const pairs = [...new Set(members.map(([p, t]) => `${p}:${t}`))].map((k) => k.split(':').map(Number) as [number, number]);
        if (pairs.length > 0) await db.insert(memberships).values(pairs.map(([p, t]) => ({ userId: people[p]!, teamId: teamIds[t]! })));
        const viewerOf = (p: number): Pick<Viewer, 'id' | 'teamIds'> => ({
          id: people[p]!,
          teamIds: new Set(pairs.filter(([q]) => q === p).map(([, t]) => teamIds[t]!)),
        });
        for (const raw of items) {
          const sharing: Sharing = {
            authorId: people[raw.author]!,
            visibility: raw.visibility,
            teamId: raw.visibility === 'team' ? teamIds[raw.team]! : null,
          };
          const inMemory = people.filter((_, p) => canSee(viewerOf(p), sharing));
          expect(await whoMaySee(db, sharing, people)).toEqual(inMemory);
          const values = { authorId: sql`${sharing.authorId}::uuid`, visibility: sql`${sharing.visibility}`, teamId: sql`${sharing.teamId}::uuid` };
          const rows = await db.select({ id: users.id }).from(users).where(visibleTo(users.id, values));
          expect(rows.map((r) => r.id).filter((id) => people.includes(id)).sort()).toEqual([...inMemory].sort());
        }
      }),
      { numRuns: 25 },
    );
  });
});

it('gives moderators and admins powers over content, never more sight of it', () => {
  const as = (role: Viewer['role']): Viewer => ({ id: 'v', email: 'v@x', name: 'V', role, teamIds: new Set(), sessionId: 's' });
  const others = { authorId: 'someone', visibility: 'private' as const, teamId: null };
  for (const role of ['member', 'moderator', 'admin'] as const) expect(canSee(as(role), others)).toBe(false);
  expect([may.remove(as('member'), others), may.remove(as('moderator'), others), may.remove(as('admin'), others)]).toEqual([false, true, true]);
  expect(may.edit(as('admin'), others)).toBe(false);
  expect(hasRole(as('moderator'), 'admin')).toBe(false);
  expect(may.seePendingExpert(as('admin'), { userId: 'x' })).toBe(true);
  expect(may.seePendingExpert(as('member'), { userId: 'x' })).toBe(false);
  expect(may.seePendingExpert(as('member'), { userId: 'v' })).toBe(true);
});
