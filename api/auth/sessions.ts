import { randomBytes } from 'node:crypto';
import { and, eq, gt, inArray, lt } from 'drizzle-orm';
import { LRUCache } from 'lru-cache';
import type { Database } from '../db/database';
import { eventTickets, memberships, sessions, users } from '../db/schema';
import type { WritePath } from '../kernel/write-path';
import type { Viewer } from '../kernel/access';
import { hashToken } from '../kernel/tokens';

const TOKEN_PREFIX = 'als_';
const TICKET_PREFIX = 'alt_';
const TICKET_TTL_MS = 60_000;
// Authentication sits on every request; a cached viewer saves the queries each time. Revocation and role or
// team changes reach every instance through the change feed (a lost feed connection drops every cache), so
// a cached viewer stays valid until its session expires; the same object, which lets the context cache key
// rendered pages on it. lastUsedAt is written at most once a minute per session, off the request's path.
const TOUCH_EVERY_MS = 60_000;

type Cached = { viewer: Viewer; expiresAt: number; touchedAt: number };

/** Issues, checks and revokes the opaque bearer tokens of local sign-ins. */
export class SessionService {
  private readonly cache = new LRUCache<string, Cached>({ max: 50_000 });

  constructor(
    private readonly database: Database,
    private readonly writes: WritePath,
    private readonly ttlMs: number,
  ) {
    writes.subscribe((change) => {
      if (change.t === 'session-revoked') this.cache.delete(change.tokenHash);
      else if (change.t === 'user') this.forgetUser(change.id);
      else if (change.t === 'all') this.cache.clear();
    });
  }

  async create(userId: string): Promise<{ token: string; expiresAt: Date }> {
    const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.ttlMs);
    const db = this.database.db;
    await db.insert(sessions).values({ userId, tokenHash: hashToken(token), expiresAt });
    // Opportunistic clean-up, so expired rows do not pile up.
    await db.delete(sessions).where(and(eq(sessions.userId, userId), lt(sessions.expiresAt, new Date())));
    return { token, expiresAt };
  }

  /** The viewer for a bearer token, or null when it is unknown, revoked or expired. */
  async authenticate(token: string): Promise<Viewer | null> {
    if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return null;
    const tokenHash = hashToken(token);
    const hit = this.cache.get(tokenHash);
    const now = Date.now();
    if (hit && hit.expiresAt > now) {
      if (now - hit.touchedAt > TOUCH_EVERY_MS) {
        hit.touchedAt = now;
        void this.touch(tokenHash);
      }
      return hit.viewer;
    }

    const db = this.database.db;
    const [row] = await db
      .update(sessions)
      .set({ lastUsedAt: new Date() })
      .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, new Date())))
      .returning({ id: sessions.id, userId: sessions.userId, expiresAt: sessions.expiresAt });
    if (!row) {
      this.cache.delete(tokenHash);
      return null;
    }
    const viewer = await this.loadViewer(row.userId, row.id);
    if (!viewer) return null;
    this.cache.set(tokenHash, { viewer, expiresAt: row.expiresAt.getTime(), touchedAt: Date.now() });
    return viewer;
  }

  /** Records use of a cached session; one that is gone meanwhile (expired, deleted) leaves the cache. */
  private async touch(tokenHash: string): Promise<void> {
    try {
      const [row] = await this.database.db
        .update(sessions)
        .set({ lastUsedAt: new Date() })
        .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, new Date())))
        .returning({ id: sessions.id });
      if (!row) this.cache.delete(tokenHash);
    } catch (err) {
      console.error(`[sessions] could not record a session's use: ${(err as Error).message}`);
    }
  }

  private async loadViewer(userId: string, sessionId: string): Promise<Viewer | null> {
    const db = this.database.db;
    const [user] = await db.select().from(users).where(eq(users.id, userId));
    if (!user || user.disabledAt) return null;
    const teamRows = await db.select({ teamId: memberships.teamId }).from(memberships).where(eq(memberships.userId, user.id));
    return { id: user.id, email: user.email, name: user.name, role: user.role, teamIds: new Set(teamRows.map((r) => r.teamId)), sessionId };
  }

  /** The viewer of a live session by its id (fresh from the database), with its expiry; null when gone. */
  async viewerForSession(sessionId: string): Promise<{ viewer: Viewer; expiresAt: Date } | null> {
    const [row] = await this.database.db
      .select({ userId: sessions.userId, expiresAt: sessions.expiresAt })
      .from(sessions)
      .where(and(eq(sessions.id, sessionId), gt(sessions.expiresAt, new Date())));
    if (!row) return null;
    const viewer = await this.loadViewer(row.userId, sessionId);
    return viewer && { viewer, expiresAt: row.expiresAt };
  }

  /** Of these session ids, the ones still alive. */
  async alive(sessionIds: string[]): Promise<Set<string>> {
    if (sessionIds.length === 0) return new Set();
    const rows = await this.database.db
      .select({ id: sessions.id })
      .from(sessions)
      .where(and(inArray(sessions.id, sessionIds), gt(sessions.expiresAt, new Date())));
    return new Set(rows.map((r) => r.id));
  }

  /**
   * A single-use ticket that opens one event stream for this session: EventSource cannot send a header,
   * and the long-lived token must never travel in a URL. Stored hashed; redeeming deletes it.
   */
  async createTicket(sessionId: string): Promise<{ ticket: string; expiresAt: Date }> {
    const ticket = TICKET_PREFIX + randomBytes(24).toString('base64url');
    const expiresAt = new Date(Date.now() + TICKET_TTL_MS);
    const db = this.database.db;
    await db.delete(eventTickets).where(lt(eventTickets.expiresAt, new Date()));
    await db.insert(eventTickets).values({ ticketHash: hashToken(ticket), sessionId, expiresAt });
    return { ticket, expiresAt };
  }

  /** The session a ticket stands for, once: a second use, an expired or unknown ticket gives null. */
  async redeemTicket(ticket: string): Promise<{ viewer: Viewer; expiresAt: Date } | null> {
    if (!ticket.startsWith(TICKET_PREFIX) || ticket.length > 200) return null;
    const [row] = await this.database.db
      .delete(eventTickets)
      .where(eq(eventTickets.ticketHash, hashToken(ticket)))
      .returning({ sessionId: eventTickets.sessionId, expiresAt: eventTickets.expiresAt });
    if (!row || row.expiresAt.getTime() < Date.now()) return null;
    return this.viewerForSession(row.sessionId);
  }

  private forgetUser(userId: string): void {
    const stale = [...this.cache.entries()].filter(([, c]) => c.viewer.id === userId).map(([key]) => key);
    for (const key of stale) this.cache.delete(key);
  }

  async list(userId: string) {
    return this.database.db
      .select({ id: sessions.id, createdAt: sessions.createdAt, lastUsedAt: sessions.lastUsedAt, expiresAt: sessions.expiresAt })
      .from(sessions)
      .where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, new Date())))
      .orderBy(sessions.createdAt);
  }

  /** Revokes one of the user's sessions; false when there is no such session of theirs. */
  async revoke(userId: string, sessionId: string): Promise<boolean> {
    return this.writes.write(async (tx, changed) => {
      const [gone] = await tx
        .delete(sessions)
        .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId)))
        .returning({ tokenHash: sessions.tokenHash, id: sessions.id });
      if (gone) changed({ t: 'session-revoked', tokenHash: gone.tokenHash, sessionId: gone.id });
      return Boolean(gone);
    });
  }
}
