import type { GeneratedFile } from '../outputs/generated-file.js';
import type { RenderedPage } from '../render/render-routes.js';
import type { OutputClaim } from '../routes/check-output-paths.js';
import { toOutputPath } from '../routes/output-path.js';
import type { PageRoute, RoutePlan } from '../routes/plan-routes.js';
import type { Output } from '../write/write-outputs.js';

/** Where the search index lives; the whole folder is claimed before its files exist. */
export const searchFolder = 'pagefind/';

/**
 * Every output path the pass will write, known before anything renders:
 * pages, copies, generated files, and the search index's folder.
 */
export function claimsOf(plan: RoutePlan, generated: GeneratedFile[], searchEnabled: boolean): OutputClaim[] {
  return [
    ...plan.pages,
    ...plan.copies,
    ...generated.map((g) => ({ url: g.url, outputPath: toOutputPath(g.url) ?? '', origin: g.origin, place: g.place })),
    ...(searchEnabled ? [{ outputPath: searchFolder, origin: 'search index (/pagefind/)' }] : []),
  ];
}

export interface OutputFiles {
  outputs: Output[];
  /** Every output path of the site → its URL. */
  urls: Map<string, string>;
}

/**
 * What the write stage gets: pages rendered this pass and kept in memory,
 * pages kept from the previous output, copies, generated and search files.
 */
export function outputFilesOf(plan: RoutePlan, rendered: RenderedPage[], fresh: ReadonlySet<PageRoute>, generated: GeneratedFile[], keptUrls: string[]): OutputFiles {
  const kept = keptUrls.map((url) => ({ url, outputPath: toOutputPath(url) ?? '' }));
  const files = generated.map((g) => ({ ...g, outputPath: toOutputPath(g.url) ?? '' }));
  const outputs: Output[] = [
    ...rendered.map((r) => ({ path: r.route.outputPath, data: r.html })),
    ...plan.pages.filter((r) => !fresh.has(r)).map((r) => ({ path: r.outputPath, unchanged: true as const })),
    ...kept.map((k) => ({ path: k.outputPath, unchanged: true as const })),
    ...plan.copies.map((c) => ({ path: c.outputPath, copyFrom: c.copyFrom })),
    ...files.map((g) => ({ path: g.outputPath, data: g.data })),
  ];
  const urls = new Map<string, string>([
    ...plan.pages.map((r) => [r.outputPath, r.url] as const),
    ...plan.copies.map((c) => [c.outputPath, `/${c.outputPath}`] as const),
    ...[...files, ...kept].map((g) => [g.outputPath, g.url] as const),
  ]);
  return { outputs, urls };
}
