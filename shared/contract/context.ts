import { z } from 'zod';
import { limits, pageUrl } from './common';
import { expert } from './experts';
import { endpoints, errors, json } from './http';
import { note } from './notes';
import { questionSummary } from './questions';

export const contextQuery = z.object({ url: pageUrl });

export const pageContext = z
  .object({
    pageKey: z.string().meta({ description: 'The URL normalized by its site rules.' }),
    site: z.object({ id: z.uuid(), name: z.string(), origin: z.string() }),
    screen: z.string().nullable().meta({ description: 'Name of the first site template that matches, if any.' }),
    scopes: z.array(z.object({ id: z.uuid(), pattern: z.string() })),
    notes: z.array(note).meta({ description: `Newest first, at most ${limits.contextItemsPerKind}. Tips have an anchor.` }),
    questions: z.array(questionSummary).meta({ description: `Newest first, at most ${limits.contextItemsPerKind}.` }),
    experts: z.array(expert).meta({ description: 'Most specific scope first.' }),
    counts: z.object({
      notes: z.int().meta({ description: 'Notes without an anchor.' }),
      tips: z.int(),
      questions: z.int(),
      openQuestions: z.int(),
    }),
  })
  .meta({ id: 'PageContext' });
export type PageContext = z.infer<typeof pageContext>;

export const contextEndpoints = endpoints({
  getContext: {
    method: 'get', path: '/context', access: 'signed-in', tags: ['Context'],
    summary: 'Everything for one page: scopes, notes and tips, questions, experts, badge counts.',
    description:
      'Answers with an ETag: send it back in If-None-Match and an unchanged page answers 304 with no body. ' +
      'Cache-Control lets a browser keep the body and revalidate it on every use.',
    request: { query: contextQuery },
    responses: {
      200: json(pageContext, 'The page as this user may see it.'),
      304: { description: 'Not modified since the ETag in If-None-Match.' },
      ...errors(400, 401, 404),
    },
  },
});
