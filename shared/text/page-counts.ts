// What a page's counts count, said in one place: the launcher's label, the toolbar badge and the
// panel's tab badges all read them through here, so they cannot disagree.
import type { PageContext } from '@shared/contract';
import { plural } from './plural';

export type PageCounts = PageContext['counts'];

/** "3 notes", "2 tips", "1 open question": a count in the words every surface uses. */
export const countWords = {
  notes: (n: number) => plural(n, 'note'),
  tips: (n: number) => plural(n, 'tip'),
  openQuestions: (n: number) => plural(n, 'open question'),
} as const;

/** "3 notes, 2 tips, 1 open question": the launcher's label. */
export const describeCounts = (c: PageCounts) =>
  [countWords.notes(c.notes), countWords.tips(c.tips), countWords.openQuestions(c.openQuestions)].join(', ');

/** The toolbar badge's one number: notes, tips and open questions. */
export const badgeTotal = (c: PageCounts) => c.notes + c.tips + c.openQuestions;

/**
 * The panel's tab badges, short enough for three tabs in a 360 px panel: the Notes tab holds notes and
 * tips and counts them apart as the launcher does ("3 · 2 tips"; the tab names the first), the
 * Questions tab counts open questions and says so ("2 open"). Empty where there is nothing to count.
 */
export function tabCounts(c: PageCounts): { notes: string; questions: string } {
  const notes = [c.notes > 0 && String(c.notes), c.tips > 0 && countWords.tips(c.tips)].filter(Boolean).join(' · ');
  return { notes, questions: c.openQuestions > 0 ? `${c.openQuestions} open` : '' };
}
