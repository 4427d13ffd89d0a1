import { and, asc, eq, sql } from 'drizzle-orm';
import type { Site, SiteRules, SiteUsage } from '@shared/contract';
import { compileTemplate } from '@shared/page-key';
import { PatternError } from '@shared/urlpattern';
import type { Database } from '../db/database';
import { answers, experts, noteReplies, notes, questions, scopes, siteOwners, sites, users, watches } from '../db/schema';
import { ApiError, notFound } from '../kernel/errors';
import { changesNothing } from '../kernel/patch';
import type { WritePath } from '../kernel/write-path';

type SiteRow = typeof sites.$inferSelect;

const toSite = (row: SiteRow): Site => ({ id: row.id, origin: row.origin, name: row.name, rules: row.rules });

/** A refusal about the origin, naming the field so a form can show it there. */
const originError = (status: 400 | 409, code: string, message: string) => new ApiError(status, code, message, [{ path: 'origin', message }]);

/** `https://crm.corp.example/` → `https://crm.corp.example`; anything but a bare http(s) origin is refused. */
function normalizeOrigin(input: string): string {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    throw originError(400, 'bad_origin', `"${input}" is not a URL. Give the app's origin, like https://crm.corp.example.`);
  }
  if (!/^https?:$/.test(url.protocol)) {
    throw originError(400, 'bad_origin', `"${input}" is not a web address: Alongside runs on apps served over http or https.`);
  }
  const bare = (url.pathname === '/' || url.pathname === '') && !url.search && !url.hash && !url.username && !url.password;
  if (!bare) throw originError(400, 'bad_origin', `"${input}" is not a bare http(s) origin: give scheme://host[:port] only, like ${url.origin}.`);
  return url.origin;
}

function checkTemplates(rules: SiteRules, origin: string): void {
  rules.templates.forEach((template, i) => {
    try {
      compileTemplate(template.name, template.pattern, origin); // as screenName will read it
    } catch (err) {
      if (!(err instanceof PatternError)) throw err;
      throw new ApiError(400, 'invalid_pattern', `rules.templates.${i}.pattern: ${err.message}`, [
        { path: `rules.templates.${i}.pattern`, message: err.message },
      ]);
    }
  });
}

/** Registered sites. All of them are held in memory: every page lookup starts from its origin. */
export class SiteService {
  private byOrigin = new Map<string, Site>();
  private byId = new Map<string, Site>();

  constructor(
    private readonly database: Database,
    private readonly writes: WritePath,
  ) {
    writes.subscribe((change) => {
      if (change.t === 'sites' || change.t === 'site-removed' || change.t === 'all') void this.load();
    });
  }

  async load(): Promise<void> {
    const rows = await this.database.db.select().from(sites).orderBy(asc(sites.name));
    const all = rows.map(toSite);
    this.byOrigin = new Map(all.map((s) => [s.origin, s]));
    this.byId = new Map(all.map((s) => [s.id, s]));
  }

  list(): Site[] {
    return [...this.byId.values()];
  }

  forOrigin(origin: string): Site | undefined {
    return this.byOrigin.get(origin);
  }

  /** The site with this id, or undefined while this instance has not heard of it. */
  find(id: string): Site | undefined {
    return this.byId.get(id);
  }

  get(id: string): Site {
    const site = this.find(id);
    if (!site) throw notFound('Site');
    return site;
  }

  async create(input: { origin: string; name: string; rules: SiteRules }): Promise<Site> {
    const origin = normalizeOrigin(input.origin);
    checkTemplates(input.rules, origin);
    const row = await this.writes.write(async (tx, changed) => {
      const [created] = await tx.insert(sites).values({ ...input, origin }).onConflictDoNothing().returning();
      if (!created) throw originError(409, 'site_exists', `${origin} is already registered.`);
      changed({ t: 'sites' });
      return created;
    });
    await this.load();
    return toSite(row);
  }

  async update(id: string, input: { name?: string; rules?: SiteRules }): Promise<Site> {
    const site = this.get(id);
    if (changesNothing(input)) return site;
    if (input.rules) checkTemplates(input.rules, site.origin);
    const row = await this.writes.write(async (tx, changed) => {
      const [updated] = await tx.update(sites).set(input).where(eq(sites.id, id)).returning();
      if (!updated) throw notFound('Site');
      changed({ t: 'sites' });
      return updated;
    });
    await this.load();
    return toSite(row);
  }

  /** From the database, not the in-memory list, which another instance's new site may not have reached yet. */
  private async mustExist(siteId: string): Promise<void> {
    const [site] = await this.database.db.select({ id: sites.id }).from(sites).where(eq(sites.id, siteId));
    if (!site) throw notFound('Site');
  }

  /** The site's owners: the people of last resort for its routed questions. */
  async owners(siteId: string) {
    await this.mustExist(siteId);
    const rows = await this.database.db
      .select({ owner: siteOwners, name: users.name })
      .from(siteOwners)
      .innerJoin(users, eq(users.id, siteOwners.userId))
      .where(eq(siteOwners.siteId, siteId))
      .orderBy(asc(users.name));
    return rows.map(({ owner, name }) => ({ siteId, user: { id: owner.userId, name }, createdAt: owner.createdAt.toISOString() }));
  }

  async addOwner(siteId: string, userId: string) {
    const db = this.database.db;
    await this.mustExist(siteId);
    const [user] = await db.select({ id: users.id }).from(users).where(eq(users.id, userId));
    if (!user) throw notFound('User');
    await db.insert(siteOwners).values({ siteId, userId }).onConflictDoNothing();
    return this.owners(siteId);
  }

  async removeOwner(siteId: string, userId: string) {
    const gone = await this.database.db
      .delete(siteOwners)
      .where(and(eq(siteOwners.siteId, siteId), eq(siteOwners.userId, userId)))
      .returning({ userId: siteOwners.userId });
    if (gone.length === 0) throw notFound('Site owner');
    return this.owners(siteId);
  }

  /** What removing the site would delete, counted whoever can see it (no content, only numbers). */
  async usage(id: string): Promise<SiteUsage> {
    this.get(id);
    const { rows } = (await this.database.db.execute(sql`
      select
        (select count(*) from ${notes} n join ${scopes} s on s.id = n.scope_id where s.site_id = ${id} and n.anchor is null)::int as notes,
        (select count(*) from ${notes} n join ${scopes} s on s.id = n.scope_id where s.site_id = ${id} and n.anchor is not null)::int as tips,
        (select count(*) from ${questions} q join ${scopes} s on s.id = q.scope_id where s.site_id = ${id})::int as questions,
        (select count(*) from ${answers} a join ${questions} q on q.id = a.question_id join ${scopes} s on s.id = q.scope_id where s.site_id = ${id})::int as answers,
        (select count(*) from ${noteReplies} r join ${notes} n on n.id = r.note_id join ${scopes} s on s.id = n.scope_id where s.site_id = ${id})::int as replies,
        (select count(*) from ${experts} e join ${scopes} s on s.id = e.scope_id where s.site_id = ${id})::int as experts,
        (select count(*) from ${watches} w where w.site_id = ${id})::int as watches`)) as unknown as { rows: SiteUsage[] };
    return Object.fromEntries(Object.entries(rows[0]!).map(([k, v]) => [k, Number(v)])) as SiteUsage;
  }

  /** Removes the site and everything attached to its scopes. */
  async remove(id: string): Promise<void> {
    await this.writes.write(async (tx, changed) => {
      const gone = await tx.delete(sites).where(eq(sites.id, id)).returning({ id: sites.id });
      if (gone.length === 0) throw notFound('Site');
      changed({ t: 'site-removed', id });
    });
    await this.load();
  }
}
