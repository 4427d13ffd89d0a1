// Notes about pages, and tips (notes with an anchor). Authors edit their own; moderators may delete.
import { eq } from 'drizzle-orm';
import type { CreateNoteRequest, Note, UpdateNoteRequest } from '@shared/contract';
import type { ScopeService } from '../scopes/service';
import type { Database } from '../db/database';
import { notes } from '../db/schema';
import { forbidden, notFound } from '../kernel/errors';
import { canSee, may, resolveSharing, type Viewer } from '../kernel/access';
import { contentEvent } from '../kernel/event-log';
import { changesNothing } from '../kernel/patch';
import { onceFor } from '../kernel/once';
import type { WritePath } from '../kernel/write-path';
import type { WatchService } from '../watches/service';
import { forgetReports, pinnedBy, unpinned } from './anchors';
import { presentNote } from './present';
import { loadNotes, type NoteRecord } from './records';

export class NoteService {
  constructor(
    private readonly database: Database,
    private readonly writes: WritePath,
    private readonly scopes: ScopeService,
    private readonly watches: WatchService,
  ) {}

  /** `key`: the client's Idempotency-Key, when it may send the same note again. */
  async create(viewer: Viewer, input: CreateNoteRequest, key?: string): Promise<Note> {
    const sharing = resolveSharing(viewer, input);
    const id = await this.writes.write(async (tx, changed, emit) => {
      const scope = await this.scopes.resolve(tx, changed, input.pattern);
      const [row] = await tx
        .insert(notes)
        .values({
          scopeId: scope.id,
          authorId: viewer.id,
          body: input.body,
          anchor: input.anchor ?? null,
          ...(input.anchor && pinnedBy(viewer)),
          ...sharing,
        })
        .returning({ id: notes.id });
      changed({ t: 'scope', id: scope.id });
      const item = { scopeId: scope.id, authorId: viewer.id, ...sharing };
      emit(contentEvent('note.created', item, { noteId: row!.id, pattern: scope.pattern }));
      await this.watches.notify(tx, emit, { ...item, pattern: scope.pattern, siteId: scope.siteId }, { noteId: row!.id });
      return row!.id;
    }, onceFor(viewer.id, key, 'createNote'));
    return this.get(viewer, id);
  }

  async get(viewer: Viewer, id: string): Promise<Note> {
    return presentNote(await this.visible(viewer, id), viewer);
  }

  async update(viewer: Viewer, id: string, patch: UpdateNoteRequest): Promise<Note> {
    const note = await this.visible(viewer, id);
    if (!may.edit(viewer, note)) throw forbidden('Only the author can edit a note.');
    if (changesNothing(patch)) return presentNote(note, viewer);
    const sharing =
      patch.visibility !== undefined || patch.teamId !== undefined
        ? resolveSharing(viewer, { visibility: patch.visibility ?? note.visibility, teamId: patch.teamId ?? note.teamId })
        : {};
    await this.writes.write(async (tx, changed, emit) => {
      await tx
        .update(notes)
        .set({
          ...(patch.body !== undefined && { body: patch.body }),
          ...(patch.anchor !== undefined && { anchor: patch.anchor, ...(patch.anchor ? pinnedBy(viewer) : unpinned) }),
          ...sharing,
          updatedAt: new Date(),
        })
        .where(eq(notes.id, id));
      if (patch.anchor !== undefined) await forgetReports(tx, id);
      changed({ t: 'scope', id: note.scopeId });
      // Visibility is the new one; everyone who could see the old note also gets note.deleted if they lost it.
      const now = { ...note, ...sharing };
      emit(contentEvent('note.updated', now, { noteId: id, pattern: note.pattern }));
      if (now.visibility !== note.visibility || now.teamId !== note.teamId) {
        emit(contentEvent('note.deleted', note, { noteId: id, pattern: note.pattern, reason: 'visibility' }));
      }
    });
    return this.get(viewer, id);
  }

  async remove(viewer: Viewer, id: string): Promise<void> {
    const note = await this.visible(viewer, id);
    if (!may.remove(viewer, note)) throw forbidden('Only the author or a moderator can delete a note.');
    await this.writes.write(async (tx, changed, emit) => {
      await tx.delete(notes).where(eq(notes.id, id));
      changed({ t: 'scope', id: note.scopeId });
      emit(contentEvent('note.deleted', note, { noteId: id, pattern: note.pattern }));
    });
  }

  /** The note if this viewer may see it; otherwise 404, so private content's existence does not leak. */
  async visible(viewer: Viewer, id: string): Promise<NoteRecord> {
    const [note] = await loadNotes(this.database.db, eq(notes.id, id));
    if (!note || !canSee(viewer, note)) throw notFound('Note');
    return note;
  }
}
