import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { SiteConfig } from '../config/schema.js';
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Post, PostNode, SiteGraph, Term } from '../graph/types.js';
import { renderFeeds } from '../outputs/feeds.js';
import { toOutputPath } from '../routes/output-path.js';
import type { PageRoute } from '../routes/plan-routes.js';
import { renderRoutes } from '../render/render-routes.js';
import { resolveBodyRefs } from '../render/resolve-body-refs.js';
import { collect, summarize, type BuildResult, type Committed, type Stage } from './build-pass.js';
import type { BuildStateStore } from '../cache/build-state.js';
import type { ContentStore } from './content-store.js';
import { describeChanges } from './describe-changes.js';
import { bodyImageSources } from '../images/body-images.js';
import { createSignatures, type SignatureInputs } from './route-signatures.js';
import { writeChanges } from '../write/write-changes.js';
import type { Output } from '../write/write-outputs.js';

// The common edit while writing: words in an article's body, below its
// summary. Nothing the lists or any other page shows changes, so the graph's
// shape can be kept and only the article's own page (and the feeds, which
// carry its text) made again. The pass plans a new graph and state beside the
// last good ones and hands them back only once its output is written: a pass
// that fails anywhere leaves the last good build as it was.

/** Whether two versions of a post differ only in what its own page shows (body, headings, positions). */
function onlyBodyChanged(before: Post, after: Post): boolean {
  return (
    before.sourcePath === after.sourcePath &&
    before.slug === after.slug &&
    before.title === after.title &&
    +before.date === +after.date &&
    +(before.updated ?? 0) === +(after.updated ?? 0) &&
    before.summary === after.summary &&
    before.draft === after.draft &&
    before.featured === after.featured &&
    before.readingMinutes === after.readingMinutes &&
    same(before.authorIds, after.authorIds) &&
    same(before.categories, after.categories) &&
    same(before.tags, after.tags) &&
    same(before.aliases, after.aliases) &&
    JSON.stringify(before.image ?? null) === JSON.stringify(after.image ?? null) &&
    // Pictures in a body get their sizes and files from the image stage, which the full pass runs.
    bodyImageSources(after.html).length === 0 &&
    // Front-matter forms from other generators: the URL, byline links and kept params.
    before.permalink === after.permalink &&
    // Language: what lists show of it, and which translations link to each other.
    before.lang === after.lang &&
    before.dir === after.dir &&
    before.translationKey === after.translationKey &&
    JSON.stringify([before.authorLinks ?? null, before.params]) === JSON.stringify([after.authorLinks ?? null, after.params])
  );
}

type BodyFields = Pick<Post, 'html' | 'bodyRefs' | 'wordCount' | 'headings' | 'positions'>;

const bodyOf = (post: Post): BodyFields => ({ html: post.html, bodyRefs: post.bodyRefs, wordCount: post.wordCount, headings: post.headings, positions: post.positions });

/**
 * The graph with some posts replaced by new nodes, leaving the given graph as
 * it was: every collection that lists posts (terms, authors, lists) is copied
 * with the new nodes in, so feeds made from it carry the new bodies. Other
 * posts' related/prev/next still name the old nodes; they show only card
 * fields, which a body edit does not change.
 */
function withReplacedPosts(graph: SiteGraph, replaced: ReadonlyMap<PostNode, PostNode>): SiteGraph {
  const posts = (list: PostNode[]) => list.map((p) => replaced.get(p) ?? p);
  const terms = new Map<Term, Term>();
  const term = (t: Term): Term => {
    let copy = terms.get(t);
    if (!copy) {
      copy = { ...t, posts: posts(t.posts) };
      terms.set(t, copy);
      copy.children = t.children.map(term);
      if (t.parent) copy.parent = term(t.parent);
    }
    return copy;
  };
  return {
    ...graph,
    posts: posts(graph.posts),
    tags: graph.tags.map(term),
    categories: graph.categories.map(term),
    authors: graph.authors.map((a) => ({ ...a, posts: posts(a.posts) })),
    lists: Object.fromEntries(Object.entries(graph.lists).map(([name, list]) => [name, posts(list)])),
  };
}

export interface BodyEditContext extends Pick<SignatureInputs, 'language' | 'translations'> {
  root: string;
  config: SiteConfig;
  outDir: string;
  store: ContentStore;
  state?: BuildStateStore;
  /** The asset URLs templates render with now; if they differ from the last pass's, every page changes. */
  assets: ReadonlyMap<string, string>;
}

/** What a body-edit pass made: its result and, once written, the last good build it becomes. */
export interface BodyEditOutcome {
  result: Omit<BuildResult, 'timings'>;
  /** Absent when the pass failed: the previous last good build stays, untouched. */
  next?: Committed;
}

/** The pages and state a body edit leads to, made without touching the last good build. */
interface BodyEditPlan {
  graph: SiteGraph;
  /** The edited articles' pages, showing the new bodies. */
  routes: PageRoute[];
  /** The edited articles' new graph nodes. */
  nodes: PostNode[];
  next: Committed;
}

/**
 * A rebuild for edits that change only article bodies: the graph and the
 * plan are kept, and only those articles' pages and the feeds are made
 * again. Undefined when the edit is anything else (the full rebuild runs).
 * The last good build (`previous`) is never changed; the caller takes
 * `next` in its place once the pass is written.
 */
export async function runBodyEditPass(ctx: BodyEditContext, previous: Committed, changed: ReadonlySet<string>, stage: Stage, started: number): Promise<BodyEditOutcome | undefined> {
  const { config, outDir } = ctx;
  // Edited, not added, deleted or renamed: the files the last pass read are still the files there are.
  if (![...changed].every((p) => previous.posts.has(p))) return undefined;
  const stillThere = await Promise.all([...changed].map((p) => stat(join(ctx.root, p)).then((s) => s.isFile(), () => false)));
  if (!stillThere.every(Boolean)) return undefined;
  const content = await stage('parse', () => ctx.store.load(previous.files, changed));
  if (hasErrors(content.diagnostics)) return { result: { diagnostics: content.diagnostics } };
  const edited = [...changed].map((p) => ({ before: previous.posts.get(p)!, after: content.posts.find((q) => q.sourcePath === p) }));
  if (!edited.every((e) => e.after && onlyBodyChanged(e.before, e.after))) return undefined;
  const diagnostics = [...content.diagnostics];
  const plan = await collect(Promise.resolve().then(() => planBodyEdit(ctx, previous, edited.map((e) => e.after!), content.versions, diagnostics)), diagnostics);
  if (!plan) return { result: { diagnostics } };
  if (plan === 'full') return undefined;
  const rendered = await stage('render', () => collect(Promise.resolve(renderRoutes(plan.routes, plan.graph, config, previous.engine, previous.externalFeeds)), diagnostics));
  if (!rendered) return { result: { diagnostics } };
  // Dates and terms are unchanged, so sitemaps and the rest are too; only the feeds carry article text.
  const generated = renderFeeds(plan.graph, config, new Set(plan.nodes));
  const outputs: Output[] = [
    ...rendered.map((r) => ({ path: r.route.outputPath, data: r.html })),
    ...generated.map((g) => ({ path: toOutputPath(g.url)!, data: g.data })),
  ];
  await ctx.state?.discard();
  const written = await stage('write', () => writeChanges(outDir, outputs, []));
  const result = {
    diagnostics,
    summary: summarize({
      graph: plan.graph,
      pages: previous.plan.pages.length,
      rendered: rendered.length,
      files: outputs.length,
      written: written.written,
      diagnostics,
      started,
      outDir,
      changedUrls: written.changedPaths.map((p) => previous.urls.get(p) ?? `/${p}`),
      reason: describeChanges(changed, new Map(edited.map((e) => [e.before.sourcePath, e.before])), new Map(edited.map((e) => [e.after!.sourcePath, e.after!]))),
    }),
  };
  return { result, next: plan.next };
}

/** The plan of a body-edit pass; 'full' when the edit changes what every page shows (the full rebuild runs). */
function planBodyEdit(ctx: BodyEditContext, previous: Committed, posts: Post[], versions: ReadonlyMap<string, string>, diagnostics: Diagnostic[]): BodyEditPlan | 'full' {
  const bySource = new Map(posts.map((p) => [p.sourcePath, p]));
  const replaced = new Map<PostNode, PostNode>();
  for (const node of previous.graph.posts) {
    const post = bySource.get(node.sourcePath);
    if (post) replaced.set(node, { ...node, ...bodyOf(post) });
  }
  const graph = withReplacedPosts(previous.graph, replaced);
  const nodes = [...replaced.values()];
  diagnostics.push(...resolveBodyRefs(nodes, graph, previous.engine, ctx.config.baseUrl));
  const signatures = createSignatures({ graph, versions, timeZone: ctx.config.timeZone, externalFeeds: previous.externalFeeds, assets: ctx.assets, language: ctx.language, translations: ctx.translations });
  if (signatures.global !== previous.global) return 'full';
  const pages = previous.plan.pages.map((r) => {
    const post = r.context.post && replaced.get(r.context.post);
    return post ? { ...r, context: { ...r.context, post } } : r;
  });
  const routes = pages.filter((r) => r.context.post && bySource.has(r.context.post.sourcePath));
  const next: Committed = {
    ...previous,
    graph,
    plan: { ...previous.plan, pages },
    signatures: new Map([...previous.signatures, ...routes.map((r) => [r.outputPath, signatures.route(r)] as const)]),
    posts: new Map([...previous.posts, ...posts.map((p) => [p.sourcePath, p] as const)]),
    searchStale: previous.searchStale || ctx.config.search.enabled,
  };
  return { graph, routes, nodes, next };
}

function same(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
