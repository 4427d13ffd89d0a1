import { z } from 'zod';
import { anchor } from './anchors';
import { id, limits, markdownBody, person, sharing, timestamp, visibility } from './common';

export const pattern = z
  .string()
  .min(1)
  .max(limits.patternChars)
  .meta({
    example: 'https://crm.corp.example/accounts/:id/*',
    description: 'A URL pattern (URLPattern syntax, no custom regular-expression groups) within a registered site.',
  });

/** Score and the caller's own vote, shared by everything that can be voted on. */
const votes = { score: z.int(), votedByMe: z.boolean() };

export const note = z
  .object({
    id,
    scopeId: id,
    pattern: z.string(),
    body: z.string(),
    visibility,
    teamId: id.nullable(),
    anchor: anchor.nullable().meta({ description: 'Present when the note is a tip pinned to an element.' }),
    verified: z
      .object({ by: person, at: timestamp })
      .nullable()
      .meta({ description: 'Tips: who last pinned or confirmed it, and when.' }),
    possiblyOutdated: z.boolean().meta({
      description: "Tips: several people's browsers could not find its element. Re-pin or verify to clear.",
    }),
    author: person,
    ...votes,
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: 'Note' });
export type Note = z.infer<typeof note>;

export const createNoteRequest = sharing
  .extend({ pattern, body: markdownBody(limits.noteBodyChars), anchor: anchor.nullish() })
  .meta({ id: 'CreateNoteRequest' });
export type CreateNoteRequest = z.infer<typeof createNoteRequest>;

export const updateNoteRequest = z
  .object({
    body: markdownBody(limits.noteBodyChars).optional(),
    visibility: visibility.optional(),
    teamId: id.nullish(),
    anchor: anchor.nullish(),
  })
  .meta({ id: 'UpdateNoteRequest' });
export type UpdateNoteRequest = z.infer<typeof updateNoteRequest>;

export const anchorReport = z
  .object({
    found: z.boolean(),
    confidence: z.number().min(0).max(1).meta({ description: 'How sure the anchoring was; 0 when not found.' }),
  })
  .meta({ id: 'AnchorReport', description: "What this person's browser found when it anchored the tip." });

export const repinRequest = z.object({ anchor }).meta({ id: 'RepinRequest' });

export const questionStatus = z.enum(['open', 'answered']).meta({ id: 'QuestionStatus' });

export const questionSummary = z
  .object({
    id,
    scopeId: id,
    pattern: z.string(),
    title: z.string(),
    visibility,
    teamId: id.nullable(),
    status: questionStatus,
    answerCount: z.int(),
    author: person,
    ...votes,
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: 'QuestionSummary' });
export type QuestionSummary = z.infer<typeof questionSummary>;

export const answer = z
  .object({
    id,
    questionId: id,
    body: z.string(),
    author: person,
    accepted: z.boolean(),
    ...votes,
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: 'Answer' });
export type Answer = z.infer<typeof answer>;

export const questionRoute = z
  .object({ person, ring: z.int().meta({ description: '1: experts for the page; 2: other experts of the site; 3: site owners.' }), at: timestamp })
  .meta({ id: 'QuestionRoute' });

export const question = questionSummary
  .extend({
    body: z.string(),
    acceptedAnswerId: id.nullable(),
    answers: z.array(answer),
    routedTo: z
      .array(questionRoute)
      .meta({ description: '"Ask an expert": who the question was routed to, in which ring and when (empty otherwise).' }),
  })
  .meta({ id: 'Question' });
export type Question = z.infer<typeof question>;

export const createQuestionRequest = sharing
  .extend({
    pattern,
    title: z.string().trim().min(1).max(limits.questionTitleChars),
    body: z.string().trim().max(limits.questionBodyChars).default(''),
    askExperts: z
      .boolean()
      .optional()
      .meta({ description: 'Route the question to the experts for its pages; unanswered, it goes on to the next ring.' }),
  })
  .meta({ id: 'CreateQuestionRequest' });
export type CreateQuestionRequest = z.infer<typeof createQuestionRequest>;

export const updateQuestionRequest = z
  .object({
    title: z.string().trim().min(1).max(limits.questionTitleChars).optional(),
    body: z.string().trim().max(limits.questionBodyChars).optional(),
  })
  .meta({ id: 'UpdateQuestionRequest' });

export const createAnswerRequest = z
  .object({ body: markdownBody(limits.answerBodyChars) })
  .meta({ id: 'CreateAnswerRequest' });
export const updateAnswerRequest = createAnswerRequest.meta({ id: 'UpdateAnswerRequest' });

export const acceptAnswerRequest = z
  .object({ answerId: id.nullable().meta({ description: 'null withdraws the acceptance.' }) })
  .meta({ id: 'AcceptAnswerRequest' });

export const votable = z.enum(['notes', 'questions', 'answers']);
export const voteResult = z.object({ score: z.int(), votedByMe: z.boolean() }).meta({ id: 'VoteResult' });

export const noteReply = z
  .object({ id, noteId: id, body: z.string(), author: person, createdAt: timestamp })
  .meta({ id: 'NoteReply', description: "A reply in a note's (or tip's) discussion." });
export type NoteReply = z.infer<typeof noteReply>;

export const createReplyRequest = z.object({ body: markdownBody(limits.answerBodyChars) }).meta({ id: 'CreateReplyRequest' });

export const watch = z
  .object({ id, pattern: z.string(), createdAt: timestamp })
  .meta({ id: 'Watch', description: 'New notes and questions on pages this pattern matches reach your inbox.' });
export type Watch = z.infer<typeof watch>;

export const createWatchRequest = z.object({ pattern }).meta({ id: 'CreateWatchRequest' });
