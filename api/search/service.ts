// Search over what colleagues wrote: notes and tips, questions (title and body), answers and replies,
// with PostgreSQL full-text search on both databases (the generated columns of db/search-columns.ts). Visibility
// is applied in SQL through the access rule (an answer goes with its question, a reply with its note),
// so a hidden item is never matched, counted, ranked or excerpted.
import { sql, type SQL } from 'drizzle-orm';
import type { searchHit, searchQuery, SearchKind } from '@shared/contract';
import { screenOfPattern } from '@shared/page-key';
import { plainExcerpt } from '@shared/text/excerpt';
import type { z } from 'zod';
import type { Database } from '../db/database';
import { answers, noteReplies, notes, questions, scopes, sites, users, votes } from '../db/schema';
import { visibleTo, type Viewer } from '../kernel/access';
import { ApiError } from '../kernel/errors';
import type { ScopeService } from '../scopes/service';
import type { SiteService } from '../sites/service';
import { parseQuery } from './query';

type Query = z.output<typeof searchQuery>;
type Hit = z.infer<typeof searchHit>;

/** Marks around matched words in ts_headline's output (never typed: control characters are stripped from queries). */
const START = '\u0002';
const STOP = '\u0003';
const HEADLINE = `StartSel=${START}, StopSel=${STOP}, MaxWords=28, MinWords=10, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "`;

/** Where paging goes on: below the last hit's score (then id), with ages counted from the first page's time. */
interface Cursor {
  score: number;
  id: string;
  asOf: string;
}
const encode = (c: Cursor) => Buffer.from(JSON.stringify([c.score, c.id, c.asOf])).toString('base64url');
function decode(text: string): Cursor {
  try {
    const [score, id, asOf] = JSON.parse(Buffer.from(text, 'base64url').toString()) as unknown[];
    if (typeof score === 'number' && typeof id === 'string' && typeof asOf === 'string' && !Number.isNaN(Date.parse(asOf))) return { score, id, asOf };
  } catch {
    // fall through
  }
  throw new ApiError(400, 'bad_cursor', 'cursor: not a cursor this server gave; start from the first page.');
}

/** Splits ts_headline's marked text into plain parts, matched words flagged; markdown marks dropped. */
export function excerptParts(marked: string): Hit['excerpt'] {
  const parts: Hit['excerpt'] = [];
  for (const [i, chunk] of marked.split(new RegExp(`[${START}${STOP}]`)).entries()) {
    const text = chunk.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[*_`#>~]+/g, '').replace(/\s+/g, ' ');
    if (text) parts.push({ text, hit: i % 2 === 1 });
  }
  return parts;
}

export class SearchService {
  constructor(
    private readonly database: Database,
    private readonly sites: SiteService,
    private readonly scopes: ScopeService,
    /** A page's URL as its page key, by its site's rules (the context's: a bad URL or an unknown site is refused there). */
    private readonly locate: (url: string) => { pageKey: string },
    private readonly config: string,
  ) {}

  async search(viewer: Viewer, input: Query): Promise<{ hits: Hit[]; next: string | null }> {
    const cursor = input.cursor ? decode(input.cursor) : null;
    const asOf = cursor?.asOf ?? new Date().toISOString();
    const parsed = parseQuery(input.q, input.prefix);
    if (!parsed) return { hits: [], next: null };
    const cfg = sql`${this.config}::regconfig`;
    const tsquery = parsed.prefix
      ? sql`(websearch_to_tsquery(${cfg}, ${parsed.text}) && to_tsquery(${cfg}, ${`${parsed.prefix}:*`}))`
      : sql`websearch_to_tsquery(${cfg}, ${parsed.text})`;

    const kinds = new Set<SearchKind>(input.status ? ['question'] : (input.kind ?? ['note', 'tip', 'question', 'answer', 'reply']));
    const scopeIds = input.url === undefined ? null : this.scopes.match(this.locate(input.url).pageKey).map((s) => s.id);
    if (scopeIds?.length === 0) return { hits: [], next: null };

    // The filters every branch shares, on its item's scope, author and time.
    const common = (scopeId: SQL, authorId: SQL, createdAt: SQL) =>
      sql.join(
        [
          scopeIds && sql`${scopeId} in (${sql.join(scopeIds.map((s) => sql`${s}::uuid`), sql`, `)})`,
          input.site && sql`${scopeId} in (select ${scopes.id} from ${scopes} where ${scopes.siteId} = ${input.site})`,
          input.pattern !== undefined && sql`${scopeId} in (select ${scopes.id} from ${scopes} where ${scopes.pattern} = ${input.pattern})`,
          input.author && sql`${authorId} = ${input.author}`,
          input.since && sql`${createdAt} >= ${input.since}`,
          input.until && sql`${createdAt} < ${input.until}`,
        ].filter((c): c is SQL => !!c),
        sql` and `,
      );
    const where = (...conditions: SQL[]) => {
      const all = conditions.filter((c) => c.queryChunks.length > 0);
      return sql.join(all, sql` and `);
    };

    const branches: SQL[] = [];
    if (kinds.has('note') || kinds.has('tip')) {
      const anchorIs = kinds.has('note') && kinds.has('tip') ? sql`true` : kinds.has('tip') ? sql`${notes.anchor} is not null` : sql`${notes.anchor} is null`;
      branches.push(sql`
        select case when ${notes.anchor} is null then 'note' else 'tip' end as kind, ${notes.id} as id, ${notes.scopeId} as scope_id,
          ${notes.authorId} as author_id, ${notes.createdAt} as created_at, ${notes.body} as text, ${notes.search} as vector,
          null::uuid as parent_id, null::text as parent_text, null::boolean as answered, false as accepted,
          (select count(*) from ${votes} where ${votes.noteId} = ${notes.id}) as votes
        from ${notes}
        where ${where(sql`${notes.search} @@ (select query from q)`, anchorIs, visibleTo(viewer.id, notes), common(sql`${notes.scopeId}`, sql`${notes.authorId}`, sql`${notes.createdAt}`))}`);
    }
    if (kinds.has('question')) {
      const status = input.status === 'open' ? sql`${questions.acceptedAnswerId} is null` : input.status === 'answered' ? sql`${questions.acceptedAnswerId} is not null` : sql`true`;
      branches.push(sql`
        select 'question' as kind, ${questions.id} as id, ${questions.scopeId} as scope_id, ${questions.authorId} as author_id,
          ${questions.createdAt} as created_at, ${questions.title} || E'\n' || ${questions.body} as text, ${questions.search} as vector,
          ${questions.acceptedAnswerId} as parent_id, (select ${answers.body} from ${answers} where ${answers.id} = ${questions.acceptedAnswerId}) as parent_text,
          ${questions.acceptedAnswerId} is not null as answered,
          ${questions.acceptedAnswerId} is not null as accepted,
          (select count(*) from ${votes} where ${votes.questionId} = ${questions.id}) as votes
        from ${questions}
        where ${where(sql`${questions.search} @@ (select query from q)`, status, visibleTo(viewer.id, questions), common(sql`${questions.scopeId}`, sql`${questions.authorId}`, sql`${questions.createdAt}`))}`);
    }
    if (kinds.has('answer')) {
      // An answer is seen through its question: hidden with it.
      branches.push(sql`
        select 'answer' as kind, ${answers.id} as id, ${questions.scopeId} as scope_id, ${answers.authorId} as author_id,
          ${answers.createdAt} as created_at, ${answers.body} as text, ${answers.search} as vector,
          ${questions.id} as parent_id, ${questions.title} as parent_text, null::boolean as answered,
          ${questions.acceptedAnswerId} is not distinct from ${answers.id} as accepted,
          (select count(*) from ${votes} where ${votes.answerId} = ${answers.id}) as votes
        from ${answers} join ${questions} on ${questions.id} = ${answers.questionId}
        where ${where(sql`${answers.search} @@ (select query from q)`, visibleTo(viewer.id, questions), common(sql`${questions.scopeId}`, sql`${answers.authorId}`, sql`${answers.createdAt}`))}`);
    }
    if (kinds.has('reply')) {
      // A reply is seen through its note: hidden with it.
      branches.push(sql`
        select 'reply' as kind, ${noteReplies.id} as id, ${notes.scopeId} as scope_id, ${noteReplies.authorId} as author_id,
          ${noteReplies.createdAt} as created_at, ${noteReplies.body} as text, ${noteReplies.search} as vector,
          ${notes.id} as parent_id, ${notes.body} as parent_text, null::boolean as answered, false as accepted, 0::bigint as votes
        from ${noteReplies} join ${notes} on ${notes.id} = ${noteReplies.noteId}
        where ${where(sql`${noteReplies.search} @@ (select query from q)`, visibleTo(viewer.id, notes), common(sql`${notes.scopeId}`, sql`${noteReplies.authorId}`, sql`${noteReplies.createdAt}`))}`);
    }

    // Relevance (0-1, a title over a body), lifted by helpful votes and an accepted answer, lowered with
    // age (half after a year): what a colleague who asks would want first.
    const ageDays = sql`greatest(extract(epoch from (${asOf}::timestamptz - items.created_at)) / 86400, 0)`;
    const textRank = sql`ts_rank_cd(items.vector, (select query from q), 32)`;
    const score = sql`(${textRank} * (1 + ln(1 + items.votes) / 2) * (case when items.accepted then 1.5 else 1 end) / (1 + ${ageDays} / 365))::float8`;
    const after = cursor ? sql`where (ranked.score, ranked.id) < (${cursor.score}::float8, ${cursor.id}::uuid)` : sql``;
    const query = sql`
      with q as (select ${tsquery} as query),
      items as (${sql.join(branches, sql` union all `)}),
      ranked as (
        select items.*, ${textRank}::float8 as text_rank, ${score} as score, ${ageDays}::float8 as age_days from items
      )
      select ranked.kind, ranked.id, ranked.created_at, ranked.parent_id, ranked.parent_text, ranked.answered, ranked.accepted,
        ranked.votes::int as votes, ranked.text_rank, ranked.score, ranked.age_days, ranked.text as full_text,
        ts_headline(${cfg}, ranked.text, (select query from q), ${HEADLINE}) as headline,
        ${scopes.pattern} as pattern, ${sites.id} as site_id, ${sites.name} as site_name, ${users.id} as author_id, ${users.name} as author_name
      from ranked
        join ${scopes} on ${scopes.id} = ranked.scope_id
        join ${sites} on ${sites.id} = ${scopes.siteId}
        join ${users} on ${users.id} = ranked.author_id
      ${after}
      order by ranked.score desc, ranked.id desc
      limit ${input.limit + 1}`;
    // Both drivers answer a raw query with its rows in `rows`.
    const { rows } = (await this.database.db.execute(query)) as unknown as { rows: Row[] };
    const hits = rows.slice(0, input.limit).map((r) => this.hit(r));
    const last = rows.length > input.limit ? rows[input.limit - 1]! : null;
    return { hits, next: last ? encode({ score: Number(last.score), id: String(last.id), asOf }) : null };
  }

  private hit(r: Row): Hit {
    const kind = r.kind as SearchKind;
    const pattern = String(r.pattern);
    const text = String(r.full_text);
    const parentId = r.parent_id === null ? null : String(r.parent_id);
    // An answer's question title, a reply's note, a question's accepted answer.
    const parentTitle = r.parent_text === null ? '' : String(r.parent_text);
    return {
      kind,
      id: String(r.id),
      title: kind === 'question' ? text.split('\n')[0]! : plainExcerpt(text),
      excerpt: excerptParts(String(r.headline)),
      site: { id: String(r.site_id), name: String(r.site_name) },
      pattern,
      screen: screenOfPattern(pattern, this.sites.get(String(r.site_id))),
      question: kind === 'answer' && parentId ? { id: parentId, title: parentTitle } : null,
      note: kind === 'reply' && parentId ? { id: parentId, title: plainExcerpt(parentTitle) } : null,
      acceptedAnswer: kind === 'question' && parentId ? { id: parentId, text: plainExcerpt(parentTitle) } : null,
      status: kind === 'question' ? (r.answered ? 'answered' : 'open') : null,
      author: { id: String(r.author_id), name: String(r.author_name) },
      createdAt: new Date(r.created_at as string | Date).toISOString(),
      rank: { score: Number(r.score), text: Number(r.text_rank), votes: Number(r.votes), accepted: !!r.accepted, ageDays: Number(r.age_days) },
    };
  }
}

type Row = Record<string, unknown>;
