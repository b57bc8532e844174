import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { SiteConfig } from '../config/schema.js';
import { hasErrors } from '../diagnostics/diagnostic.js';
import type { Post, PostNode } from '../graph/types.js';
import { renderFeeds } from '../outputs/feeds.js';
import { toOutputPath } from '../routes/output-path.js';
import { renderRoutes } from '../render/render-routes.js';
import { resolveBodyRefs } from '../render/resolve-body-refs.js';
import { collect, summarize, type BuildResult, type Committed, type Stage } from './build-pass.js';
import type { BuildStateStore } from '../cache/build-state.js';
import type { ContentStore } from './content-store.js';
import { describeChanges } from './describe-changes.js';
import { createSignatures, type SignatureInputs } from './route-signatures.js';
import { writeChanges } from '../write/write-changes.js';
import type { Output } from '../write/write-outputs.js';

// The common edit while writing: words in an article's body, below its
// summary. Nothing the graph, the lists or any other page shows changes, so
// the graph can be kept and only the article's own page (and the feeds, which
// carry its text) made again.

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

/** Puts a post's new body into its graph node; returns what it replaced, to undo a failed pass. */
function replaceBody(node: PostNode, post: Post): BodyFields {
  const old: BodyFields = { html: node.html, bodyRefs: node.bodyRefs, wordCount: node.wordCount, headings: node.headings, positions: node.positions };
  Object.assign(node, { html: post.html, bodyRefs: post.bodyRefs, wordCount: post.wordCount, headings: post.headings, positions: post.positions });
  return old;
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

/**
 * A rebuild for edits that change only article bodies: the graph and the
 * plan are kept, and only those articles' pages and the feeds are made
 * again. Undefined when the edit is anything else (the full rebuild runs).
 */
export async function runBodyEditPass(ctx: BodyEditContext, previous: Committed, changed: ReadonlySet<string>, stage: Stage, started: number): Promise<Omit<BuildResult, 'timings'> | undefined> {
  const { root, config, outDir, store } = ctx;
  // Edited, not added, deleted or renamed: the files the last pass read are still the files there are.
  if (![...changed].every((p) => previous.posts.has(p))) return undefined;
  const stillThere = await Promise.all([...changed].map((p) => stat(join(root, p)).then((s) => s.isFile(), () => false)));
  if (!stillThere.every(Boolean)) return undefined;
  const content = await stage('parse', () => store.load(previous.files, changed));
  if (hasErrors(content.diagnostics)) return { diagnostics: content.diagnostics };
  const edited = [...changed].map((p) => ({ before: previous.posts.get(p)!, after: content.posts.find((q) => q.sourcePath === p) }));
  if (!edited.every((e) => e.after && onlyBodyChanged(e.before, e.after))) return undefined;
  const nodes = new Map(previous.graph.posts.map((n) => [n.sourcePath, n]));
  const undo = edited.flatMap(({ after }) => {
    const node = nodes.get(after!.sourcePath);
    return node ? [{ node, old: replaceBody(node, after!) }] : [];
  });
  const diagnostics = [...content.diagnostics, ...resolveBodyRefs(undo.map((u) => u.node), previous.graph, previous.engine, config.baseUrl)];
  const signatures = createSignatures({ graph: previous.graph, versions: content.versions, timeZone: config.timeZone, externalFeeds: previous.externalFeeds, assets: ctx.assets, language: ctx.language, translations: ctx.translations });
  const routes = previous.plan.pages.filter((r) => r.context.post && changed.has(r.context.post.sourcePath));
  const rendered = await stage('render', () => collect(Promise.resolve(renderRoutes(routes, previous.graph, config, previous.engine, previous.externalFeeds)), diagnostics));
  if (!rendered || signatures.global !== previous.global) {
    for (const { node, old } of undo) Object.assign(node, old);
    return rendered ? undefined : { diagnostics };
  }
  // Dates and terms are unchanged, so sitemaps and the rest are too; only the feeds carry article text.
  const generated = renderFeeds(previous.graph, config, new Set(undo.map((u) => u.node)));
  const outputs: Output[] = [
    ...rendered.map((r) => ({ path: r.route.outputPath, data: r.html })),
    ...generated.map((g) => ({ path: toOutputPath(g.url)!, data: g.data })),
  ];
  await ctx.state?.discard();
  const written = await stage('write', () => writeChanges(outDir, outputs, []));
  for (const r of routes) previous.signatures.set(r.outputPath, signatures.route(r));
  for (const { after } of edited) previous.posts.set(after!.sourcePath, after!);
  previous.searchStale ||= config.search.enabled;
  return {
    diagnostics,
    summary: summarize({
      graph: previous.graph,
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
}


function same(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
