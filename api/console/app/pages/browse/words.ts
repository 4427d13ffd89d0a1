// How Browse says counts and kinds.
import type { Output } from '@shared/client';

export type BrowseItem = Output<'GET /browse/mine'>['items'][number];

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "2 notes · 1 question": what there is, zeros left out. */
export const countsLine = (c: { notes: number; tips: number; questions: number }) =>
  [c.notes && plural(c.notes, 'note', 'notes'), c.tips && plural(c.tips, 'tip', 'tips'), c.questions && plural(c.questions, 'question', 'questions')].filter(Boolean).join(' · ');

export const kindLabel: Record<BrowseItem['kind'], string> = { note: 'Note', tip: 'Tip', question: 'Question', answer: 'Answer' };
