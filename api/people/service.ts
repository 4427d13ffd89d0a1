// Local accounts: creating them (the first account becomes admin), listing them, roles.
import { and, asc, count, eq, gt, ilike, isNull, ne, or, sql } from 'drizzle-orm';
import type { Role, User } from '@shared/contract';
import { ADVISORY_LOCKS } from '../db/advisory-locks';
import type { Database, Tx } from '../db/database';
import { memberships, sessions, teams, users } from '../db/schema';
import { ApiError, conflict, forbidden, notFound } from '../kernel/errors';
import { changesNothing } from '../kernel/patch';
import type { WritePath } from '../kernel/write-path';
import type { InvitationService } from './invitations';
import { checkStrength, hashPassword } from './passwords';

type NewAccount = { email: string; name: string; password: string };

export type UserRow = typeof users.$inferSelect;

export const toUser = (row: UserRow): User => ({
  id: row.id,
  email: row.email,
  name: row.name,
  role: row.role,
  disabled: row.disabledAt !== null,
  createdAt: row.createdAt.toISOString(),
});

/** A page of accounts by name: the cursor is the last one's name and id. */
const cursorOf = (row: UserRow) => Buffer.from(JSON.stringify([row.name, row.id])).toString('base64url');
function fromCursor(cursor: string): [string, string] {
  try {
    const [name, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as unknown[];
    if (typeof name === 'string' && typeof id === 'string' && /^[0-9a-f-]{36}$/.test(id)) return [name, id];
  } catch {
    // fall through
  }
  throw new ApiError(400, 'bad_cursor', 'cursor: not a cursor this server gave; start from the first page.');
}

/** `%` and `_` typed in a search are letters, not wildcards. */
const likeEscaped = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

export class AccountService {
  constructor(
    private readonly database: Database,
    private readonly writes: WritePath,
    private readonly invitations: InvitationService,
  ) {}

  /**
   * Creates a local account: the first one on the server is an admin; with an invitation, the invitation's
   * role (it is used in the same transaction, so a refused account does not count as a use).
   */
  async signUp(input: NewAccount, given: { role?: Role; invitation?: string } = {}): Promise<UserRow> {
    checkStrength(input.password, [input.email, input.name]);
    const passwordHash = await hashPassword(input.password);
    return this.underAccountLock(async (tx) => {
      const [existing] = await tx.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${input.email}`);
      if (existing) throw conflict('email_taken', 'An account with this email already exists.');
      const [{ n } = { n: 0 }] = await tx.select({ n: count() }).from(users);
      const invited = given.invitation ? await this.invitations.redeem(tx, given.invitation) : undefined;
      const role = Number(n) === 0 ? 'admin' : (given.role ?? invited ?? 'member');
      const [row] = await tx.insert(users).values({ email: input.email, name: input.name, passwordHash, role }).returning();
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
        ? await tx.update(users).set({ role: 'admin', passwordHash, disabledAt: null }).where(eq(users.id, existing.id)).returning()
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

  /** Accounts by name, `limit` at a time after `cursor`, those whose name or email holds `q`. */
  async page(query: { q?: string; cursor?: string; limit: number }): Promise<{ items: UserRow[]; next: string | null }> {
    const after = query.cursor ? fromCursor(query.cursor) : null;
    const pattern = query.q ? `%${likeEscaped(query.q)}%` : null;
    const rows = await this.database.db
      .select()
      .from(users)
      .where(
        and(
          pattern ? or(ilike(users.name, pattern), ilike(users.email, pattern)) : undefined,
          after ? or(gt(users.name, after[0]), and(eq(users.name, after[0]), gt(users.id, after[1]))) : undefined,
        ),
      )
      .orderBy(asc(users.name), asc(users.id))
      .limit(query.limit + 1);
    const items = rows.slice(0, query.limit);
    return { items, next: rows.length > query.limit ? cursorOf(items[items.length - 1]!) : null };
  }

  /**
   * An admin changes someone's role, or turns their account off (its sessions end at once, on every
   * instance, and its streams close) or on. The last active admin can be neither demoted nor turned off.
   */
  async update(actorId: string, userId: string, patch: { role?: Role; disabled?: boolean }): Promise<UserRow> {
    return this.writes.write(async (tx, changed) => {
      const [target] = await tx.select().from(users).where(eq(users.id, userId)).for('update');
      if (!target) throw notFound('User');
      if (changesNothing(patch)) return target;
      const losesAdmin = target.role === 'admin' && target.disabledAt === null && ((patch.role && patch.role !== 'admin') || patch.disabled === true);
      if (losesAdmin) {
        const [{ n } = { n: 0 }] = await tx
          .select({ n: count() })
          .from(users)
          .where(and(eq(users.role, 'admin'), isNull(users.disabledAt), ne(users.id, userId)));
        if (Number(n) === 0) throw conflict('last_admin', 'This is the last admin: make someone else admin first.');
        if (actorId === userId) throw forbidden('Admins cannot demote or turn off themselves; ask another admin.');
      }
      const disabledAt = patch.disabled === undefined ? undefined : patch.disabled ? (target.disabledAt ?? new Date()) : null;
      const [row] = await tx.update(users).set({ role: patch.role, disabledAt }).where(eq(users.id, userId)).returning();
      if (patch.disabled) await tx.delete(sessions).where(eq(sessions.userId, userId));
      changed({ t: 'user', id: userId });
      return row!;
    });
  }
}
