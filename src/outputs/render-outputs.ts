import type { SiteConfig } from '../config/schema.js';
import type { SiteGraph } from '../graph/types.js';
import type { GeneratedFile, RenderedPageInfo } from './generated-file.js';

/** Every non-template output of the site, from the graph and the rendered pages. */
export async function renderOutputs(graph: SiteGraph, config: SiteConfig, pages: RenderedPageInfo[]): Promise<GeneratedFile[]> {
  const files: GeneratedFile[] = [];
  return files;
}
