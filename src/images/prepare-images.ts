import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { installedVersion } from '../cache/generator-key.js';
import type { SiteConfig } from '../config/schema.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { PostNode, SiteGraph, SizedImage, SocialImage } from '../graph/types.js';
import { toOutputPath } from '../routes/output-path.js';
import type { StaticFile } from '../routes/plan-routes.js';
import { hashOf } from '../text/hash.js';
import { mapLimited } from '../write/map-limited.js';
import { rewriteBodyImages } from './body-images.js';
import { findImageUses, toSitePath, type ImageUse } from './find-image-uses.js';
import { openImageCache, type ImageCache } from './image-cache.js';
import { missingImage, unreadableImage } from './image-problems.js';
import { extensionOfPath, planSocial, planVariants, type ImageJob } from './plan-variants.js';
import { titleCardSvg } from './title-card.js';

// The image stage: every picture an article or page shows from the site's own
// files gets its size, resized copies (planVariants) and, for an article's
// picture, a social-preview raster. Copies are made in parallel, at most one
// per core, into the image cache and copied from there into the output; a
// warm build finds them all there and makes none.

export interface ImageStageInputs {
  root: string;
  config: SiteConfig;
  graph: SiteGraph;
  /** Every file published as it is (content/static/**, page bundles), where it lands in the output. */
  published: readonly StaticFile[];
}

export interface ImageStageResult {
  /** The resized copies and social rasters, as files to copy into the output. */
  files: StaticFile[];
  diagnostics: Diagnostic[];
  /** How many files were encoded this time (0 in a warm build, or when this process made them for another site). */
  encoded: number;
}

interface Source {
  file: StaticFile;
  bytes: Uint8Array;
  hash: string;
  sized?: SizedImage;
}

/** Runs the stage; sets `image.sized`/`image.social` on posts, rewrites body pictures, sets `graph.socialImage`. */
export async function prepareImages({ root, config, graph, published }: ImageStageInputs): Promise<ImageStageResult> {
  const cache = openImageCache(root);
  const codecVersion = `sharp@${installedVersion('sharp')}`;
  const options = { widths: config.images.widths, formats: config.images.formats, codec: codecVersion };
  const diagnostics: Diagnostic[] = [];
  const byOutput = new Map(published.map((f) => [f.outputPath, f]));
  const basePath = new URL(config.baseUrl).pathname.replace(/\/$/, '');
  const uses = findImageUses(graph, basePath);
  const sources = new Map<string, Source | undefined>();
  const jobs = new Map<string, { job: ImageJob; bytes: Uint8Array; source: string }>();
  const addJob = (job: ImageJob, source: Source | { bytes: Uint8Array; file: { source: string } }) => jobs.set(job.outputPath, { job, bytes: source.bytes, source: source.file.source });

  // Read, hash and measure each file once, however many pages show it.
  const load = async (path: string): Promise<Source | undefined> => {
    const file = byOutput.get(toOutputPath(path) ?? '');
    if (!file) return undefined;
    if (sources.has(file.outputPath)) return sources.get(file.outputPath);
    const source = await loadSource(file, cache, diagnostics);
    sources.set(file.outputPath, source);
    return source;
  };
  const found = new Map<ImageUse, Source>();
  for (const use of uses) {
    const source = await load(use.path);
    if (source) found.set(use, source);
    else if (!byOutput.has(toOutputPath(use.path) ?? '')) diagnostics.push(await missingImage(root, use));
  }
  for (const source of new Set(sources.values())) {
    if (!source?.sized) continue;
    const planned = planVariants({ url: `/${source.file.outputPath}`, outputPath: source.file.outputPath, hash: source.hash, width: source.sized.width, height: source.sized.height }, options);
    source.sized = planned.sized;
    for (const job of planned.jobs) addJob(job, source);
  }

  const socialOf = (source: Source, fit: 'cover' | 'contain'): SocialImage => {
    const { image, job } = planSocial({ outputPath: source.file.outputPath, hash: source.hash }, fit, codecVersion);
    addJob(job, source);
    return image;
  };
  annotatePosts(graph, found, socialOf);
  rewriteBodies(graph, found, config.baseUrl);
  graph.socialImage = await siteSocialImage(config, load, socialOf, codecVersion, addJob);

  const todo = [...jobs.values()];
  const missing = await Promise.all(todo.map((t) => cache.has(t.job.key).then((has) => !has)));
  const toEncode = todo.filter((_, i) => missing[i]);
  let encoded = 0;
  const codec = toEncode.some((t) => !recent.has(t.job.key)) ? await import('./sharp-codec.js') : undefined;
  await mapLimited(toEncode, availableParallelism(), async ({ job, bytes }) => {
    let out = recent.get(job.key);
    if (!out) {
      out = job.kind === 'resize' ? await codec!.encodeResized(bytes, job.width, job.format) : await codec!.encodeSocial(bytes, job.fit);
      encoded++;
      remember(job.key, out);
    }
    await cache.put(job.key, out);
  });
  const files = todo.map(({ job, source }) => ({ outputPath: job.outputPath, absPath: cache.pathOf(job.key), source }));
  return { files, diagnostics, encoded };
}

// Small files made in this process, by key: many sites built by one process
// (the test suite, a server hosting previews) share a title card or a logo's
// raster without encoding it again. Bounded: at most 128 files of up to 64 KB.
const recent = new Map<string, Buffer>();
function remember(key: string, bytes: Buffer): void {
  if (bytes.length > 64 * 1024) return;
  if (recent.size >= 128) recent.delete(recent.keys().next().value!);
  recent.set(key, bytes);
}

async function loadSource(file: StaticFile, cache: ImageCache, diagnostics: Diagnostic[]): Promise<Source | undefined> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file.absPath);
  } catch (e) {
    diagnostics.push(unreadableImage(file.source, e));
    return undefined;
  }
  const hash = hashOf(bytes);
  let size = await cache.readSize(hash);
  if (!size) {
    try {
      size = await (await import('./sharp-codec.js')).readImageSize(bytes);
    } catch (e) {
      // An SVG without width, height or viewBox is valid: it takes its box's size, and is shown as it is.
      if (extensionOfPath(file.outputPath) !== 'svg') diagnostics.push(unreadableImage(file.source, e));
      return { file, bytes, hash };
    }
    await cache.writeSize(hash, size);
  }
  return { file, bytes, hash, sized: { src: `/${file.outputPath}`, width: size.width, height: size.height, srcset: '', sources: [] } };
}

function annotatePosts(graph: SiteGraph, found: Map<ImageUse, Source>, socialOf: (s: Source, fit: 'cover') => SocialImage): void {
  for (const [use, source] of found) {
    // Only a front-matter picture has a key place; the node is then a post.
    if (!use.place || !source.sized) continue;
    const post = use.node as PostNode;
    // A new object: the parsed post (kept by the parse cache) stays as it was read.
    post.image = { ...post.image!, sized: source.sized, social: socialOf(source, 'cover') };
  }
}

function rewriteBodies(graph: SiteGraph, found: Map<ImageUse, Source>, baseUrl: string): void {
  const byNode = new Map<ImageUse['node'], Map<string, SizedImage>>();
  for (const [use, source] of found) {
    if (use.place || !source.sized) continue;
    const known = byNode.get(use.node) ?? new Map<string, SizedImage>();
    known.set(use.written, source.sized);
    byNode.set(use.node, known);
  }
  for (const [node, known] of byNode) {
    node.html = rewriteBodyImages(node.html, (src) => known.get(src), baseUrl);
    node.bodyImages = [...known.values()].map((s) => s.src);
  }
}

/** The logo as a 1200×630 raster, or (no logo, or a remote one) a title card. */
async function siteSocialImage(
  config: SiteConfig,
  load: (path: string) => Promise<Source | undefined>,
  socialOf: (s: Source, fit: 'contain') => SocialImage,
  codec: string,
  addJob: (job: ImageJob, source: { bytes: Uint8Array; file: { source: string } }) => void,
): Promise<SocialImage> {
  const logoPath = config.logo ? toSitePath(config.logo, '/', '') : undefined;
  const logo = logoPath ? await load(logoPath) : undefined;
  if (logo) return socialOf(logo, 'contain');
  const bytes = Buffer.from(titleCardSvg(config.title));
  const { image, job } = planSocial({ outputPath: 'social/site.svg', hash: hashOf(bytes) }, 'contain', codec);
  addJob(job, { bytes, file: { source: 'site.config.json' } });
  return image;
}
