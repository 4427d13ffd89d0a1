// How Browse says counts and kinds.
import type { Output } from '@shared/client';
import { plural } from '@shared/text/plural';

export type BrowseItem = Output<'GET /browse/mine'>['items'][number];

/** "2 notes · 1 question": what there is, zeros left out. */
export const countsLine = (c: { notes: number; tips: number; questions: number }) =>
  [c.notes && plural(c.notes, 'note', 'notes'), c.tips && plural(c.tips, 'tip', 'tips'), c.questions && plural(c.questions, 'question', 'questions')].filter(Boolean).join(' · ');

export const kindLabel: Record<BrowseItem['kind'], string> = { note: 'Note', tip: 'Tip', question: 'Question', answer: 'Answer' };
