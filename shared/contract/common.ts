import { z } from 'zod';

/** Every error the API returns has this body: a stable machine `code` and a human `message`. */
export const apiError = z
  .object({
    code: z.string().meta({ example: 'validation_failed' }),
    message: z.string().meta({ example: 'body.title: Too small: expected string to have >=1 characters' }),
    issues: z
      .array(z.object({ path: z.string(), message: z.string() }))
      .optional()
      .meta({ description: 'Per-field problems, for validation errors.' }),
  })
  .meta({ id: 'Error' });
export type ApiError = z.infer<typeof apiError>;

export const id = z.uuid();
export const idParam = z.object({ id: z.uuid() });
export const timestamp = z.iso.datetime({ offset: true }).meta({ example: '2026-11-23T10:00:00.000Z' });

export const visibility = z.enum(['private', 'team', 'org']).meta({
  id: 'Visibility',
  description: 'private: the author only; team: members of teamId; org: everyone signed in.',
});
export type Visibility = z.infer<typeof visibility>;

export const role = z.enum(['member', 'moderator', 'admin']).meta({ id: 'Role' });
export type Role = z.infer<typeof role>;

/** A person as shown next to content: never an email or a role. */
export const person = z.object({ id, name: z.string() }).meta({ id: 'Person' });
export type Person = z.infer<typeof person>;

/** Limits, stated once so the API, the extension and the docs agree. */
export const limits = {
  bodyBytes: 64 * 1024,
  noteBodyChars: 20_000,
  questionTitleChars: 300,
  questionBodyChars: 20_000,
  answerBodyChars: 20_000,
  patternChars: 2_000,
  urlChars: 8_000,
  contextItemsPerKind: 200,
} as const;

export const markdownBody = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .meta({ description: `Markdown, at most ${max} characters. Rendered sanitized by clients.` });

/** Visibility plus the team it is shared with; teamId is required exactly when visibility is 'team'. */
export const sharing = z.object({ visibility: visibility.default('org'), teamId: id.nullish() });

export const ok = z.object({ ok: z.literal(true) }).meta({ id: 'Ok' });

/** A page's URL, as the clients send it: normalized to its page key by the site's rules before use. */
export const pageUrl = z.string().min(1).max(limits.urlChars).meta({
  example: 'https://crm.corp.example/accounts/42/orders',
  description: 'The page URL. It is normalized to the page key by the site rules before use.',
});

/** A URL pattern content, experts and watches are attached to. */
export const pattern = z
  .string()
  .min(1)
  .max(limits.patternChars)
  .meta({
    example: 'https://crm.corp.example/accounts/:id/*',
    description: 'A URL pattern (URLPattern syntax, no custom regular-expression groups) within a registered site.',
  });

/** The header of a write a client may send again (its outbox): the same key again gets the first result. */
export const retryable = z.object({
  'idempotency-key': z
    .string()
    .regex(/^[A-Za-z0-9_-]{16,100}$/, 'must be 16 to 100 letters, digits, "-" or "_"')
    .optional()
    .meta({
      description:
        'A key of your choosing for this write (a random UUID). Sent again with the same write, it answers with the ' +
        "first write's result and writes nothing again; kept a day. Reused for another write: 422 idempotency_key_reused.",
    }),
});

/** Score and the caller's own vote, shared by everything that can be voted on. */
export const votes = { score: z.int(), votedByMe: z.boolean() };
