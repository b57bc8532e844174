import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { keyPlace } from '../graph/key-place.js';
import type { PageNode, PostNode, SiteGraph } from '../graph/types.js';
import { imageKeys } from '../content/front-matter-compat.js';
import { bodyImageSources } from './body-images.js';

// Every picture the site shows from its own files, with the place that asks
// for it (for a warning when the file is missing). Pure: reads the graph only.

export interface ImageUse {
  /** Site-relative path of the file: `/images/boat.jpg`, `/2024/05/story/chart.png`. */
  path: string;
  /** As the author wrote it. */
  written: string;
  node: PostNode | PageNode;
  /** The front-matter key that names it; absent for a picture in the body (found in the source text). */
  place?: Partial<Diagnostic>;
}

const notLocal = /^(?:[a-z][a-z0-9+.-]*:|\/\/|#)/i;

/** A body's or front matter's `src` → the site path it names (relative ones against the page's URL, the base path removed), or undefined for remote and data URLs. */
export function toSitePath(src: string, pageUrl: string, basePath: string): string | undefined {
  if (notLocal.test(src.trim()) || src.trim() === '') return undefined;
  let path: string;
  try {
    path = decodeURIComponent(new URL(src.trim(), `https://site.invalid${pageUrl}`).pathname);
  } catch {
    return undefined;
  }
  return basePath && path.startsWith(`${basePath}/`) && src.trim().startsWith(basePath) ? path.slice(basePath.length) : path;
}

export function findImageUses(graph: SiteGraph, basePath: string): ImageUse[] {
  const uses: ImageUse[] = [];
  for (const post of graph.posts) {
    const path = post.image && toSitePath(post.image.src, post.url, basePath);
    if (path) uses.push({ path, written: post.image!.src, node: post, place: keyPlace(post, ...imageKeys) });
  }
  for (const node of [...graph.posts, ...graph.pages]) {
    for (const written of bodyImageSources(node.html)) {
      const path = toSitePath(written, node.url, basePath);
      if (path) uses.push({ path, written, node });
    }
  }
  return uses;
}
