import type { Visibility } from '@shared/contract';

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
const steps: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** "3 days ago", "just now". */
export function timeAgo(iso: string, now = Date.now()): string {
  const seconds = (new Date(iso).getTime() - now) / 1000;
  for (const [unit, size] of steps) {
    if (Math.abs(seconds) >= size) return relative.format(Math.round(seconds / size), unit);
  }
  return 'just now';
}

export const visibilityLabel: Record<Visibility, string> = { private: 'Only me', team: 'Team', org: 'Everyone' };

/** Newest first (as the API sends) or most helpful first (score, then newest). */
export function sortItems<T extends { score: number; createdAt: string }>(items: readonly T[], order: 'newest' | 'helpful'): T[] {
  if (order === 'newest') return [...items];
  return [...items].sort((a, b) => b.score - a.score || (a.createdAt < b.createdAt ? 1 : -1));
}
