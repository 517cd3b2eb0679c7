/**
 * Optimal string alignment distance: insertions, deletions, substitutions and swaps of two
 * neighbouring letters each cost 1, so the common `titel` for `title` is one edit, not two.
 */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/** Short names allow one slip, longer ones two: two edits turn many four-letter words into another. */
function allowedEdits(name: string): number {
  return name.length <= 4 ? 1 : 2;
}

/**
 * The known name `word` most likely misspells (case and surrounding spaces ignored), or null when
 * none is close. Ties go to the earlier name in `known`, so the answer does not depend on luck.
 */
export function nearMiss(word: string, known: readonly string[]): string | null {
  const typed = word.trim().toLowerCase();
  if (typed.length > 2 * Math.max(...known.map((name) => name.length))) return null;
  let best: { name: string; distance: number } | null = null;
  for (const name of known) {
    const distance = editDistance(typed, name);
    if (distance <= allowedEdits(name) && (best === null || distance < best.distance)) best = { name, distance };
  }
  return best?.name ?? null;
}
