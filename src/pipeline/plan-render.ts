import type { PageRoute } from '../routes/plan-routes.js';
import type { TemplateEngine } from '../render/template-engine.js';
import { memoize } from '../text/memoize.js';
import { createSignatures, type SignatureInputs, type SignedRoute } from './route-signatures.js';

/**
 * What an earlier build left that this one may keep: its page signatures,
 * and which of its pages are still in the output folder and made from the
 * same templates. Either the last pass of this process (serve --watch) or
 * the saved state of the last complete build (a warm CLI build).
 */
export interface Baseline {
  global: string;
  signatures: ReadonlyMap<string, string>;
  keeps(route: PageRoute): boolean;
}

export interface RenderPlan {
  global: string;
  /** Output path → signature, for every page. */
  signatures: Map<string, string>;
  /** The pages to render, in plan order. */
  dirty: PageRoute[];
  /** How many pages were hashed: those whose signature parts differ from `earlier`'s (all of them without it). */
  hashed: number;
  /** Output path → signature and parts, for every page, when planRender was given `earlier`: the next pass's `earlier`. */
  signed?: Map<string, SignedRoute>;
}

/**
 * Which pages must render: those whose signature changed since the baseline,
 * or that it cannot keep. With `earlier` (the last pass's signed pages, or an
 * empty map for the first pass of serve --watch), a page whose signature
 * parts are those `earlier` has for its output path keeps that signature
 * unhashed, and the plan keeps every page's parts for the next pass.
 */
export function planRender(inputs: SignatureInputs, routes: PageRoute[], baseline?: Baseline, earlier?: ReadonlyMap<string, SignedRoute>): RenderPlan {
  const made = createSignatures(inputs);
  const signatures = new Map<string, string>();
  const signed = earlier && new Map<string, SignedRoute>();
  let hashed = 0;
  for (const r of routes) {
    const last = earlier?.get(r.outputPath);
    const now = made.sign(r, last);
    if (now !== last) hashed++;
    signatures.set(r.outputPath, now.signature);
    signed?.set(r.outputPath, now);
  }
  const same = (r: PageRoute) => !!baseline && baseline.global === made.global && baseline.signatures.get(r.outputPath) === signatures.get(r.outputPath) && baseline.keeps(r);
  return { global: made.global, signatures, dirty: routes.filter((r) => !same(r)), hashed, signed };
}

/** The baseline of the last pass in this process: its pages are kept unless their layout uses a changed template. */
export function lastPassBaseline(last: { global: string; signatures: ReadonlyMap<string, string> }, engine: TemplateEngine, changedTemplates: ReadonlySet<string>): Baseline {
  // Asked for every page, answered once per layout: walking a layout's partials for each of 31,000 pages took a second.
  const readsChanged = memoize((layout: string) => [...engine.filesOf(layout), ...engine.filesOf('base')].some((f) => changedTemplates.has(f)));
  return { ...last, keeps: (r) => !readsChanged(r.layout) };
}
