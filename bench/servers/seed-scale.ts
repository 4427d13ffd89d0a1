// Fills a migrated database with an organisation at scale, in a few set-based statements: sites,
// 100k scopes of the shapes real content uses, and a realistic spread of notes, tips, questions,
// answers, votes and experts. Returns page URLs that hit content, for the load generator.
import { sql } from 'drizzle-orm';
import type { Db } from '../../api/db/database';
import { hashPassword } from '../../api/people/passwords';

export interface ScaleOptions {
  sites: number;
  scopes: number;
  users: number;
}

export const origin = (site: number) => `https://app${site}.corp.example`;

export async function seedAtScale(db: Db, { sites, scopes, users }: ScaleOptions): Promise<{ urls: string[] }> {
  const hash = await hashPassword('bench password 1');
  const perSite = Math.ceil(scopes / sites);
  await db.execute(sql`
    insert into users (email, name, password_hash, role)
    select 'user' || i || '@corp.example', 'User ' || i, ${hash}, case when i = 1 then 'admin'::role else 'member'::role end
    from generate_series(1, ${users}) i`);
  await db.execute(sql`insert into teams (name) select 'Team ' || i from generate_series(1, 10) i`);
  await db.execute(sql`
    insert into memberships (team_id, user_id)
    select t.id, u.id from users u join teams t on t.name = 'Team ' || (1 + abs(hashtext(u.email)) % 10)`);
  await db.execute(sql`
    insert into sites (origin, name, rules)
    select 'https://app' || i || '.corp.example', 'App ' || i,
      '{"keepQuery":["tab"],"hashRouting":false,"templates":[{"name":"Account","pattern":"/accounts/:id"}]}'::jsonb
    from generate_series(1, ${sites}) i`);
  // Scope shapes, per site: exact pages (60%), subtrees (20%), ticket pages (10%), a param in the middle (10%).
  await db.execute(sql`
    insert into scopes (site_id, pattern)
    select s.id, s.origin || case
        when i % 10 < 6 then '/accounts/' || i
        when i % 10 < 8 then '/accounts/' || i || '/*'
        when i % 10 < 9 then '/tickets/' || i
        else '/reports/' || i || '/:section'
      end
    from sites s, generate_series(1, ${perSite}) i`);
  // Site-wide scopes that match many pages.
  await db.execute(sql`
    insert into scopes (site_id, pattern)
    select id, origin || p from sites, unnest(array['/*', '/accounts/:id', '/accounts/:id/*']) p
    on conflict do nothing`);
  // Notes on every other scope (a tenth of them tips), questions on every fourth, answers and votes.
  await db.execute(sql`
    insert into notes (scope_id, author_id, body, anchor, visibility, team_id)
    select sc.id, u.id, 'How to handle **' || sc.pattern || '**: check the totals first.',
      case when n % 10 = 0 then '{"selector":[{"type":"CssSelector","value":"#save"}]}'::jsonb end,
      (case when n % 7 = 0 then 'private' else 'org' end)::visibility, null
    from (select id, pattern, row_number() over (order by id) n from scopes) sc
    join users u on u.email = 'user' || (1 + sc.n % ${users}) || '@corp.example'
    where sc.n % 2 = 0`);
  await db.execute(sql`
    insert into questions (scope_id, author_id, title, body)
    select sc.id, u.id, 'Why does ' || sc.pattern || ' show two totals?', 'Seen on Mondays.'
    from (select id, pattern, row_number() over (order by id) n from scopes) sc
    join users u on u.email = 'user' || (1 + (sc.n * 7) % ${users}) || '@corp.example'
    where sc.n % 4 = 0`);
  await db.execute(sql`
    insert into answers (question_id, author_id, body)
    select q.id, u.id, 'Because of the tax line.'
    from (select id, row_number() over (order by id) n from questions) q
    join users u on u.email = 'user' || (1 + (q.n * 3) % ${users}) || '@corp.example'
    where q.n % 2 = 0`);
  await db.execute(sql`
    insert into votes (user_id, note_id)
    select u.id, nt.id from (select id, row_number() over (order by id) n from notes) nt
    join users u on u.email = 'user' || (1 + (nt.n * 11) % ${users}) || '@corp.example'
    where nt.n % 3 = 0 on conflict do nothing`);
  await db.execute(sql`
    insert into experts (user_id, scope_id)
    select u.id, sc.id from scopes sc join sites s on s.id = sc.site_id
    join users u on u.email = 'user' || (1 + abs(hashtext(s.origin)) % ${users}) || '@corp.example'
    where sc.pattern = s.origin || '/accounts/:id/*'`);

  // Page URLs that the load cycles through: each hits a few scopes (its own, a subtree, site-wide ones).
  const urls: string[] = [];
  for (let k = 0; k < 2000; k++) {
    const site = 1 + (k % sites);
    const i = 1 + ((k * 7919) % perSite);
    urls.push(i % 10 < 6 ? `${origin(site)}/accounts/${i}?tab=open&utm=x` : `${origin(site)}/accounts/${i}/orders`);
  }
  return { urls };
}
