import type { Command } from 'commander';
import { cliLogger, type Cli } from './cli-io.js';
import { exitCodes } from './exit-codes.js';
import { baseUrlOption, clockOf, configOption, draftsOption, formatOption, futureOption, nowOption, offlineOption, outDirOption, quietOption, workersOption } from './shared-options.js';
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
  workers?: number;
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
    .addOption(configOption())
    .addOption(outDirOption())
    .addOption(baseUrlOption('override the config\'s baseUrl, e.g. for a preview deploy'))
    .addOption(draftsOption())
    .addOption(futureOption())
    .addOption(nowOption())
    .option('--no-cache', 'parse every file again instead of reusing .cache/migrant-site/')
    .addOption(offlineOption())
    .option('--strict', 'fail (exit 1, nothing written) when an external feed cannot be fetched, instead of warning')
    .addOption(workersOption())
    .addOption(quietOption())
    .option('-v, --verbose', 'print the time each stage took')
    .addOption(formatOption(['text', 'github'], 'text, or github: also print each problem as a GitHub Actions annotation (the default under GITHUB_ACTIONS=true)'))
    .addOption(shardOption())
    .action(async (flags: BuildFlags) => {
      cli.exitCode = await buildOnce(flags, cli);
    });
}

export async function buildOnce(flags: BuildFlags, cli: Cli): Promise<number> {
  const logger = cliLogger(cli, { quiet: flags.quiet, verbose: flags.verbose });
  const github = createGithubOutput({ forced: flags.format === 'github', env: cli.env, write: (t) => void cli.stdout.write(t) });
  return runGuarded(logger, async () => {
    // Loaded on use, so `--version` and `--help` start without the build's libraries.
    const { runBuild } = await import('../pipeline/run-build.js');
    const result = await runBuild({
      configPath: flags.config,
      outDir: flags.out,
      baseUrl: flags.baseUrl,
      drafts: flags.drafts,
      future: flags.future,
      now: clockOf(flags),
      logger,
      workers: flags.workers,
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
    const made = s.unchanged ? `nothing changed since the last build: kept ${s.pages} pages${part}` : `built ${s.pages} pages${part} (${s.written} files changed)`;
    logger.info(`${made} from ${s.posts} posts, ${s.tags} tags, ${s.categories} categories${skipped}; ${s.warnings} warnings; ${Math.round(s.ms)} ms`);
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
