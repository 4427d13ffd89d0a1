// Checking a local account's password, with limits on guessing that cannot lock the owner out.
//
// A browser that signed in to an account before holds a device token for it (returned by every sign-in,
// sent back with the next). Its attempts are counted on their own, per device. Every other attempt counts
// against its client address (one source guessing many accounts) and against the account's untrusted
// attempts (many sources guessing one account). So a flood of wrong passwords from anywhere can hold back
// only new devices, never the browsers the owner already signs in from; the device's own bucket limits
// guessing by someone who stole one. Counts live in the database, so they hold across instances.
import { randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../db/database';
import { signInDevices, users } from '../db/schema';
import { ApiError } from '../kernel/errors';
import type { RateLimit, RateLimiter } from '../kernel/rate-limiter';
import { decoyHash, verifyPassword } from '../people/passwords';
import type { UserRow } from '../people/service';
import { hashToken } from '../kernel/tokens';

interface SignInLimits {
  /** Attempts from one client address, for any account. */
  perAddress: RateLimit;
  /** Attempts for one account from devices it does not know, and from each device it knows. */
  perAccount: RateLimit;
}

const DEVICE_PREFIX = 'ald_';

export class SignInService {
  constructor(
    private readonly database: Database,
    private readonly limiter: RateLimiter,
    private readonly limits: SignInLimits,
  ) {}

  /**
   * The account of this email and password, and the device token to keep for the next sign-in (the one
   * sent, if it is this account's, else a new one). 429 `rate_limited` past the limits; 401 otherwise.
   */
  async signIn(email: string, password: string, address: string, device?: string): Promise<{ user: UserRow; device: string }> {
    const [row] = await this.database.db.select().from(users).where(sql`lower(${users.email}) = ${email}`);
    const known = row && device ? await this.knownDevice(row.id, device) : false;
    if (known) {
      await this.limiter.hit(`signin:device:${hashToken(device!)}`, this.limits.perAccount, 'sign-in attempts from this device');
    } else {
      await this.limiter.hit(`signin:addr:${address}`, this.limits.perAddress, 'sign-in attempts from this address');
      await this.limiter.hit(`signin:email:${email}`, this.limits.perAccount, 'sign-in attempts for this account from new devices');
    }
    // Compare against a decoy when the account is unknown, so timing does not reveal which emails exist.
    const valid = await verifyPassword(password, row?.passwordHash ?? (await decoyHash));
    if (!row || !valid) throw new ApiError(401, 'bad_credentials', 'That email and password do not match an account.');
    if (row.disabledAt) throw new ApiError(403, 'account_disabled', 'This account is turned off. Ask an admin to turn it on again.');
    await this.limiter.reset(known ? `signin:device:${hashToken(device!)}` : `signin:email:${email}`);
    return { user: row, device: known ? device! : await this.newDevice(row.id) };
  }

  /** A new device token for the account (also for the first sign-in, at sign-up). */
  async newDevice(userId: string): Promise<string> {
    const token = DEVICE_PREFIX + randomBytes(24).toString('base64url');
    await this.database.db.insert(signInDevices).values({ tokenHash: hashToken(token), userId });
    return token;
  }

  private async knownDevice(userId: string, token: string): Promise<boolean> {
    if (!token.startsWith(DEVICE_PREFIX) || token.length > 200) return false;
    const [known] = await this.database.db
      .update(signInDevices)
      .set({ lastUsedAt: new Date() })
      .where(and(eq(signInDevices.tokenHash, hashToken(token)), eq(signInDevices.userId, userId)))
      .returning({ tokenHash: signInDevices.tokenHash });
    return Boolean(known);
  }
}
