// Local accounts: creating them (the first account becomes admin), listing them, roles.
import { and, asc, count, eq, ne, sql } from 'drizzle-orm';
import type { Role, User } from '@shared/contract';
import { ADVISORY_LOCKS } from '../db/advisory-locks';
import type { Database, Tx } from '../db/database';
import { memberships, teams, users } from '../db/schema';
import { conflict, forbidden, notFound } from '../kernel/errors';
import type { WritePath } from '../kernel/write-path';
import { checkStrength, hashPassword } from './passwords';

type NewAccount = { email: string; name: string; password: string };

export type UserRow = typeof users.$inferSelect;

export const toUser = (row: UserRow): User => ({
  id: row.id,
  email: row.email,
  name: row.name,
  role: row.role,
  createdAt: row.createdAt.toISOString(),
});

export class AccountService {
  constructor(
    private readonly database: Database,
    private readonly writes: WritePath,
  ) {}

  async signUp(input: NewAccount, role?: Role): Promise<UserRow> {
    checkStrength(input.password, [input.email, input.name]);
    const passwordHash = await hashPassword(input.password);
    return this.underAccountLock(async (tx) => {
      const [existing] = await tx.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${input.email}`);
      if (existing) throw conflict('email_taken', 'An account with this email already exists.');
      const [{ n } = { n: 0 }] = await tx.select({ n: count() }).from(users);
      const [row] = await tx
        .insert(users)
        .values({ email: input.email, name: input.name, passwordHash, role: role ?? (Number(n) === 0 ? 'admin' : 'member') })
        .returning();
      return row!;
    });
  }

  /**
   * For unattended set-up: creates the admin, or makes an existing account admin with this password.
   * Instances starting together with the same settings all succeed, with one account.
   */
  async ensureAdmin(input: NewAccount): Promise<UserRow> {
    checkStrength(input.password, [input.email, input.name]);
    const passwordHash = await hashPassword(input.password);
    return this.underAccountLock(async (tx) => {
      const [existing] = await tx.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${input.email}`);
      const [row] = existing
        ? await tx.update(users).set({ role: 'admin', passwordHash }).where(eq(users.id, existing.id)).returning()
        : await tx.insert(users).values({ email: input.email, name: input.name, passwordHash, role: 'admin' }).returning();
      return row!;
    });
  }

  /** Account creation, one at a time across instances: two racing first accounts cannot both become admin. */
  private underAccountLock<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    return this.database.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${ADVISORY_LOCKS.firstAccount})`);
      return fn(tx);
    });
  }

  async get(id: string): Promise<UserRow> {
    const [row] = await this.database.db.select().from(users).where(eq(users.id, id));
    if (!row) throw notFound('User');
    return row;
  }

  async teamsOf(userId: string) {
    return this.database.db
      .select({ id: teams.id, name: teams.name })
      .from(memberships)
      .innerJoin(teams, eq(teams.id, memberships.teamId))
      .where(eq(memberships.userId, userId))
      .orderBy(asc(teams.name));
  }

  async count(): Promise<number> {
    const [{ n } = { n: 0 }] = await this.database.db.select({ n: count() }).from(users);
    return Number(n);
  }

  async list(): Promise<UserRow[]> {
    return this.database.db.select().from(users).orderBy(asc(users.name));
  }

  async setRole(actorId: string, userId: string, role: Role): Promise<UserRow> {
    return this.writes.write(async (tx, changed) => {
      const [target] = await tx.select().from(users).where(eq(users.id, userId)).for('update');
      if (!target) throw notFound('User');
      if (target.role === 'admin' && role !== 'admin') {
        const [{ n } = { n: 0 }] = await tx
          .select({ n: count() })
          .from(users)
          .where(and(eq(users.role, 'admin'), ne(users.id, userId)));
        if (Number(n) === 0) throw conflict('last_admin', 'This is the last admin: make someone else admin first.');
        if (actorId === userId) throw forbidden('Admins cannot demote themselves; ask another admin.');
      }
      const [row] = await tx.update(users).set({ role }).where(eq(users.id, userId)).returning();
      changed({ t: 'user', id: userId });
      return row!;
    });
  }
}
