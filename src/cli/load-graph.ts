import type { SiteConfig } from '../config/schema.js';
import { codes } from '../diagnostics/codes.js';
import { error, hasErrors, SiteError } from '../diagnostics/diagnostic.js';
import type { SiteGraph } from '../graph/types.js';
import type { Logger } from '../log.js';
import { clockOf } from './shared-options.js';
import { reportDiagnostics } from './report-diagnostics.js';

export interface GraphFlags {
  config: string;
  drafts?: boolean;
  future?: boolean;
  now?: string;
}

/** The site graph for the inspection commands; content errors stop them like a build. */
export async function loadGraphFor(flags: GraphFlags, logger: Logger): Promise<{ graph: SiteGraph; config: SiteConfig }> {
  const [{ createParsePool }, { openSite }] = await Promise.all([import('../pipeline/create-parse-pool.js'), import('../pipeline/run-build.js')]);
  const pool = createParsePool();
  try {
    const { builder, config } = await openSite({ configPath: flags.config, drafts: flags.drafts, future: flags.future, now: clockOf(flags), logger }, pool);
    const { graph, diagnostics } = await builder.loadGraph();
    const errors = diagnostics.filter((d) => d.severity === 'error');
    if (hasErrors(diagnostics)) throw new SiteError(errors);
    reportDiagnostics(diagnostics, logger);
    return { graph, config };
  } finally {
    await pool.close();
  }
}

export function notFound(what: string, hint: string): SiteError {
  return new SiteError(error(codes.usage, what, { hint }));
}
