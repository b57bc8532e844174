import type { BuildStateStore } from '../cache/build-state.js';
import { verifyOutputs, type OutputStats } from '../cache/output-stats.js';
import { toOutputPath } from '../routes/output-path.js';
import type { Baseline } from './plan-render.js';
import type { SearchState } from './search-step.js';

export interface SavedBaseline extends Baseline {
  search?: SearchState;
  /** The saved record of the output folder, and the files of it still as recorded (the rest were deleted or edited since). */
  outputs: { saved: OutputStats; same: ReadonlySet<string> };
}

/**
 * The saved state of the last complete build as a baseline, when it was made
 * from the same templates (the generator, config and flags are in the
 * store's key). A page is kept only while its file is still in the output
 * folder with the size and mtime the state recorded; the search index's
 * chunks, when every file of theirs is.
 */
export async function loadSavedBaseline(store: BuildStateStore | undefined, templatesKey: string, outDir: string): Promise<SavedBaseline | undefined> {
  const state = await store?.load();
  if (!state || state.templates !== templatesKey) return undefined;
  const same = verifyOutputs(outDir, state.outputs);
  // A chunk with a file missing or changed is indexed again (its key is blanked); the others are kept.
  const there = (urls: string[]) => urls.every((u) => same.has(toOutputPath(u) ?? ''));
  const search = state.search && there(state.search.bundle) ? { bundle: state.search.bundle, chunks: state.search.chunks.map((c) => (there(c.urls) ? c : { key: '', urls: [] })) } : undefined;
  return { global: state.global, signatures: state.signatures, keeps: (r) => same.has(r.outputPath), search, outputs: { saved: state.outputs, same } };
}
