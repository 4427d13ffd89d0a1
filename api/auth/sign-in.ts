// Checking a local account's password, with limits on guessing.
import { sql } from 'drizzle-orm';
import type { Database } from '../db/database';
import { users } from '../db/schema';
import { ApiError } from '../kernel/errors';
import type { RateLimit, RateLimiter } from '../kernel/rate-limiter';
import { decoyHash, verifyPassword } from '../people/passwords';
import type { UserRow } from '../people/service';

export interface SignInLimits {
  perAddress: RateLimit;
  perAccount: RateLimit;
}

export class SignInService {
  constructor(
    private readonly database: Database,
    private readonly limiter: RateLimiter,
    private readonly limits: SignInLimits,
  ) {}

  /** The account of this email and password, rate limited per client address and per account. */
  async signIn(email: string, password: string, address: string): Promise<UserRow> {
    await this.limiter.hit(`signin:addr:${address}`, this.limits.perAddress, 'sign-in attempts from this address');
    await this.limiter.hit(`signin:email:${email}`, this.limits.perAccount, 'sign-in attempts for this account');
    const [row] = await this.database.db.select().from(users).where(sql`lower(${users.email}) = ${email}`);
    // Compare against a decoy when the account is unknown, so timing does not reveal which emails exist.
    const valid = await verifyPassword(password, row?.passwordHash ?? (await decoyHash));
    if (!row || !valid) throw new ApiError(401, 'bad_credentials', 'That email and password do not match an account.');
    await this.limiter.reset(`signin:email:${email}`);
    return row;
  }
}
