import { and, asc, eq, type SQL } from 'drizzle-orm';
import type { Expert } from '@shared/contract';
import type { Database } from '../db/database';
import { experts, scopes, siteOwners, sites, users } from '../db/schema';
import { conflict, notFound } from '../errors';
import type { ChangeFeed } from './change-feed';
import type { ScopeService } from './scopes';

/** Who is responsible for which scopes. Admins assign; anyone may list. */
export class ExpertService {
  constructor(
    private readonly database: Database,
    private readonly feed: ChangeFeed,
    private readonly scopes: ScopeService,
  ) {}

  async list(where?: SQL): Promise<Expert[]> {
    const rows = await this.database.db
      .select({ expert: experts, userName: users.name, pattern: scopes.pattern })
      .from(experts)
      .innerJoin(users, eq(users.id, experts.userId))
      .innerJoin(scopes, eq(scopes.id, experts.scopeId))
      .where(where)
      .orderBy(asc(scopes.pattern), asc(users.name));
    return rows.map(({ expert, userName, pattern }) => ({
      id: expert.id,
      user: { id: expert.userId, name: userName },
      scopeId: expert.scopeId,
      pattern,
      status: expert.status,
      createdAt: expert.createdAt.toISOString(),
    }));
  }

  /** Admins assign (active at once); anyone may volunteer (pending until an admin approves). */
  async assign(userId: string, pattern: string, status: 'active' | 'pending' = 'active'): Promise<Expert> {
    const id = await this.feed.write(async (tx, changed) => {
      const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.id, userId));
      if (!user) throw notFound('User');
      const scope = await this.scopes.resolve(tx, changed, pattern);
      const [row] = await tx.insert(experts).values({ userId, scopeId: scope.id, status }).onConflictDoNothing().returning();
      if (!row) throw conflict('expert_exists', 'This person is already an expert (or volunteered) for this pattern.');
      changed({ t: 'scope', id: scope.id });
      return row.id;
    });
    const [expert] = await this.list(eq(experts.id, id));
    return expert!;
  }

  async approve(id: string): Promise<Expert> {
    await this.feed.write(async (tx, changed) => {
      const [row] = await tx.update(experts).set({ status: 'active' }).where(eq(experts.id, id)).returning({ scopeId: experts.scopeId });
      if (!row) throw notFound('Expert');
      changed({ t: 'scope', id: row.scopeId });
    });
    const [expert] = await this.list(eq(experts.id, id));
    return expert!;
  }

  async owners(siteId: string) {
    const [site] = await this.database.db.select({ id: sites.id }).from(sites).where(eq(sites.id, siteId));
    if (!site) throw notFound('Site');
    const rows = await this.database.db
      .select({ owner: siteOwners, name: users.name })
      .from(siteOwners)
      .innerJoin(users, eq(users.id, siteOwners.userId))
      .where(eq(siteOwners.siteId, siteId))
      .orderBy(asc(users.name));
    return rows.map(({ owner, name }) => ({ siteId, user: { id: owner.userId, name }, createdAt: owner.createdAt.toISOString() }));
  }

  async addOwner(siteId: string, userId: string) {
    const db = this.database.db;
    const [site] = await db.select({ id: sites.id }).from(sites).where(eq(sites.id, siteId));
    if (!site) throw notFound('Site');
    const [user] = await db.select({ id: users.id }).from(users).where(eq(users.id, userId));
    if (!user) throw notFound('User');
    await db.insert(siteOwners).values({ siteId, userId }).onConflictDoNothing();
    return this.owners(siteId);
  }

  async removeOwner(siteId: string, userId: string) {
    const gone = await this.database.db
      .delete(siteOwners)
      .where(and(eq(siteOwners.siteId, siteId), eq(siteOwners.userId, userId)))
      .returning({ userId: siteOwners.userId });
    if (gone.length === 0) throw notFound('Site owner');
    return this.owners(siteId);
  }

  async remove(id: string): Promise<void> {
    await this.feed.write(async (tx, changed) => {
      const [gone] = await tx.delete(experts).where(eq(experts.id, id)).returning({ scopeId: experts.scopeId });
      if (!gone) throw notFound('Expert');
      changed({ t: 'scope', id: gone.scopeId });
    });
  }
}
