// The panel's orders of its lists.

/** Newest first (as the API sends) or most helpful first (score, then newest). */
export function sortItems<T extends { score: number; createdAt: string }>(items: readonly T[], order: 'newest' | 'helpful'): T[] {
  if (order === 'newest') return [...items];
  return [...items].sort((a, b) => b.score - a.score || (a.createdAt < b.createdAt ? 1 : -1));
}
