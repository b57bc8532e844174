// A category that is its own ancestor would send breadcrumbs and parent pages
// round forever; find every such loop once, in the order the file lists them.

/** Each cycle as the names along it, e.g. ['Europe', 'Greece'] for Europe → Greece → Europe. */
export function findCategoryCycles(terms: Record<string, { parent?: string }>): string[][] {
  const cycles: string[][] = [];
  const settled = new Set<string>();
  for (const start of Object.keys(terms)) {
    const trail: string[] = [];
    let current: string | undefined = start;
    while (current !== undefined && Object.hasOwn(terms, current) && !settled.has(current) && !trail.includes(current)) {
      trail.push(current);
      current = terms[current].parent;
    }
    if (current !== undefined && trail.includes(current)) cycles.push(trail.slice(trail.indexOf(current)));
    for (const name of trail) settled.add(name);
  }
  return cycles;
}
