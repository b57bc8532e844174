import { hashOf as hash } from '../text/hash.js';
import type { AuthorNode, PostNode, SiteGraph, Term } from '../graph/types.js';
import { toIsoInZone } from '../render/helpers/format-date.js';
import type { PageMeta, PageRoute } from '../routes/plan-routes.js';
import type { ExternalFeeds } from '../external-feeds/types.js';
import { messagesVersion, type Translations } from '../render/translations.js';
import { siteLanguages } from '../graph/site-languages.js';
import { dayWindow, intersectWindows, windowAround, type ClockWindow } from '../graph/clock-window.js';

// What a page shows, reduced to a string: if a route's signature is unchanged
// since the last build, its HTML is too, and a rebuild can skip rendering it.
//
// The invariant (see cardFields): a signature covers every value its page
// shows. A post a page is about is covered whole, by the hash of its source
// file plus the graph fields it links to (ownPostGraphFields). A post a page
// only shows as a "card" (lists, related, prev/next, sidebars) is covered by
// exactly the fields in cardFields, and test/pipeline/signature-coverage.test.ts
// renders every page with recording posts and fails when any template or
// helper reads another field of such a post.

/**
 * The fields of a post shown as a card. `date` is also compared with the
 * build's clock (the "Scheduled" badge), so a card carries that state too.
 * A template that shows a new post field on cards must add it here.
 */
export const cardFields = ['url', 'title', 'date', 'updated', 'summary', 'image', 'readingMinutes', 'featured', 'draft', 'primaryCategory', 'authors', 'lang'] as const;

/** The fields of a page's own post that come from the graph, not from its source file; each is part of the route signature. */
export const ownPostGraphFields = ['url', 'primaryCategory', 'categoryTerms', 'tagTerms', 'authors', 'related', 'prev', 'next', 'breadcrumb', 'bodyImages', 'translations'] as const;

/** What a page shows of each of its translations: a link in the language switcher and a hreflang link. */
const translationRef = (t: { lang: string; url: string; title: string }) => [t.lang, t.url, t.title];

type CardField = (typeof cardFields)[number];

/** A card field as plain data: dates as numbers, linked terms and authors by what a card shows of them. */
function cardValue(p: PostNode, field: CardField): unknown {
  const value = p[field];
  if (value instanceof Date) return +value;
  if (field === 'primaryCategory') return p.primaryCategory ? [p.primaryCategory.name, p.primaryCategory.url] : null;
  if (field === 'authors') return p.authors.map((a) => [a.name, a.url]);
  return value ?? null;
}

export interface SignatureInputs {
  graph: SiteGraph;
  /** The site's time zone: pages show the build's date (header, copyright year), not its time. */
  timeZone: string;
  /** Source path → hash of the file's bytes. */
  versions: ReadonlyMap<string, string>;
  /** Headlines from other sites: the theme shows them on every page. */
  externalFeeds: ExternalFeeds;
  /** Theme asset names → fingerprinted URLs, which every page references. */
  assets: ReadonlyMap<string, string>;
  /** The site's language: every page's header, sidebar and footer speak it. */
  language: string;
  /** The theme's words: a page shows those of the site's language and of its own. */
  translations: Translations;
}

/**
 * The clock window of the signatures: they read the day of the build's clock
 * and whether each post is dated after it. By the invariant above this also
 * bounds what templates read of `now` (`{{year now}}`, the "Scheduled" badge).
 */
export function signatureWindow(graph: SiteGraph, timeZone: string): ClockWindow {
  return intersectWindows(dayWindow(graph.now, timeZone), windowAround(graph.now.getTime(), graph.posts.map((p) => p.date.getTime())));
}

/**
 * A page's signature with what it was made from: the parts, in the order the
 * page's context was read. The signature is the hash of the parts and of
 * nothing else, so a page whose parts are equal, part for part, to those of
 * an earlier pass has that pass's signature: it need not be hashed again.
 */
export interface SignedRoute {
  readonly parts: readonly string[];
  readonly signature: string;
}

export function createSignatures({ graph, versions, timeZone, externalFeeds, assets, language, translations }: SignatureInputs) {
  // What a page reads of a post, term or author is made into a string once per pass, however many pages show it.
  // A card goes into the pages that list it as its hash: the card's JSON is some hundred bytes, and hashing each
  // one again inside every page that lists it was most of the cost of signing 31,000 pages.
  const card = memoByKey((p: PostNode) => hash(JSON.stringify([...cardFields.map((f) => cardValue(p, f)), +p.date > +graph.now])));
  const termRef = memoByKey((t: Term) => JSON.stringify([t.name, t.url, t.posts.length]));
  const refOf = (t: Term | undefined) => (t ? termRef(t) : '');
  const termSig = memoByKey((t: Term) => JSON.stringify([t.kind, t.name, t.url, t.description ?? '', t.posts.length, refOf(t.parent), t.children.map(termRef)]));
  // A byline author (free text, no file) takes its name and link from posts, not from a file of its own.
  const authorSig = memoByKey((a: AuthorNode) => JSON.stringify([a.id, versions.get(a.sourcePath) ?? '', a.url, a.posts.length, a.name, a.social]));
  // Most pages show the same curated lists, as one object (createListPicker).
  const listsSig = memoByKey((lists: Record<string, PostNode[]>) => hash(...Object.entries(lists).flatMap(([name, posts]) => [name, String(posts.length), ...posts.map(card)])));
  const wordsOf = memoByKey((lang: string) => (lang === language ? '' : messagesVersion(translations, lang)));

  /** Everything every page shows: the date, the asset URLs, the curated lists, the latest posts, the category menu, the external feeds, the site's social image. */
  const global = hash(
    JSON.stringify([
      toIsoInZone(graph.now, timeZone).slice(0, 10),
      [...assets],
      Object.entries(graph.lists).map(([name, posts]) => [name, posts.map(card)]),
      graph.posts.slice(0, 10).map(card),
      graph.categories.filter((c) => !c.parent).map(function tree(c: Term): unknown {
        return [c.name, c.url, c.posts.length, c.children.map(tree)];
      }),
      externalFeeds,
      graph.socialImage ?? null,
      messagesVersion(translations, language),
      // Pages link to the feed of each language when there are several.
      siteLanguages(graph),
    ]),
  );

  // A page's parts are strings (hashOf ends each with a NUL): what a post, term or author shows goes in as its
  // string above, each list after its name and length, so no two pages' lists can read alike.
  const partsOf = (r: PageRoute): string[] => {
    const c = r.context;
    const post = c.post;
    const parts: string[] = [r.layout, wordsOf(c.post?.lang ?? c.page?.lang ?? language)];
    // Field by field, strings as they are: most are the same string objects as in the last pass, which compare at once.
    for (const key in r.meta) {
      const value: unknown = r.meta[key as keyof PageMeta];
      parts.push(key, typeof value, typeof value === 'string' ? value : (JSON.stringify(value) ?? ''));
    }
    const list = <T>(name: string, items: readonly T[], sig: (item: T) => string) => {
      parts.push(name, String(items.length));
      for (const item of items) parts.push(sig(item));
    };
    if (post) {
      parts.push(
        'post',
        // The file's version covers all it says; params are named too, as templates read them directly.
        versions.get(post.sourcePath) ?? '',
        // A body with links, shortcode partials or sized pictures shows what they resolved to (other posts' URLs, partial templates, image files).
        post.bodyRefs || post.bodyImages ? post.html : '',
        card(post),
        JSON.stringify([post.params, post.breadcrumb, post.translations.map(translationRef)]),
      );
      list('related', post.related, card);
      list('prev', post.prev ? [post.prev] : [], card);
      list('next', post.next ? [post.next] : [], card);
      list('tags', post.tagTerms, termRef);
      list('categories', post.categoryTerms, termRef);
      list('authors', post.authors, authorSig);
    }
    if (c.page) parts.push('page', versions.get(c.page.sourcePath) ?? '', c.page.url, c.page.bodyRefs || c.page.bodyImages ? c.page.html : '', JSON.stringify(c.page.translations.map(translationRef)));
    if (c.term) parts.push('term', termSig(c.term));
    if (c.author) parts.push('author', authorSig(c.author));
    if (c.terms) list('terms', c.terms, termSig);
    if (c.authors) list('authors index', c.authors, authorSig);
    if (c.latest) list('latest', c.latest, card);
    if (c.lists) parts.push('lists', listsSig(c.lists));
    if (c.pagination) {
      const p = c.pagination;
      parts.push('pagination', String(p.pageNumber), String(p.totalPages), p.prevUrl ?? '', p.nextUrl ?? '');
      list('items', p.items, card);
    }
    return parts;
  };

  /** The page's signature, and what it was made from; `earlier` itself when this pass reads the same parts (nothing is hashed). */
  const sign = (r: PageRoute, earlier?: SignedRoute): SignedRoute => {
    const parts = partsOf(r);
    return earlier && sameParts(parts, earlier.parts) ? earlier : { parts, signature: hash(...parts) };
  };

  return { global, route: (r: PageRoute) => hash(...partsOf(r)), sign };
}

function sameParts(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** `make` run once per graph node (post, term, author) or other key in one pass. */
function memoByKey<K>(make: (key: K) => string): (key: K) => string {
  const made = new Map<K, string>();
  return (node) => {
    let value = made.get(node);
    if (value === undefined) made.set(node, (value = make(node)));
    return value;
  };
}
