import { editDistance } from './edit-distance.js';

// Suggests the candidate a typo most likely meant, so an error can say
// "did you mean 'outDir'?" instead of making the reader hunt for it.

const maxDistance = 2;

/** The closest candidate: a case-insensitive match first, else the smallest edit distance ≤ 2. */
export function didYouMean(name: string, candidates: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  const sameLetters = candidates.find((c) => c.toLowerCase() === lower);
  if (sameLetters !== undefined) return sameLetters;
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(lower, candidate.toLowerCase());
    // A distance as long as the name itself would "correct" any short word into any other.
    if (distance > maxDistance || distance >= name.length) continue;
    if (!best || distance < best.distance) best = { candidate, distance };
  }
  return best?.candidate;
}
