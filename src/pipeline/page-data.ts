import type { AuthorNode, PostNode, Term } from '../graph/types.js';
import type { PageContext } from '../render/render-routes.js';
import { cardFields } from './route-signatures.js';

// A page's template context as plain data a worker thread can receive. The
// graph links everything to everything (a term lists its posts, each post its
// terms, related posts, neighbours…), so a context cloned as it is would carry
// the whole site. It is cut where the page signature cuts it (route-signatures.ts),
// because that is what a page shows:
// - the page's own post whole: every field, whatever later features add;
// - any other post as a card: the fields in cardFields (the coverage test
//   fails when a template reads another);
// - a term or author whole except its list of posts, of which pages show the
//   number only: the list becomes an empty array of the same length.
// Everything else (site, lists, pagination, feeds, data added to the context
// later) is copied field by field, so new data flows through without being listed.

/**
 * Graph nodes as projected for a render pass: posts shown as cards, terms and
 * authors, with everything they reach. They are the same on every page of a
 * pass, so one map kept across its messages projects each of them once.
 */
export type NodeProjections = Map<object, unknown>;

/**
 * Projects page contexts. Objects reached from several pages (the site, the
 * lists, a card, the category tree) are projected once per projector and
 * then shared, so one message to a worker carries each of them once; graph
 * nodes are kept in `nodes`, which a pass hands to the projector of each message.
 */
export function createPageProjector(nodes: NodeProjections = new Map()): (context: PageContext) => PageContext {
  const seen = new Map<object, unknown>();

  const project = (v: unknown, memo: Map<object, unknown>): unknown => {
    if (v === null || typeof v !== 'object' || v instanceof Date) return v;
    if (isPost(v)) return card(v);
    const countOnly = isTerm(v) || isAuthor(v);
    if (countOnly) memo = nodes;
    const done = memo.get(v);
    if (done !== undefined) return done;
    if (v instanceof Map) {
      const out = new Map<unknown, unknown>();
      memo.set(v, out);
      for (const [key, item] of v) out.set(key, project(item, memo));
      return out;
    }
    if (Array.isArray(v)) {
      const out: unknown[] = [];
      memo.set(v, out);
      for (const item of v) out.push(project(item, memo));
      return out;
    }
    // Filled after it is recorded: terms link to their parent and children.
    const out: Record<string, unknown> = {};
    memo.set(v, out);
    for (const [key, field] of Object.entries(v)) out[key] = countOnly && key === 'posts' ? new Array((field as unknown[]).length) : project(field, memo);
    return out;
  };
  const value = (v: unknown) => project(v, seen);

  const card = (p: PostNode): unknown => {
    let out = nodes.get(p);
    if (out === undefined) {
      out = Object.fromEntries(cardFields.filter((f) => f in p).map((f) => [f, project(p[f], nodes)]));
      nodes.set(p, out);
    }
    return out;
  };

  const ownPost = (p: PostNode) => Object.fromEntries(Object.entries(p).map(([key, field]) => [key, value(field)]));

  return (context) => Object.fromEntries(Object.entries(context).map(([key, field]) => [key, key === 'post' && field ? ownPost(field as PostNode) : value(field)])) as unknown as PageContext;
}

function isPost(v: object): v is PostNode {
  return 'sourcePath' in v && 'categoryTerms' in v && 'related' in v;
}

function isTerm(v: object): v is Term {
  return 'kind' in v && 'children' in v && 'posts' in v;
}

function isAuthor(v: object): v is AuthorNode {
  return 'bioHtml' in v && 'posts' in v;
}
