// Outgoing webhooks. Admins register a URL for some event kinds; each matching org-visible event gets a
// delivery row in the event's own transaction (events.ts), so nothing committed is ever missed. A worker on
// any instance claims due rows (FOR UPDATE SKIP LOCKED, with a lease longer than the request timeout), POSTs
// them signed, and records the outcome: delivered, or retried with exponential backoff and jitter, or failed
// after the last attempt. X-Alongside-Delivery (the delivery id) stays the same across retries: a receiver
// that already acknowledged it can drop a repeat (possible only when an instance dies between the receiver's
// 2xx and the database update). Targets are checked against the SSRF policy on save and on every connection
// (targets.ts); a delivery the policy refuses fails at once, since retrying cannot change the answer.
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { and, asc, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Webhook } from '@shared/contract';
import type { Database } from '../db/database';
import { events, webhookDeliveries, webhooks } from '../db/schema';
import { conflict, notFound, unprocessable } from '../kernel/errors';
import { changesNothing } from '../kernel/patch';
import { RefusedTarget, UnresolvableTarget, WebhookTargets } from './targets';

type WebhookRow = typeof webhooks.$inferSelect;
/** What a delivery carries of an event (a recorded one, or the test's). */
type EventLike = Pick<typeof events.$inferSelect, 'kind' | 'createdAt' | 'scopeId' | 'data'> & { id: number };

interface WebhookOptions {
  webhookTimeoutMs: number;
  webhookMaxAttempts: number;
  webhookBackoffMs: number;
  /** WEBHOOK_ALLOWED_HOSTS: internal receivers (host names, addresses, CIDR ranges) exempt from the public-address rule. */
  webhookAllowedHosts: string[];
}

const toWebhook = (row: WebhookRow): Webhook => ({
  id: row.id,
  url: row.url,
  kinds: row.kinds as Webhook['kinds'],
  format: row.format,
  active: row.active,
  createdAt: row.createdAt.toISOString(),
});

export const sign = (secret: string, timestamp: string, body: string) =>
  `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;

const describe: Record<string, string> = {
  'note.created': 'New note',
  'note.updated': 'Note edited',
  'note.deleted': 'Note deleted',
  'note.replied': 'New reply to a note',
  'question.created': 'New question',
  'question.routed': 'Question routed to experts',
  'answer.created': 'New answer',
  'answer.accepted': 'Answer accepted',
  'vote.changed': 'Vote',
  'webhook.test': 'A test delivery from Alongside',
};

export class WebhookService {
  private readonly targets: WebhookTargets;

  constructor(
    private readonly database: Database,
    private readonly options: WebhookOptions,
  ) {
    this.targets = new WebhookTargets(options.webhookAllowedHosts);
  }

  async list(): Promise<Webhook[]> {
    return (await this.database.db.select().from(webhooks).orderBy(asc(webhooks.createdAt))).map(toWebhook);
  }

  async create(input: { url: string; kinds: string[]; format: 'json' | 'slack'; active: boolean }): Promise<Webhook & { secret: string }> {
    await this.checkTarget(input.url);
    const secret = `whsec_${randomBytes(24).toString('base64url')}`;
    const [row] = await this.database.db.insert(webhooks).values({ ...input, secret }).returning();
    return { ...toWebhook(row!), secret };
  }

  async update(id: string, patch: { url?: string; kinds?: string[]; format?: 'json' | 'slack'; active?: boolean }): Promise<Webhook> {
    if (patch.url !== undefined) await this.checkTarget(patch.url);
    const db = this.database.db;
    const [row] = changesNothing(patch)
      ? await db.select().from(webhooks).where(eq(webhooks.id, id))
      : await db.update(webhooks).set(patch).where(eq(webhooks.id, id)).returning();
    if (!row) throw notFound('Webhook');
    return toWebhook(row);
  }

  /** 422 webhook_url_forbidden (or webhook_url_unresolvable) with the reason, unless the URL may receive webhooks. */
  private async checkTarget(url: string): Promise<void> {
    try {
      await this.targets.check(url);
    } catch (err) {
      if (err instanceof RefusedTarget) throw unprocessable('webhook_url_forbidden', err.message);
      if (err instanceof UnresolvableTarget) throw unprocessable('webhook_url_unresolvable', err.message);
      throw err;
    }
  }

  async remove(id: string): Promise<void> {
    const gone = await this.database.db.delete(webhooks).where(eq(webhooks.id, id)).returning({ id: webhooks.id });
    if (gone.length === 0) throw notFound('Webhook');
  }

  async deliveries(webhookId: string, limit = 100) {
    const [hook] = await this.database.db.select({ id: webhooks.id }).from(webhooks).where(eq(webhooks.id, webhookId));
    if (!hook) throw notFound('Webhook');
    const rows = await this.database.db
      .select({ d: webhookDeliveries, kind: events.kind })
      .from(webhookDeliveries)
      .leftJoin(events, eq(events.id, webhookDeliveries.eventId))
      .where(eq(webhookDeliveries.webhookId, webhookId))
      .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.eventId))
      .limit(limit);
    return rows.map(({ d, kind }) => ({
      id: d.id,
      eventId: String(d.eventId),
      kind: kind ?? 'unknown',
      status: d.status,
      attempts: d.attempts,
      nextAttemptAt: d.nextAttemptAt.toISOString(),
      lastStatus: d.lastStatus,
      lastError: d.lastError,
      deliveredAt: d.deliveredAt?.toISOString() ?? null,
      createdAt: d.createdAt.toISOString(),
    }));
  }

  /** Claims due deliveries (a lease, so a crashed worker's rows come back), sends them; returns how many. */
  async deliverDue(limit = 20): Promise<number> {
    const leaseMs = this.options.webhookTimeoutMs * 2 + 5_000;
    const claimed = await this.database.db.transaction(async (tx) => {
      const due = await tx
        .select({ id: webhookDeliveries.id })
        .from(webhookDeliveries)
        .where(and(eq(webhookDeliveries.status, 'pending'), lte(webhookDeliveries.nextAttemptAt, new Date())))
        .orderBy(asc(webhookDeliveries.nextAttemptAt), asc(webhookDeliveries.eventId))
        .limit(limit)
        .for('update', { skipLocked: true });
      if (due.length === 0) return [];
      return tx
        .update(webhookDeliveries)
        .set({ attempts: sql`${webhookDeliveries.attempts} + 1`, nextAttemptAt: new Date(Date.now() + leaseMs) })
        .where(inArray(webhookDeliveries.id, due.map((d) => d.id)))
        .returning();
    });
    if (claimed.length === 0) return 0;
    const db = this.database.db;
    const hooks = new Map((await db.select().from(webhooks).where(inArray(webhooks.id, [...new Set(claimed.map((c) => c.webhookId))]))).map((h) => [h.id, h]));
    const eventRows = new Map(
      (await db.select().from(events).where(inArray(events.id, claimed.map((c) => c.eventId)))).map((e) => [Number(e.id), e]),
    );
    // In event order per webhook, so a receiver sees them in order when nothing fails.
    claimed.sort((a, b) => a.eventId - b.eventId);
    await Promise.all(
      [...new Set(claimed.map((c) => c.webhookId))].map(async (hookId) => {
        for (const delivery of claimed.filter((c) => c.webhookId === hookId)) {
          await this.attempt(delivery, hooks.get(hookId), eventRows.get(Number(delivery.eventId)));
        }
      }),
    );
    return claimed.length;
  }

  private async attempt(
    delivery: typeof webhookDeliveries.$inferSelect,
    hook: WebhookRow | undefined,
    event: typeof events.$inferSelect | undefined,
  ): Promise<void> {
    const db = this.database.db;
    const finish = (set: Partial<typeof webhookDeliveries.$inferInsert>) =>
      db.update(webhookDeliveries).set(set).where(and(eq(webhookDeliveries.id, delivery.id), eq(webhookDeliveries.status, 'pending')));
    if (!hook || !event) return void (await finish({ status: 'failed', lastError: 'the webhook or the event no longer exists' }));
    const { status, error, refused } = await this.send(hook, delivery.id, event);
    if (refused) return void (await finish({ status: 'failed', lastError: `not sent: ${error}` }));
    if (error === null) return void (await finish({ status: 'delivered', lastStatus: status, lastError: null, deliveredAt: new Date() }));
    if (delivery.attempts >= this.options.webhookMaxAttempts) {
      await finish({ status: 'failed', lastStatus: status, lastError: error });
    } else {
      const backoff = this.options.webhookBackoffMs * 2 ** (delivery.attempts - 1) * (0.5 + Math.random());
      await finish({ lastStatus: status, lastError: error, nextAttemptAt: new Date(Date.now() + backoff) });
    }
  }

  /** POSTs one event, signed; what the receiver answered, or why it could not be reached (`refused`: by policy). */
  private async send(hook: WebhookRow, deliveryId: string, event: EventLike): Promise<{ status: number | null; error: string | null; refused: boolean }> {
    const body = JSON.stringify(this.payload(hook, deliveryId, event));
    const timestamp = String(Math.floor(Date.now() / 1000));
    const headers = {
      'content-type': 'application/json',
      'user-agent': 'Alongside-Webhooks/1',
      'x-alongside-delivery': deliveryId,
      'x-alongside-event': event.kind,
      'x-alongside-timestamp': timestamp,
      'x-alongside-signature': sign(hook.secret, timestamp, body),
    };
    try {
      const status = await this.targets.post(hook.url, headers, body, this.options.webhookTimeoutMs);
      return { status, error: status >= 200 && status < 300 ? null : `HTTP ${status}`, refused: false };
    } catch (err) {
      if (err instanceof RefusedTarget) return { status: null, error: err.message, refused: true };
      const error = (err as Error).name === 'TimeoutError' ? `timed out after ${this.options.webhookTimeoutMs} ms` : (err as Error).message;
      return { status: null, error, refused: false };
    }
  }

  /** A signed test delivery, sent now and not logged: what the console's "Send a test" shows. */
  async test(id: string) {
    const [hook] = await this.database.db.select().from(webhooks).where(eq(webhooks.id, id));
    if (!hook) throw notFound('Webhook');
    const started = performance.now();
    const event = { id: 0, kind: 'webhook.test', createdAt: new Date(), scopeId: null, data: { message: 'A test delivery from Alongside.' } };
    const { status, error } = await this.send(hook, randomUUID(), event);
    return { status, error, durationMs: Math.round(performance.now() - started) };
  }

  /** A failed delivery goes out again with a fresh set of attempts; 409 unless it failed. */
  async retry(webhookId: string, deliveryId: string) {
    const [row] = await this.database.db
      .update(webhookDeliveries)
      .set({ status: 'pending', attempts: 0, nextAttemptAt: new Date(), lastError: null })
      .where(and(eq(webhookDeliveries.id, deliveryId), eq(webhookDeliveries.webhookId, webhookId), eq(webhookDeliveries.status, 'failed')))
      .returning({ id: webhookDeliveries.id });
    if (!row) {
      const exists = (await this.deliveries(webhookId)).some((d) => d.id === deliveryId);
      if (!exists) throw notFound('Delivery');
      throw conflict('not_failed', 'Only a failed delivery can be sent again; this one is pending or delivered.');
    }
    return (await this.deliveries(webhookId)).find((d) => d.id === deliveryId)!;
  }

  private payload(hook: WebhookRow, deliveryId: string, event: EventLike) {
    const data = event.data as Record<string, unknown>;
    const page = typeof data.pattern === 'string' ? data.pattern : null;
    if (hook.format === 'json') {
      return { delivery: deliveryId, event: { id: String(event.id), kind: event.kind, at: event.createdAt.toISOString(), scopeId: event.scopeId, page, data } };
    }
    const what = describe[event.kind] ?? event.kind;
    const text = page ? `${what} on <${page}|${page}>` : what;
    return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
  }
}
