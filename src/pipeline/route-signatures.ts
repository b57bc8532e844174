import { hashOf as hash } from '../text/hash.js';
import type { AuthorNode, PostNode, SiteGraph, Term } from '../graph/types.js';
import { toIsoInZone } from '../render/helpers/format-date.js';
import type { PageRoute } from '../routes/plan-routes.js';
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

export function createSignatures({ graph, versions, timeZone, externalFeeds, assets, language, translations }: SignatureInputs) {
  const cards = new Map<PostNode, string>();
  const card = (p: PostNode): string => {
    let sig = cards.get(p);
    if (sig === undefined) {
      sig = JSON.stringify([...cardFields.map((f) => cardValue(p, f)), +p.date > +graph.now]);
      cards.set(p, sig);
    }
    return sig;
  };
  const termRef = (t: Term | undefined) => (t ? [t.name, t.url, t.posts.length] : null);
  const termSig = (t: Term) => [t.kind, t.name, t.url, t.description ?? '', t.posts.length, termRef(t.parent), t.children.map(termRef)];
  // A byline author (free text, no file) takes its name and link from posts, not from a file of its own.
  const authorSig = (a: AuthorNode) => [a.id, versions.get(a.sourcePath) ?? '', a.url, a.posts.length, a.name, a.social];

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

  // A signature hashes a list of strings (hashOf ends each with a NUL): a card's signature goes in as it is,
  // each list of cards after its length and each section after its name, so no two pages' lists can read
  // alike. Serialising the cards once more inside one JSON document of the page was most of the cost of
  // signing 31,000 pages.
  const route = (r: PageRoute): string => {
    const c = r.context;
    const post = c.post;
    const lang = c.post?.lang ?? c.page?.lang ?? language;
    const parts: string[] = [];
    const json = (...values: unknown[]) => {
      for (const v of values) parts.push(JSON.stringify(v) ?? 'undefined');
    };
    const cards = (name: string, posts: readonly PostNode[]) => parts.push(name, String(posts.length), ...posts.map(card));
    json(r.layout, r.meta, lang === language ? '' : messagesVersion(translations, lang));
    if (post) {
      parts.push(
        'post',
        // The file's version covers all it says; params are named too, as templates read them directly.
        versions.get(post.sourcePath) ?? '',
        // A body with links, shortcode partials or sized pictures shows what they resolved to (other posts' URLs, partial templates, image files).
        post.bodyRefs || post.bodyImages ? post.html : '',
        card(post),
      );
      cards('related', post.related);
      cards('prev', post.prev ? [post.prev] : []);
      cards('next', post.next ? [post.next] : []);
      json(post.params, post.tagTerms.map(termRef), post.categoryTerms.map(termRef), post.breadcrumb, post.authors.map(authorSig), post.translations.map(translationRef));
    }
    if (c.page) {
      parts.push('page', versions.get(c.page.sourcePath) ?? '', c.page.url, c.page.bodyRefs || c.page.bodyImages ? c.page.html : '');
      json(c.page.translations.map(translationRef));
    }
    if (c.term) parts.push('term', JSON.stringify(termSig(c.term)));
    if (c.author) parts.push('author', JSON.stringify(authorSig(c.author)));
    if (c.terms) parts.push('terms', JSON.stringify(c.terms.map(termSig)));
    if (c.authors) parts.push('authors', JSON.stringify(c.authors.map(authorSig)));
    if (c.latest) cards('latest', c.latest);
    if (c.lists) for (const [name, posts] of Object.entries(c.lists)) cards(`list ${name}`, posts);
    if (c.pagination) {
      const p = c.pagination;
      json('pagination', p.pageNumber, p.totalPages, p.prevUrl ?? '', p.nextUrl ?? '');
      cards('items', p.items);
    }
    return hash(...parts);
  };

  return { global, route };
}
