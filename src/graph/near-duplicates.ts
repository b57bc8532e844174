import { editDistance } from '../text/edit-distance.js';
import { slugify } from '../text/slugify.js';

/**
 * Pairs of names that are probably one term spelled two ways: one is the other
 * plus "s"/"es", or their slugs are one edit apart (slugs of 4+ characters) or two
 * edits apart (8+ characters). Short names are left alone: "EU" and "UK" are not typos.
 * Candidates come from shared deletion variants, so this never compares all pairs.
 */
export function findNearDuplicates(names: readonly string[]): Array<[string, string]> {
  const slugs = names.map(slugify);
  const bySlug = new Map<string, number>();
  slugs.forEach((slug, i) => {
    if (!bySlug.has(slug)) bySlug.set(slug, i);
  });
  const pairs = new Set<string>();
  const add = (i: number, j: number) => {
    if (i !== j && slugs[i] !== slugs[j]) pairs.add(i < j ? `${i},${j}` : `${j},${i}`);
  };
  for (const [slug, i] of bySlug) {
    for (const suffix of ['s', 'es']) {
      const plural = bySlug.get(slug + suffix);
      if (plural !== undefined) add(i, plural);
    }
  }
  const byVariant = new Map<string, number[]>();
  for (const [slug, i] of bySlug) {
    for (const variant of deletions(slug, maxEdits(slug))) {
      const bucket = byVariant.get(variant);
      if (bucket) bucket.push(i);
      else byVariant.set(variant, [i]);
    }
  }
  for (const bucket of byVariant.values()) {
    for (let a = 0; a < bucket.length; a++) {
      for (let b = a + 1; b < bucket.length; b++) {
        const [i, j] = [bucket[a], bucket[b]];
        const allowed = Math.min(maxEdits(slugs[i]), maxEdits(slugs[j]));
        if (allowed > 0 && editDistance(slugs[i], slugs[j], allowed) <= allowed) add(i, j);
      }
    }
  }
  return [...pairs]
    .map((pair) => pair.split(',').map(Number))
    .sort((x, y) => x[0] - y[0] || x[1] - y[1])
    .map(([i, j]): [string, string] => [names[i], names[j]]);
}

function maxEdits(slug: string): number {
  const length = [...slug].length;
  return length >= 8 ? 2 : length >= 4 ? 1 : 0;
}

/** The string and every string made by deleting up to `edits` characters from it. */
function deletions(text: string, edits: number): Set<string> {
  let frontier = new Set([text]);
  const all = new Set(frontier);
  for (let round = 0; round < edits; round++) {
    const next = new Set<string>();
    for (const s of frontier) {
      const chars = [...s];
      for (let k = 0; k < chars.length; k++) next.add([...chars.slice(0, k), ...chars.slice(k + 1)].join(''));
    }
    for (const s of next) all.add(s);
    frontier = next;
  }
  return all;
}
