import { codes } from '../diagnostics/codes.js';
import { error, warning, type Diagnostic } from '../diagnostics/diagnostic.js';
import { keyPlace, placeLabel } from './key-place.js';
import { checkSlug, shortenSlug, slugify } from '../text/slugify.js';
import { termKey } from './term-key.js';
import type { Post, TaxonomyKind } from './types.js';

export interface TermGroup {
  key: string;
  name: string;
  slug: string;
  /** Spelling as written (NFC) → where, oldest post first. */
  spellings: Map<string, Partial<Diagnostic>[]>;
}

export interface CollectedTerms {
  groups: Map<string, TermGroup>;
  /** Each post's term keys in its own order, without duplicates or unusable names. */
  keysOf: Map<Post, string[]>;
  diagnostics: Diagnostic[];
}

const MAX_TERM_LENGTH = 100;
const PLACES_PER_SPELLING = 5;

/**
 * Groups a taxonomy's names by identity (case, accents, spacing), picks each
 * group's display name and slug, and reports variants, collisions and unusable names.
 * `posts` are oldest first so that "first seen" breaks ties between spellings.
 * `configured` names (the config's own spelling) win as display names and exist even unused.
 */
export function collectTerms(posts: readonly Post[], kind: TaxonomyKind, configured: readonly string[] = []): CollectedTerms {
  const diagnostics: Diagnostic[] = [];
  const spellingsByKey = new Map<string, Map<string, Partial<Diagnostic>[]>>();
  const preferred = new Map<string, string>();
  const read = readingCache(kind);
  for (const name of configured) {
    const { spelling, key, problem } = read(name);
    if (problem) {
      diagnostics.push(error(codes.badTerm, problem, { hint: `rename it in taxonomies.categories.terms` }));
      continue;
    }
    if (!preferred.has(key)) preferred.set(key, spelling);
    if (!spellingsByKey.has(key)) spellingsByKey.set(key, new Map());
  }
  const keysOf = new Map<Post, string[]>();
  for (const post of posts) {
    const place = kind === 'tag' ? keyPlace(post, 'tags', 'tag') : keyPlace(post, 'categories', 'category');
    const keys = new Set<string>();
    for (const raw of kind === 'tag' ? post.tags : post.categories) {
      const { spelling, key, problem } = read(raw);
      if (problem) {
        diagnostics.push(error(codes.badTerm, problem, { ...place, hint: `rename the ${kind} or remove it` }));
        continue;
      }
      if (keys.has(key)) continue;
      keys.add(key);
      let spellings = spellingsByKey.get(key);
      if (!spellings) spellingsByKey.set(key, (spellings = new Map()));
      const places = spellings.get(spelling);
      if (places) places.push(place);
      else spellings.set(spelling, [place]);
    }
    keysOf.set(post, [...keys]);
  }
  const groups = new Map<string, TermGroup>();
  for (const [key, spellings] of spellingsByKey) {
    const name = preferred.get(key) ?? mostCommon(spellings);
    const slug = shortenSlug(slugify(name));
    if (slug !== slugify(name)) diagnostics.push(shortenedWarning(kind, name, slug, [...spellings.values()][0]?.[0] ?? {}));
    groups.set(key, { key, name, slug, spellings });
    if (spellings.size > 1) diagnostics.push(variantsWarning(kind, name, spellings));
  }
  diagnostics.push(...mergeSlugCollisions(kind, groups, keysOf));
  return { groups, keysOf, diagnostics };
}

interface Reading {
  spelling: string;
  key: string;
  problem?: string;
}

// A site repeats a few hundred names across thousands of posts: normalise each once.
function readingCache(kind: TaxonomyKind): (raw: string) => Reading {
  const cache = new Map<string, Reading>();
  return (raw) => {
    let reading = cache.get(raw);
    if (!reading) {
      const spelling = raw.normalize('NFC').trim().replace(/\s+/gu, ' ');
      reading = { spelling, key: termKey(spelling), problem: termProblem(spelling, kind) };
      cache.set(raw, reading);
    }
    return reading;
  };
}

function termProblem(spelling: string, kind: TaxonomyKind): string | undefined {
  if ([...spelling].length > MAX_TERM_LENGTH) {
    return `${kind} "${spelling.slice(0, 40)}…" is longer than ${MAX_TERM_LENGTH} characters`;
  }
  const slug = slugify(spelling);
  if (slug === '') return `${kind} "${spelling}" has no letters or digits to make a URL from`;
  const unsafe = checkSlug(slug);
  return unsafe ? `${kind} "${spelling}" cannot be a URL: ${unsafe}` : undefined;
}

// Map order is first-seen order, so a strict ">" keeps the oldest spelling on ties.
function mostCommon(spellings: Map<string, unknown[]>): string {
  let best = '';
  let bestCount = -1;
  for (const [spelling, places] of spellings) {
    if (places.length > bestCount) [best, bestCount] = [spelling, places.length];
  }
  return best;
}

function variantsWarning(kind: TaxonomyKind, name: string, spellings: Map<string, Partial<Diagnostic>[]>): Diagnostic {
  const listed = [...spellings].map(([spelling, places]) => `"${spelling}" (${listPlaces(places)})`);
  const firstOther = [...spellings].find(([spelling]) => spelling !== name)?.[1][0] ?? {};
  return warning(codes.termVariants, `${kind} "${name}" is spelled ${spellings.size} ways: ${listed.join(', ')}`, {
    ...firstOther,
    hint: `use one spelling everywhere, e.g. "${name}"`,
  });
}

function shortenedWarning(kind: TaxonomyKind, name: string, slug: string, place: Partial<Diagnostic>): Diagnostic {
  return warning(codes.slugShortened, `${kind} "${name.slice(0, 40)}…" is too long for an address; its page is ${slug}`, {
    ...place,
    hint: `a shorter name gives a shorter address`,
  });
}

function listPlaces(places: Partial<Diagnostic>[]): string {
  const shown = places.slice(0, PLACES_PER_SPELLING).map(placeLabel);
  const more = places.length - shown.length;
  return more > 0 ? `${shown.join(', ')} and ${more} more` : shown.join(', ');
}

// Two different terms with one slug would share a URL: report it, then fold the
// later one into the earlier so the graph still has one term per URL.
function mergeSlugCollisions(kind: TaxonomyKind, groups: Map<string, TermGroup>, keysOf: Map<Post, string[]>): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const bySlug = new Map<string, TermGroup>();
  const mergedInto = new Map<string, string>();
  for (const group of groups.values()) {
    const first = bySlug.get(group.slug);
    if (!first) {
      bySlug.set(group.slug, group);
      continue;
    }
    const where = (g: TermGroup) => `"${g.name}" (${listPlaces([...g.spellings.values()].flat()) || 'site config'})`;
    const place = [...group.spellings.values()].flat()[0] ?? [...first.spellings.values()].flat()[0] ?? {};
    diagnostics.push(
      error(codes.termSlugCollision, `${kind}s ${where(first)} and ${where(group)} both get the slug "${group.slug}"`, {
        ...place,
        hint: `rename one of them so that their slugs differ`,
      }),
    );
    mergedInto.set(group.key, first.key);
    for (const [spelling, places] of group.spellings) first.spellings.set(spelling, [...(first.spellings.get(spelling) ?? []), ...places]);
    groups.delete(group.key);
  }
  if (mergedInto.size > 0) {
    for (const [post, keys] of keysOf) keysOf.set(post, [...new Set(keys.map((k) => mergedInto.get(k) ?? k))]);
  }
  return diagnostics;
}
