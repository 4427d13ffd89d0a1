import { z } from 'zod';
import { id, idParam, timestamp, visibility } from './common';
import { endpoints, errors, json } from './http';

/** A scope of a site as people browse it: its pattern, the screen it is, what is there for you. */
export const browseScope = z
  .object({
    id,
    pattern: z.string(),
    screen: z.string().nullable().meta({ description: "The site's screen this pattern is, if a template names it." }),
    notes: z.int(),
    tips: z.int(),
    questions: z.int(),
  })
  .meta({ id: 'BrowseScope' });

/** A note, tip, question or (among one's own) answer in a list, with where it lives. */
export const browseItem = z
  .object({
    kind: z.enum(['note', 'tip', 'question', 'answer']),
    id,
    pattern: z.string(),
    site: z.object({ id, name: z.string() }),
    title: z.string().meta({ description: "A question's title, a note's or an answer's first line." }),
    visibility: visibility.meta({ description: "An answer's is its question's." }),
    author: z.object({ id, name: z.string() }),
    status: z.enum(['open', 'answered']).nullable().meta({ description: 'Questions only.' }),
    question: z.object({ id, title: z.string() }).nullable().optional().meta({ description: 'Answers only: the question answered.' }),
    createdAt: timestamp,
  })
  .meta({ id: 'BrowseItem' });

export const browsePage = z
  .object({ items: z.array(browseItem), next: z.string().nullable() })
  .meta({ id: 'BrowsePage', description: 'Newest first, what you may see.' });

const pageQuery = z.object({ cursor: z.string().max(500).optional(), limit: z.coerce.number().int().min(1).max(100).default(30) });

export const browseEndpoints = endpoints({
  browseSite: {
    method: 'get', path: '/browse/sites/{id}', access: 'signed-in', tags: ['Browse'],
    summary: "A site's scopes (its screens and patterns) with what each holds for you.",
    request: { params: idParam },
    responses: { 200: json(z.array(browseScope), 'Scopes by pattern.'), ...errors(400, 401, 404) },
  },
  browseScope: {
    method: 'get', path: '/browse/scopes/{id}', access: 'signed-in', tags: ['Browse'],
    summary: 'The notes, tips and questions on one scope that you may see, newest first.',
    request: { params: idParam, query: pageQuery },
    responses: { 200: json(browsePage, 'A page of items.'), ...errors(400, 401, 404) },
  },
  browseMine: {
    method: 'get', path: '/browse/mine', access: 'signed-in', tags: ['Browse'],
    summary: 'Your own notes, tips, questions and answers, newest first.',
    request: { query: pageQuery },
    responses: { 200: json(browsePage, 'A page of items.'), ...errors(400, 401) },
  },
});
