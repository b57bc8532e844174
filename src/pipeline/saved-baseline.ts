import type { BuildStateStore } from '../cache/build-state.js';
import { toOutputPath } from '../routes/output-path.js';
import { listOutputFiles } from '../write/write-outputs.js';
import type { Baseline } from './plan-render.js';

/**
 * The saved state of the last complete build as a baseline, when it was made
 * from the same templates (the generator, config and flags are in the
 * store's key) and its pages are still in the output folder; with its search
 * index, when every file of it is there too.
 */
export async function loadSavedBaseline(store: BuildStateStore | undefined, templatesKey: string, outDir: string): Promise<(Baseline & { search?: { key: string; urls: string[] } }) | undefined> {
  const state = await store?.load();
  if (!state || state.templates !== templatesKey) return undefined;
  const files = await listOutputFiles(outDir);
  const search = state.search && state.search.urls.every((u) => files.has(toOutputPath(u) ?? '')) ? state.search : undefined;
  return { global: state.global, signatures: state.signatures, keeps: (r) => files.has(r.outputPath), search };
}
