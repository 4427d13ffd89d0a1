// Note records → the contract's Note, for one viewer (their own vote).
import type { Note } from '@shared/contract';
import type { Viewer } from '../kernel/access';
import { votesFor } from '../kernel/voters';
import type { NoteRecord } from './records';

export const presentNote = (r: NoteRecord, viewer: Viewer): Note => ({
  id: r.id,
  scopeId: r.scopeId,
  pattern: r.pattern,
  body: r.body,
  visibility: r.visibility,
  teamId: r.teamId,
  anchor: r.anchor,
  verified: r.verified,
  possiblyOutdated: r.possiblyOutdated,
  author: { id: r.authorId, name: r.authorName },
  ...votesFor(r.voters, viewer),
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});
