// How Browse says counts and kinds.
import type { Output } from '@shared/client';

export type BrowseItem = Output<'GET /browse/mine'>['items'][number];

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "2 notes · 1 tip · no questions". */
export const countsLine = (c: { notes: number; tips: number; questions: number }) =>
  [plural(c.notes, 'note', 'notes'), plural(c.tips, 'tip', 'tips'), plural(c.questions, 'question', 'questions')].join(' · ');

export const kindLabel: Record<BrowseItem['kind'], string> = { note: 'Note', tip: 'Tip', question: 'Question', answer: 'Answer' };
