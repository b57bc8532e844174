import type { SiteConfig } from '../config/schema.js';
import { codes } from '../diagnostics/codes.js';
import { error, warning, type Diagnostic } from '../diagnostics/diagnostic.js';
import { termKey } from './term-key.js';

export interface ConfiguredCategory {
  /** The config's own spelling. */
  name: string;
  description?: string;
  parentKey?: string;
}

export interface CategoryTree {
  /** By identity key: configured categories and every parent they name. */
  nodes: Map<string, ConfiguredCategory>;
  diagnostics: Diagnostic[];
}

type CategoryTerms = SiteConfig['taxonomies']['categories']['terms'];

/** Reads `taxonomies.categories.terms` into a parent map keyed by identity, with cycles cut. */
export function readCategoryTree(terms: CategoryTerms): CategoryTree {
  const diagnostics: Diagnostic[] = [];
  const nodes = new Map<string, ConfiguredCategory>();
  const parents: string[] = [];
  for (const [name, spec] of Object.entries(terms)) {
    const key = termKey(name);
    const existing = nodes.get(key);
    if (existing) {
      diagnostics.push(
        warning(codes.termVariants, `taxonomies.categories.terms has "${existing.name}" and "${name}", which are one category`, {
          hint: `keep one entry; "${name}" is ignored`,
        }),
      );
      continue;
    }
    nodes.set(key, { name, description: spec.description, parentKey: spec.parent === undefined ? undefined : termKey(spec.parent) });
    if (spec.parent !== undefined) parents.push(spec.parent);
  }
  // Parents need no entry of their own: "Europe" exists once "Greece" names it.
  for (const parent of parents) {
    if (!nodes.has(termKey(parent))) nodes.set(termKey(parent), { name: parent });
  }
  diagnostics.push(...cutCycles(nodes));
  return { nodes, diagnostics };
}

function cutCycles(nodes: Map<string, ConfiguredCategory>): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const settled = new Set<string>();
  for (const start of nodes.keys()) {
    const path: string[] = [];
    const onPath = new Set<string>();
    let key: string | undefined = start;
    while (key !== undefined && !settled.has(key)) {
      if (onPath.has(key)) {
        const cycle = [...path.slice(path.indexOf(key)), key].map((k) => nodes.get(k)?.name ?? k);
        diagnostics.push(
          error(codes.categoryCycle, `categories form a cycle: ${cycle.join(' → ')}`, {
            hint: `remove the parent of "${nodes.get(path[path.length - 1])?.name}" in taxonomies.categories.terms`,
          }),
        );
        delete nodes.get(path[path.length - 1])!.parentKey;
        break;
      }
      path.push(key);
      onPath.add(key);
      key = nodes.get(key)?.parentKey;
    }
    for (const k of path) settled.add(k);
  }
  return diagnostics;
}
