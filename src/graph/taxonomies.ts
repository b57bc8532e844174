import type { SiteConfig } from '../config/schema.js';
import { codes } from '../diagnostics/codes.js';
import { error, type Diagnostic } from '../diagnostics/diagnostic.js';
import { readCategoryTree, type CategoryTree } from './category-tree.js';
import { collectTerms, type CollectedTerms, type TermGroup } from './collect-terms.js';
import { compareNames } from './compare-names.js';
import { keyPlace } from './key-place.js';
import { expandPermalink } from './permalink.js';
import { termKey } from './term-key.js';
import type { PostNode, TaxonomyKind, Term } from './types.js';

export interface Taxonomies {
  /** Most used first, ties by name. */
  tags: Term[];
  /** Every category, by name; `parent` and `children` give the tree. */
  categories: Term[];
  /** By identity key (see termKey), for filters that name a term. */
  tagsByKey: Map<string, Term>;
  categoriesByKey: Map<string, Term>;
  diagnostics: Diagnostic[];
}

/**
 * Tags and categories of the published posts (newest first). Fills each post's
 * `tagTerms`, `categoryTerms` and `primaryCategory`. A category's posts include its
 * descendants'; a configured parent exists as soon as one descendant has a post.
 */
export function buildTaxonomies(posts: readonly PostNode[], config: SiteConfig): Taxonomies {
  const oldestFirst = [...posts].reverse();
  const tree = readCategoryTree(config.taxonomies.categories.terms);
  const tagTerms = collectTerms(oldestFirst, 'tag');
  const categoryTerms = collectTerms(oldestFirst, 'category', [...tree.nodes.values()].map((n) => n.name));
  const strictErrors = config.taxonomies.categories.strict ? unknownCategories(posts, categoryTerms, tree) : [];

  const tagDescriptions = new Map(Object.entries(config.taxonomies.tags.descriptions).map(([name, d]) => [termKey(name), d]));
  const tagsByKey = new Map<string, Term>();
  const tagFor = termMaker('tag', tagTerms, tagsByKey, config, (key) => tagDescriptions.get(key));
  const categoriesByKey = new Map<string, Term>();
  const categoryFor = termMaker('category', categoryTerms, categoriesByKey, config, (key) => tree.nodes.get(key)?.description);

  for (const post of posts) {
    post.tagTerms = (tagTerms.keysOf.get(post) ?? []).map(tagFor);
    for (const term of post.tagTerms) term.posts.push(post);
    const own = categoryTerms.keysOf.get(post) ?? [];
    post.categoryTerms = own.map(categoryFor);
    post.primaryCategory = post.categoryTerms[0];
    for (const term of withAncestors(own, tree, categoryTerms).map(categoryFor)) term.posts.push(post);
  }
  linkTree(categoriesByKey, tree);

  const byName = compareNames(config.language);
  for (const term of categoriesByKey.values()) term.children.sort((a, b) => byName(a.name, b.name));
  return {
    tags: [...tagsByKey.values()].sort((a, b) => b.posts.length - a.posts.length || byName(a.name, b.name)),
    categories: [...categoriesByKey.values()].sort((a, b) => byName(a.name, b.name)),
    tagsByKey,
    categoriesByKey,
    diagnostics: [...tagTerms.diagnostics, ...categoryTerms.diagnostics, ...tree.diagnostics, ...strictErrors],
  };
}

function termMaker(
  kind: TaxonomyKind,
  collected: CollectedTerms,
  terms: Map<string, Term>,
  config: SiteConfig,
  describe: (key: string) => string | undefined,
): (key: string) => Term {
  const pattern = kind === 'tag' ? config.permalinks.tag : config.permalinks.category;
  return (key) => {
    let term = terms.get(key);
    if (!term) {
      const { name, slug } = collected.groups.get(key) as TermGroup;
      const url = expandPermalink(pattern, { slug, timeZone: config.timeZone });
      term = { kind, name, slug, url, description: describe(key), posts: [], children: [] };
      terms.set(key, term);
    }
    return term;
  };
}

/** The post's own category keys followed by their ancestors', each once. */
function withAncestors(own: readonly string[], tree: CategoryTree, collected: CollectedTerms): string[] {
  const reached = new Set<string>();
  for (const start of own) {
    // Cycles are cut by readCategoryTree; `reached` also stops a walk at a shared ancestor.
    for (let key: string | undefined = start; key !== undefined && !reached.has(key); key = tree.nodes.get(key)?.parentKey) {
      // A configured parent folded into another term by a slug collision ends the chain.
      if (!collected.groups.has(key)) break;
      reached.add(key);
    }
  }
  return [...reached];
}

function linkTree(terms: Map<string, Term>, tree: CategoryTree): void {
  for (const [key, term] of terms) {
    const parentKey = tree.nodes.get(key)?.parentKey;
    const parent = parentKey === undefined ? undefined : terms.get(parentKey);
    if (!parent) continue;
    term.parent = parent;
    parent.children.push(term);
  }
}

function unknownCategories(posts: readonly PostNode[], collected: CollectedTerms, tree: CategoryTree): Diagnostic[] {
  const known = [...tree.nodes.values()].map((n) => n.name);
  const hint = known.length
    ? `use one of ${known.slice(0, 12).map((n) => `"${n}"`).join(', ')}${known.length > 12 ? ', …' : ''}, or add it to taxonomies.categories.terms`
    : 'add it to taxonomies.categories.terms in the site config';
  const diagnostics: Diagnostic[] = [];
  for (const post of posts) {
    for (const key of collected.keysOf.get(post) ?? []) {
      if (tree.nodes.has(key)) continue;
      const name = collected.groups.get(key)?.name ?? key;
      diagnostics.push(
        error(codes.unknownCategory, `category "${name}" is not configured (taxonomies.categories.strict is on)`, {
          ...keyPlace(post, 'categories', 'category'),
          hint,
        }),
      );
    }
  }
  return diagnostics;
}
