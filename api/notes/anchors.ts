// What pinning a tip sets and clears, shared by writing a note (service.ts) and re-pinning a tip (tips.ts).
import { eq } from 'drizzle-orm';
import type { Tx } from '../db/database';
import { anchorReports } from '../db/schema';
import type { Viewer } from '../kernel/access';

/** What pinning (or confirming) a tip sets: verified now by this person, nothing outdated. */
export const pinnedBy = (viewer: Viewer) => ({ verifiedBy: viewer.id, verifiedAt: new Date(), outdatedAt: null });

/** What removing a note's anchor clears. */
export const unpinned = { verifiedBy: null, verifiedAt: null, outdatedAt: null };

/** Forgets the anchoring reports of a tip that was just pinned again or confirmed. */
export const forgetReports = (tx: Tx, noteId: string) => tx.delete(anchorReports).where(eq(anchorReports.noteId, noteId));
