// A note's (or tip's) discussion: replies, visible to whoever can see the note. The note's author hears
// of each reply (not their own) in their inbox.
import { asc, eq } from 'drizzle-orm';
import type { NoteReply } from '@shared/contract';
import type { Database } from '../db/database';
import { noteReplies, users } from '../db/schema';
import { onceFor } from '../kernel/once';
import type { WritePath } from '../kernel/write-path';
import { contentEvent } from '../kernel/event-log';
import type { InboxService } from '../inbox/service';
import type { NoteService } from '../notes/service';
import type { Viewer } from '../kernel/access';

export class ReplyService {
  constructor(
    private readonly database: Database,
    private readonly writes: WritePath,
    private readonly notes: NoteService,
    private readonly inbox: InboxService,
  ) {}

  async list(viewer: Viewer, noteId: string): Promise<NoteReply[]> {
    await this.notes.visible(viewer, noteId);
    const rows = await this.database.db
      .select({ reply: noteReplies, name: users.name })
      .from(noteReplies)
      .innerJoin(users, eq(users.id, noteReplies.authorId))
      .where(eq(noteReplies.noteId, noteId))
      .orderBy(asc(noteReplies.createdAt), asc(noteReplies.id));
    return rows.map(({ reply, name }) => ({
      id: reply.id,
      noteId: reply.noteId,
      body: reply.body,
      author: { id: reply.authorId, name },
      createdAt: reply.createdAt.toISOString(),
    }));
  }

  /** `key`: the client's Idempotency-Key, when it may send the same reply again (its outbox). */
  async add(viewer: Viewer, noteId: string, body: string, key?: string): Promise<NoteReply> {
    const note = await this.notes.visible(viewer, noteId);
    const reply = await this.writes.write(
      async (tx, changed, emit) => {
        const [row] = await tx.insert(noteReplies).values({ noteId, authorId: viewer.id, body }).returning();
        changed({ t: 'scope', id: note.scopeId });
        emit(contentEvent('note.replied', note, { noteId, replyId: row!.id, pattern: note.pattern }));
        if (note.authorId !== viewer.id) await this.inbox.deliver(tx, [note.authorId], { kind: 'note_reply', noteId, actorId: viewer.id }, emit);
        // A JSON value, as a resend gets it back.
        return { id: row!.id, body: row!.body, createdAt: row!.createdAt.toISOString() };
      },
      onceFor(viewer.id, key, `createReply ${noteId}`),
    );
    return { ...reply, noteId, author: { id: viewer.id, name: viewer.name } };
  }
}
