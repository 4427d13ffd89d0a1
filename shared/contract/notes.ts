import { z } from 'zod';
import { anchor } from './anchors';
import { id, idParam, limits, markdownBody, ok, pattern, person, retryable, sharing, timestamp, visibility, votes } from './common';
import { body, endpoints, errors, json } from './http';

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

export const anchorReportResult = z.object({ possiblyOutdated: z.boolean() }).meta({ id: 'AnchorReportResult' });

export const repinRequest = z.object({ anchor }).meta({ id: 'RepinRequest' });

export const noteEndpoints = endpoints({
  createNote: {
    method: 'post', path: '/notes', access: 'signed-in', tags: ['Notes'],
    summary: 'Add a note (or, with an anchor, a tip) to the pages a pattern matches.',
    request: { headers: retryable, ...body(createNoteRequest) },
    responses: { 201: json(note, 'Created.'), ...errors(400, 401, 403, 413, 422) },
  },
  getNote: {
    method: 'get', path: '/notes/{id}', access: 'signed-in', tags: ['Notes'],
    summary: 'One note.',
    request: { params: idParam },
    responses: { 200: json(note, 'The note.'), ...errors(400, 401, 404) },
  },
  updateNote: {
    method: 'patch', path: '/notes/{id}', access: 'signed-in', tags: ['Notes'],
    summary: 'Edit your note.',
    request: { params: idParam, ...body(updateNoteRequest) },
    responses: { 200: json(note, 'Updated.'), ...errors(400, 401, 403, 404, 413) },
  },
  deleteNote: {
    method: 'delete', path: '/notes/{id}', access: 'signed-in', tags: ['Notes'],
    summary: 'Delete your note (moderators: any note).',
    request: { params: idParam },
    responses: { 200: json(ok, 'Deleted.'), ...errors(400, 401, 403, 404) },
  },
  reportAnchoring: {
    method: 'post', path: '/notes/{id}/anchor-reports', access: 'signed-in', tags: ['Tips'],
    summary: "Report whether this person's browser could find the tip's element; enough failures flag it outdated.",
    request: { params: idParam, ...body(anchorReport) },
    responses: { 200: json(anchorReportResult, 'Recorded.'), ...errors(400, 401, 404, 422) },
  },
  repinTip: {
    method: 'put', path: '/notes/{id}/anchor', access: 'signed-in', tags: ['Tips'],
    summary: 'Pin a tip again (anyone who can see it); clears "possibly outdated".',
    request: { params: idParam, ...body(repinRequest) },
    responses: { 200: json(note, 'The tip.'), ...errors(400, 401, 404, 422) },
  },
  verifyTip: {
    method: 'post', path: '/notes/{id}/verify', access: 'signed-in', tags: ['Tips'],
    summary: 'Confirm a tip still points at the right element (author, moderators, experts for its pages).',
    request: { params: idParam },
    responses: { 200: json(note, 'The tip.'), ...errors(400, 401, 403, 404, 422) },
  },
});
