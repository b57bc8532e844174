import type { SiteConfig } from '../config/schema.js';
import type { Shard } from './shard-slice.js';

/**
 * What a `build --shard k/n` output folder says about itself, so that
 * `merge` can refuse shards that do not make one site. Written into the
 * shard's folder beside its files; never part of a merged site.
 */
export interface ShardManifest {
  format: typeof shardManifestFormat;
  shard: Shard;
  /** The generator's code and dependencies (see cache/generator-key.ts): every shard and the merge run the same code. */
  generator: string;
  /** The config as the build used it (flags applied, without the output folder), and the flags that choose articles. */
  config: ShardConfig;
  /** Hash of the whole site's plan: every output path, what every page shows, every generated file's bytes. */
  site: string;
  /** This shard's files, relative to its folder, sorted. */
  files: string[];
  /** This shard's article pages: [position among all the site's articles, URL, output path] (the search index takes them in site order). */
  articles: [number, string, string][];
}

export interface ShardConfig {
  site: Omit<SiteConfig, 'outDir'>;
  drafts: boolean;
  future: boolean;
}

export const shardManifestName = '.migrant-shard.json';

export const shardManifestFormat = 'migrant-site shard 1';

export function renderShardManifest(manifest: ShardManifest): string {
  return `${JSON.stringify(manifest, null, 1)}\n`;
}

/** The manifest's text as a ShardManifest, or the reason it is not one (it is untrusted input, like the caches). */
export function parseShardManifest(text: string): ShardManifest | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return `not JSON (${(e as Error).message})`;
  }
  const m = value as Partial<ShardManifest> | null;
  if (m?.format !== shardManifestFormat) return `unknown format ${JSON.stringify(m?.format)} (this migrant-site reads "${shardManifestFormat}")`;
  const isInt = (n: unknown) => Number.isInteger(n);
  const shardOk = isInt(m.shard?.index) && isInt(m.shard?.count) && m.shard!.index >= 1 && m.shard!.index <= m.shard!.count;
  const config = m.config as Partial<ShardConfig> | undefined;
  const configOk = typeof config?.site === 'object' && config.site !== null && typeof config.drafts === 'boolean' && typeof config.future === 'boolean';
  const filesOk = Array.isArray(m.files) && m.files.every((f) => typeof f === 'string');
  const articlesOk = Array.isArray(m.articles) && m.articles.every((a) => Array.isArray(a) && a.length === 3 && isInt(a[0]) && typeof a[1] === 'string' && typeof a[2] === 'string');
  if (!shardOk || !configOk || !filesOk || !articlesOk || typeof m.generator !== 'string' || typeof m.site !== 'string') return 'a field is missing or has the wrong type';
  return m as ShardManifest;
}
