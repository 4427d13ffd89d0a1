import { z } from 'zod';
import { limits } from './common';
import { expert } from './experts';
import { note, questionSummary } from './notes';

export const contextQuery = z.object({
  url: z.string().min(1).max(limits.urlChars).meta({
    example: 'https://crm.corp.example/accounts/42/orders',
    description: 'The page URL. It is normalized to the page key by the site rules before use.',
  }),
});

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
