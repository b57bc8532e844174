import { SiteError } from '../diagnostics/diagnostic.js';
import type { Logger } from '../log.js';
import type { GithubOutput } from './github-output.js';
import { exitCodes } from './exit-codes.js';
import { reportDiagnostics } from './report-diagnostics.js';

/**
 * Runs a command body and turns a SiteError into printed diagnostics and an
 * exit code: config and usage problems (MS1xx, MS0xx) exit 2, the rest 1.
 * Anything else is a bug in migrant-site and keeps its stack trace.
 * Under GitHub Actions the diagnostics are annotations too.
 */
export async function runGuarded(logger: Logger, body: () => Promise<number>, github?: GithubOutput): Promise<number> {
  try {
    return await body();
  } catch (e) {
    if (!(e instanceof SiteError)) throw e;
    reportDiagnostics(e.diagnostics, logger);
    github?.annotate(e.diagnostics);
    return e.diagnostics.some((d) => /^MS[01]/.test(d.code)) ? exitCodes.usageError : exitCodes.contentError;
  }
}
