import type { Command } from 'commander';
import { cliLogger, type Cli } from './cli-io.js';
import { exitCodes } from './exit-codes.js';
import { parseFormat, parseNow, parseWorkers } from './parse-flags.js';
import { reportDiagnostics } from './report-diagnostics.js';
import { runGuarded } from './run-guarded.js';
import { createGithubOutput, toMarkdownTable } from './github-output.js';
import type { BuildSummary } from '../pipeline/build-pass.js';
import type { Shard } from '../pipeline/shard-slice.js';
import { shardOption } from './shard-option.js';

export interface BuildFlags {
  config: string;
  out?: string;
  baseUrl?: string;
  drafts?: boolean;
  future?: boolean;
  now?: string;
  quiet?: boolean;
  verbose?: boolean;
  workers?: string;
  cache?: boolean;
  offline?: boolean;
  strict?: boolean;
  format?: string;
  shard?: Shard;
}

export function addBuildCommand(program: Command, cli: Cli): void {
  program
    .command('build')
    .description('build the site from content/, templates/ and site.config.json into the output folder')
    .option('-c, --config <file>', 'site config file', 'site.config.json')
    .option('-o, --out <dir>', 'output folder (default: "outDir" from the config, else dist)')
    .option('--base-url <url>', 'override the config\'s baseUrl, e.g. for a preview deploy')
    .option('--drafts', 'include articles with draft: true')
    .option('--future', 'include articles dated after the build\'s clock')
    .option('--now <date>', 'the build\'s clock as an ISO date, for reproducible builds (default: now)')
    .option('--no-cache', 'parse every file again instead of reusing .cache/migrant-site/')
    .option('--offline', 'show external feeds from their cached copies only; fetch nothing')
    .option('--strict', 'fail (exit 1, nothing written) when an external feed cannot be fetched, instead of warning')
    .option('--workers <n>', 'worker threads for markdown (0: none; default: one per core)')
    .option('-q, --quiet', 'print only warnings and errors')
    .option('-v, --verbose', 'print the time each stage took')
    .option('--format <format>', 'text, or github: also print each problem as a GitHub Actions annotation (the default under GITHUB_ACTIONS=true)', 'text')
    .addOption(shardOption())
    .action(async (flags: BuildFlags) => {
      cli.exitCode = await buildOnce(flags, cli);
    });
}

export async function buildOnce(flags: BuildFlags, cli: Cli): Promise<number> {
  const logger = cliLogger(cli, { quiet: flags.quiet, verbose: flags.verbose });
  const github = createGithubOutput({ forced: flags.format === 'github', env: cli.env, write: (t) => void cli.stdout.write(t) });
  return runGuarded(logger, async () => {
    parseFormat(flags.format, ['text', 'github']);
    const now = parseNow(flags.now);
    // Loaded on use, so `--version` and `--help` start without the build's libraries.
    const { runBuild } = await import('../pipeline/run-build.js');
    const result = await runBuild({
      configPath: flags.config,
      outDir: flags.out,
      baseUrl: flags.baseUrl,
      drafts: flags.drafts,
      future: flags.future,
      now,
      logger,
      workers: parseWorkers(flags.workers),
      cache: flags.cache,
      offline: flags.offline,
      strict: flags.strict,
      shard: flags.shard,
    });
    reportDiagnostics(result.diagnostics, logger);
    github?.annotate(result.diagnostics);
    const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
    if (!result.summary) {
      logger.error(`build failed with ${errors} ${errors === 1 ? 'error' : 'errors'}; the previous output was left as it was`);
      return exitCodes.contentError;
    }
    const s = result.summary;
    const skipped = s.skipped.drafts + s.skipped.future > 0 ? `, skipped ${s.skipped.drafts} drafts and ${s.skipped.future} future` : '';
    const part = flags.shard ? ` (shard ${flags.shard.index}/${flags.shard.count})` : '';
    logger.info(
      `built ${s.pages} pages${part} (${s.written} files changed) from ${s.posts} posts, ${s.tags} tags, ${s.categories} categories${skipped}; ${s.warnings} warnings; ${Math.round(s.ms)} ms`,
    );
    await github?.summarize(summaryTable(s));
    return exitCodes.ok;
  }, github);
}

/** The job summary of a build: one table row. */
function summaryTable(s: BuildSummary): string {
  const shown = s.changedUrls.slice(0, 10);
  const more = s.changedUrls.length > shown.length ? `\n… and ${s.changedUrls.length - shown.length} more` : '';
  return toMarkdownTable('migrant-site build', {
    pages: s.pages,
    posts: s.posts,
    warnings: s.warnings,
    time: `${(s.ms / 1000).toFixed(1)} s`,
    changed: s.written === 0 ? 'nothing' : `${s.written} files${shown.length ? `:\n${shown.join('\n')}${more}` : ''}`,
  });
}
