import type { SiteConfig } from '../config/schema.js';
import { toOutputPath } from '../routes/output-path.js';
import { hashOf } from '../text/hash.js';
import type { OutputFiles } from './output-claims.js';
import { renderShardManifest, shardManifestFormat, shardManifestName, type ShardManifest } from './shard-manifest.js';
import { inShard, type Shard } from './shard-slice.js';
import type { Prepared } from './site-pass.js';

// `build --shard k/n`: every shard loads the whole site and plans every route
// (cheap next to rendering), then keeps the output files that hash to it:
// pages, copies and generated files alike. The search index is left to
// `merge`, which makes it from the assembled pages (see merge-shards.ts).

export interface ShardTarget {
  shard: Shard;
  /** The generator key (cache/generator-key.ts) of the code building the shard. */
  generator: string;
}

/** The part of a prepared pass that one shard renders and writes, with its manifest minus the file list. */
export function sliceForShard(p: Prepared, target: ShardTarget, config: SiteConfig, flags: { drafts: boolean; future: boolean }): Prepared {
  const mine = (path: string) => inShard(target.shard, path);
  const generatedPath = (url: string) => toOutputPath(url) ?? '';
  const { outDir: _, ...site } = config;
  const manifest: Omit<ShardManifest, 'files'> = {
    format: shardManifestFormat,
    shard: target.shard,
    generator: target.generator,
    config: { site, drafts: flags.drafts, future: flags.future },
    site: siteKeyOf(p),
    articles: p.plan.pages
      .filter((r) => r.meta.kind === 'post')
      .map((r, position): [number, string, string] => [position, r.url, r.outputPath])
      .filter(([, , path]) => mine(path)),
  };
  return {
    ...p,
    plan: { pages: p.plan.pages.filter((r) => mine(r.outputPath)), copies: p.plan.copies.filter((c) => mine(c.outputPath)) },
    generated: p.generated.filter((g) => mine(generatedPath(g.url))),
    toRender: {
      ...p.toRender,
      signatures: new Map([...p.toRender.signatures].filter(([path]) => mine(path))),
      dirty: p.toRender.dirty.filter((r) => mine(r.outputPath)),
    },
    shardManifest: manifest,
  };
}

/** Shards of one site agree on this: every output path, every page's signature (what it shows) and every generated file. */
function siteKeyOf(p: Prepared): string {
  return hashOf(
    p.toRender.global,
    ...p.plan.pages.flatMap((r) => [r.outputPath, p.toRender.signatures.get(r.outputPath) ?? '']),
    ...p.plan.copies.map((c) => c.outputPath),
    ...p.generated.flatMap((g) => [g.url, hashOf(g.data)]),
  );
}

/** Adds the shard's manifest, listing every file it writes, to what the pass writes. */
export function withShardManifest(files: OutputFiles, manifest: Omit<ShardManifest, 'files'>): OutputFiles {
  // `urls` has every file of the pass, including pages a full build wrote as they rendered (they are not among `outputs`).
  const paths = [...files.urls.keys()].sort();
  const data = renderShardManifest({ ...manifest, files: paths });
  return { outputs: [...files.outputs, { path: shardManifestName, data }], urls: new Map([...files.urls, [shardManifestName, `/${shardManifestName}`]]) };
}
