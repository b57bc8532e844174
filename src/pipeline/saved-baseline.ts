import type { BuildStateStore } from '../cache/build-state.js';
import { toOutputPath } from '../routes/output-path.js';
import { listOutputFiles } from '../write/write-outputs.js';
import type { Baseline } from './plan-render.js';
import type { SearchState } from './search-step.js';

/**
 * The saved state of the last complete build as a baseline, when it was made
 * from the same templates (the generator, config and flags are in the
 * store's key) and its pages are still in the output folder; with its search
 * index's chunks whose files are all there too.
 */
export async function loadSavedBaseline(store: BuildStateStore | undefined, templatesKey: string, outDir: string): Promise<(Baseline & { search?: SearchState }) | undefined> {
  const state = await store?.load();
  if (!state || state.templates !== templatesKey) return undefined;
  const files = await listOutputFiles(outDir);
  // A chunk with a file missing is indexed again (its key is blanked); the others are kept.
  const there = (urls: string[]) => urls.every((u) => files.has(toOutputPath(u) ?? ''));
  const search = state.search && there(state.search.bundle) ? { bundle: state.search.bundle, chunks: state.search.chunks.map((c) => (there(c.urls) ? c : { key: '', urls: [] })) } : undefined;
  return { global: state.global, signatures: state.signatures, keeps: (r) => files.has(r.outputPath), search };
}
