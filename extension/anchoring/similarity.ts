/** String similarities in [0, 1] used to compare a stored description with a candidate element. */

/** 1 − edit distance / longer length, case-insensitive ("Send invoice" vs "Send the invoice" → 0.75). */
export function textSimilarity(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (x === y) return 1;
  const longer = Math.max(x.length, y.length);
  if (longer === 0) return 1;
  return 1 - editDistance(x, y) / longer;
}

/** Levenshtein distance with two rows (the strings compared here are at most a few hundred characters). */
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  let row = new Array<number>(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
    }
    [prev, row] = [row, prev];
  }
  return prev[b.length]!;
}

const WORD = /[\p{L}\p{N}]+/gu;

/**
 * How much of the stored context (words of the prefix and suffix) is found near the candidate.
 * Words rather than characters, so that neighbours swapping places still count as the same
 * neighbourhood; substring containment, so that a word cut at the edge of the stored context still
 * matches. Undefined when the stored context has no words.
 */
export function contextSimilarity(storedContext: string, candidateNeighbourhood: string): number | undefined {
  const words = new Set((storedContext.toLowerCase().match(WORD) ?? []).filter((w) => w.length > 1));
  if (words.size === 0) return undefined;
  const near = candidateNeighbourhood.toLowerCase();
  let found = 0;
  for (const w of words) if (near.includes(w)) found++;
  return found / words.size;
}
