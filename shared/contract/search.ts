import { z } from 'zod';
import { id, pageUrl, person, timestamp } from './common';
import { endpoints, errors, json } from './http';

export const searchKind = z.enum(['note', 'tip', 'question', 'answer', 'reply']).meta({ id: 'SearchKind' });
export type SearchKind = z.infer<typeof searchKind>;

/** The longest query: anything longer is refused, not cut (a pasted document is not a query). */
export const MAX_QUERY_CHARS = 300;

/** Control characters are not text anybody types (PostgreSQL refuses NUL): they separate words instead. */
const withoutControls = (text: string) => text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').trim();


export const searchQuery = z.object({
  q: z
    .string()
    .max(MAX_QUERY_CHARS, `must be at most ${MAX_QUERY_CHARS} characters`)
    .transform(withoutControls)
    .pipe(z.string().min(1, 'type something to search for'))
    .meta({
      description:
        'What to find, as people type it: words (all must match, stemmed), "a phrase", -excluded, this OR that. The last word also matches as a prefix while typing (prefix=true).',
      example: 'vat "second page" -invoice',
    }),
  prefix: z.enum(['true', 'false']).transform((v) => v === 'true').default(false),
  site: id.optional().meta({ description: 'Only this app (site).' }),
  url: pageUrl.optional().meta({ description: "Only what applies to this page: the scopes its page key (by its site's rules) matches." }),
  pattern: z.string().max(2000).optional().meta({ description: 'Only this scope (its URL pattern, exactly).' }),
  kind: z
    .string()
    .max(200)
    .transform((text) => text.split(',').map((part) => part.trim()).filter(Boolean))
    .pipe(z.array(searchKind).min(1))
    .optional().meta({ description: 'Only these kinds, comma-separated.', example: 'question,answer' }),
  author: id.optional(),
  status: z.enum(['open', 'answered']).optional().meta({ description: 'Only questions, open or answered.' }),
  since: timestamp.optional(),
  until: timestamp.optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

/** A part of an excerpt: the words that matched are `hit`. */
const excerptPart = z.object({ text: z.string(), hit: z.boolean() });

export const searchHit = z
  .object({
    kind: searchKind,
    id,
    title: z.string().meta({ description: "A question's title; a note's, answer's or reply's first line." }),
    excerpt: z.array(excerptPart).meta({ description: 'Where the words matched, plain text.' }),
    site: z.object({ id, name: z.string() }),
    pattern: z.string(),
    screen: z.string().nullable().meta({ description: "The app's screen the pattern is, if a template names it." }),
    question: z.object({ id, title: z.string() }).nullable().meta({ description: 'Answers: the question answered.' }),
    note: z.object({ id, title: z.string() }).nullable().meta({ description: 'Replies: the note or tip replied to.' }),
    acceptedAnswer: z.object({ id, text: z.string() }).nullable().meta({ description: 'Questions: the accepted answer, its first line.' }),
    status: z.enum(['open', 'answered']).nullable().meta({ description: 'Questions only.' }),
    author: person,
    createdAt: timestamp,
    rank: z
      .object({
        score: z.number(),
        text: z.number().meta({ description: 'Text relevance (0-1): matched words, their nearness, a title over a body.' }),
        votes: z.int(),
        accepted: z.boolean().meta({ description: "An accepted answer, or a question with one." }),
        ageDays: z.number(),
      })
      .meta({ description: 'Why it ranks where it does: relevance, lifted by votes and acceptance, lowered with age.' }),
  })
  .meta({ id: 'SearchHit' });

export const searchPage = z
  .object({ hits: z.array(searchHit), next: z.string().nullable() })
  .meta({ id: 'SearchPage', description: 'Best first, only what you may see.' });

export const searchEndpoints = endpoints({
  search: {
    method: 'get', path: '/search', access: 'signed-in', tags: ['Search'],
    summary: 'Find notes, tips, questions, answers and replies you may see.',
    request: { query: searchQuery },
    responses: { 200: json(searchPage, 'A page of hits.'), ...errors(400, 401) },
  },
});
