// Who is responsible for which scopes. Admins assign; anyone may volunteer (pending until an admin approves);
// everyone signed in may list them, pending volunteers only admins and the volunteer.
import { asc, eq, type SQL } from 'drizzle-orm';
import type { Expert } from '@shared/contract';
import type { Database } from '../db/database';
import { experts, scopes, users } from '../db/schema';
import { conflict, notFound } from '../kernel/errors';
import { may, type Viewer } from '../kernel/access';
import type { WritePath } from '../kernel/write-path';
import type { ScopeService } from '../scopes/service';
import type { SiteService } from '../sites/service';
import { screenOfPattern } from '@shared/page-key';

export class ExpertService {
  constructor(
    private readonly database: Database,
    private readonly writes: WritePath,
    private readonly scopes: ScopeService,
    private readonly sites: SiteService,
  ) {}

  /** Every assignment this viewer may see: all active ones, and the pending ones the access rule allows. */
  async list(viewer: Viewer): Promise<Expert[]> {
    return (await this.find()).filter((e) => e.status === 'active' || may.seePendingExpert(viewer, { userId: e.user.id }));
  }

  private async find(where?: SQL): Promise<Expert[]> {
    const rows = await this.database.db
      .select({ expert: experts, userName: users.name, pattern: scopes.pattern, siteId: scopes.siteId })
      .from(experts)
      .innerJoin(users, eq(users.id, experts.userId))
      .innerJoin(scopes, eq(scopes.id, experts.scopeId))
      .where(where)
      .orderBy(asc(scopes.pattern), asc(users.name));
    return rows.map(({ expert, userName, pattern, siteId }) => ({
      id: expert.id,
      user: { id: expert.userId, name: userName },
      scopeId: expert.scopeId,
      pattern,
      screen: this.screenOf(pattern, siteId),
      status: expert.status,
      createdAt: expert.createdAt.toISOString(),
    }));
  }

  /** The screen an assignment's pattern is; null also while this instance has not heard of its site yet. */
  private screenOf(pattern: string, siteId: string): string | null {
    const site = this.sites.find(siteId);
    return site ? screenOfPattern(pattern, site) : null;
  }

  /** Admins assign (active at once); anyone may volunteer (pending until an admin approves). */
  async assign(userId: string, pattern: string, status: 'active' | 'pending' = 'active'): Promise<Expert> {
    const id = await this.writes.write(async (tx, changed) => {
      const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.id, userId));
      if (!user) throw notFound('User');
      const scope = await this.scopes.resolve(tx, changed, pattern);
      const [row] = await tx.insert(experts).values({ userId, scopeId: scope.id, status }).onConflictDoNothing().returning();
      if (!row) throw conflict('expert_exists', 'This person is already an expert (or volunteered) for this pattern.');
      changed({ t: 'scope', id: scope.id });
      return row.id;
    });
    const [expert] = await this.find(eq(experts.id, id));
    return expert!;
  }

  async approve(id: string): Promise<Expert> {
    await this.writes.write(async (tx, changed) => {
      const [row] = await tx.update(experts).set({ status: 'active' }).where(eq(experts.id, id)).returning({ scopeId: experts.scopeId });
      if (!row) throw notFound('Expert');
      changed({ t: 'scope', id: row.scopeId });
    });
    const [expert] = await this.find(eq(experts.id, id));
    return expert!;
  }

  async remove(id: string): Promise<void> {
    await this.writes.write(async (tx, changed) => {
      const [gone] = await tx.delete(experts).where(eq(experts.id, id)).returning({ scopeId: experts.scopeId });
      if (!gone) throw notFound('Expert');
      changed({ t: 'scope', id: gone.scopeId });
    });
  }
}
