// Invitation links: an admin makes one (the console's first run, or People), shares it, and colleagues who
// open it create an account whatever the sign-up policy, with the link's role, until it expires or is
// revoked. The token is shown once and kept hashed, like session tokens.
import { randomBytes } from 'node:crypto';
import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Role } from '@shared/contract';
import { hashToken } from '../kernel/tokens';
import type { Database, Tx } from '../db/database';
import { invitations } from '../db/schema';
import { ApiError, notFound } from '../kernel/errors';

const PREFIX = 'ali_';

type Row = typeof invitations.$inferSelect;

const toInvitation = (row: Row) => ({
  id: row.id,
  role: row.role,
  uses: row.uses,
  expiresAt: row.expiresAt.toISOString(),
  revoked: row.revokedAt !== null,
  createdAt: row.createdAt.toISOString(),
});

export class InvitationService {
  constructor(private readonly database: Database) {}

  async create(createdBy: string, input: { role: Role; days: number }) {
    const token = PREFIX + randomBytes(24).toString('base64url');
    const [row] = await this.database.db
      .insert(invitations)
      .values({ tokenHash: hashToken(token), createdBy, role: input.role, expiresAt: new Date(Date.now() + input.days * 86_400_000) })
      .returning();
    return { ...toInvitation(row!), token };
  }

  async list() {
    return (await this.database.db.select().from(invitations).orderBy(desc(invitations.createdAt))).map(toInvitation);
  }

  async revoke(id: string): Promise<void> {
    const [row] = await this.database.db.update(invitations).set({ revokedAt: new Date() }).where(eq(invitations.id, id)).returning({ id: invitations.id });
    if (!row) throw notFound('Invitation');
  }

  /** Uses an invitation inside the sign-up's transaction: its role, or 403 when it does not (or no longer) work. */
  async redeem(tx: Tx, token: string): Promise<Role> {
    const [row] = await tx
      .update(invitations)
      .set({ uses: sql`${invitations.uses} + 1` })
      .where(and(eq(invitations.tokenHash, hashToken(token)), isNull(invitations.revokedAt), gt(invitations.expiresAt, new Date())))
      .returning({ role: invitations.role });
    if (!row) throw new ApiError(403, 'invitation_invalid', 'This invitation link has expired or was revoked: ask for a new one.');
    return row.role;
  }
}
