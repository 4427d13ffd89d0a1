import { eq, sql } from 'drizzle-orm';
import type { Database } from '../db/database';
import { rateLimits } from '../db/schema';
import { ApiError } from './errors';

export interface RateLimit {
  /** At most `max` hits per window of `windowSeconds`. */
  max: number;
  windowSeconds: number;
}

/**
 * Fixed-window counters kept in the database, so a limit holds across every API instance. Meant for
 * rare, sensitive actions (sign-in, sign-up), not for the hot path.
 */
export class RateLimiter {
  constructor(private readonly database: Database) {}

  /** Counts one hit against `key`; throws 429 `rate_limited` with Retry-After when over the limit. */
  async hit(key: string, limit: RateLimit, what: string): Promise<void> {
    const window = sql`make_interval(secs => ${limit.windowSeconds})`;
    const result = (await this.database.db.execute(sql`
      insert into rate_limits (key, window_start, count) values (${key}, now(), 1)
      on conflict (key) do update set
        count = case when rate_limits.window_start <= now() - ${window} then 1 else rate_limits.count + 1 end,
        window_start = case when rate_limits.window_start <= now() - ${window} then now() else rate_limits.window_start end
      returning count, greatest(1, ceil(extract(epoch from (window_start + ${window} - now()))))::int as retry_after`)) as unknown as {
      rows: Array<{ count: number; retry_after: number }>;
    };
    const row = result.rows[0];
    if (row && row.count > limit.max) {
      throw new ApiError(
        429,
        'rate_limited',
        `Too many ${what}. Try again in ${row.retry_after} seconds.`,
        undefined,
        { 'Retry-After': String(row.retry_after) },
      );
    }
  }

  async reset(key: string): Promise<void> {
    await this.database.db.delete(rateLimits).where(eq(rateLimits.key, key));
  }
}
