import { asc, eq, type SQL } from 'drizzle-orm';
import type { Expert } from '../../shared/contract';
import type { Database } from '../db/database';
import { experts, scopes, users } from '../db/schema';
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
      createdAt: expert.createdAt.toISOString(),
    }));
  }

  async assign(userId: string, pattern: string): Promise<Expert> {
    const id = await this.feed.write(async (tx, changed) => {
      const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.id, userId));
      if (!user) throw notFound('User');
      const scope = await this.scopes.resolve(tx, changed, pattern);
      const [row] = await tx.insert(experts).values({ userId, scopeId: scope.id }).onConflictDoNothing().returning();
      if (!row) throw conflict('expert_exists', 'This person is already an expert for this pattern.');
      changed({ t: 'scope', id: scope.id });
      return row.id;
    });
    const [expert] = await this.list(eq(experts.id, id));
    return expert!;
  }

  async remove(id: string): Promise<void> {
    await this.feed.write(async (tx, changed) => {
      const [gone] = await tx.delete(experts).where(eq(experts.id, id)).returning({ scopeId: experts.scopeId });
      if (!gone) throw notFound('Expert');
      changed({ t: 'scope', id: gone.scopeId });
    });
  }
}
