// Tips that may have stopped pointing at the right element. Every browser that shows a tip reports
// whether it could anchor it; when enough different people's browsers fail (or succeed only with low
// confidence), the tip is marked "possibly outdated" and its author and the page's experts are told.
// Re-pinning or verifying clears it. No established tool does this automatically.
import { and, count, eq, isNull, lt, or } from 'drizzle-orm';
import type { Anchor } from '@shared/contract';
import type { Database } from '../db/database';
import type { PageExperts } from '../experts/routing';
import { anchorReports, notes } from '../db/schema';
import { forbidden, unprocessable } from '../kernel/errors';
import type { InboxService } from '../inbox/service';
import { hasRole, whoMaySee, type Viewer } from '../kernel/access';
import type { WritePath } from '../kernel/write-path';
import { forgetReports, pinnedBy } from './anchors';
import type { NoteService } from './service';

/** Distinct people whose browsers must fail before a tip is flagged: one person's odd page is not enough. */
const OUTDATED_AFTER_PEOPLE = 3;
/** An anchoring at or below this confidence counts as a failure. */
const LOW_CONFIDENCE = 0.5;

export class TipService {
  constructor(
    private readonly database: Database,
    private readonly writes: WritePath,
    private readonly notes: NoteService,
    private readonly pageExperts: PageExperts,
    private readonly inbox: InboxService,
  ) {}

  /** Records what the viewer's browser found; flags the tip once enough people failed. */
  async report(viewer: Viewer, noteId: string, found: boolean, confidence: number): Promise<{ possiblyOutdated: boolean }> {
    const tip = await this.tip(viewer, noteId);
    const outcome = { found, confidence: found ? confidence : 0, reportedAt: new Date() };
    // Read before the transaction: on PGlite (one connection) a read outside it would wait for it forever.
    const experts = tip.possiblyOutdated ? [] : await this.pageExperts(tip.pattern);
    return this.writes.write(async (tx, changed, emit) => {
      await tx
        .insert(anchorReports)
        .values({ noteId, userId: viewer.id, ...outcome })
        .onConflictDoUpdate({ target: [anchorReports.noteId, anchorReports.userId], set: outcome });
      if (tip.possiblyOutdated) return { possiblyOutdated: true };
      const [{ failing } = { failing: 0 }] = await tx
        .select({ failing: count() })
        .from(anchorReports)
        .where(
          and(
            eq(anchorReports.noteId, noteId),
            or(eq(anchorReports.found, false), lt(anchorReports.confidence, LOW_CONFIDENCE + Number.EPSILON)),
          ),
        );
      if (Number(failing) < OUTDATED_AFTER_PEOPLE) return { possiblyOutdated: false };
      // Only the report that flips the flag tells anyone, even when several arrive at once.
      const flipped = await tx
        .update(notes)
        .set({ outdatedAt: new Date() })
        .where(and(eq(notes.id, noteId), isNull(notes.outdatedAt)))
        .returning({ id: notes.id });
      if (flipped.length === 0) return { possiblyOutdated: true };
      // Only those who may see the tip hear of it: the page's experts may be outside its team.
      const told = await whoMaySee(tx, { authorId: tip.author.id, visibility: tip.visibility, teamId: tip.teamId }, [tip.author.id, ...experts]);
      await this.inbox.deliver(tx, told, { kind: 'tip_outdated', noteId }, emit);
      changed({ t: 'scope', id: tip.scopeId });
      return { possiblyOutdated: true };
    });
  }

  /** Anyone who can see a tip may pin it again, e.g. when it was not found on the page. */
  async repin(viewer: Viewer, noteId: string, anchor: Anchor) {
    const tip = await this.tip(viewer, noteId);
    await this.writes.write(async (tx, changed) => {
      await tx.update(notes).set({ anchor, ...pinnedBy(viewer), updatedAt: new Date() }).where(eq(notes.id, noteId));
      await forgetReports(tx, noteId);
      changed({ t: 'scope', id: tip.scopeId });
    });
    return this.notes.get(viewer, noteId);
  }

  /** The author, a moderator or an expert for the tip's pages confirms it still points at the right element. */
  async verify(viewer: Viewer, noteId: string) {
    const tip = await this.tip(viewer, noteId);
    const allowed = tip.author.id === viewer.id || hasRole(viewer, 'moderator') || (await this.pageExperts(tip.pattern)).includes(viewer.id);
    if (!allowed) throw forbidden('Only the author, a moderator or an expert for these pages can verify a tip.');
    await this.writes.write(async (tx, changed) => {
      await tx.update(notes).set(pinnedBy(viewer)).where(eq(notes.id, noteId));
      await forgetReports(tx, noteId);
      changed({ t: 'scope', id: tip.scopeId });
    });
    return this.notes.get(viewer, noteId);
  }

  private async tip(viewer: Viewer, noteId: string) {
    const note = await this.notes.get(viewer, noteId);
    if (!note.anchor) throw unprocessable('not_a_tip', 'This note is not pinned to an element.');
    return note;
  }
}
