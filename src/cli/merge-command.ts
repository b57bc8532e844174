import type { Command } from 'commander';
import { cliLogger, type Cli } from './cli-io.js';
import { exitCodes } from './exit-codes.js';
import { createGithubOutput } from './github-output.js';
import { reportDiagnostics } from './report-diagnostics.js';
import { runGuarded } from './run-guarded.js';
import { configOption, formatOption, outDirOption, quietOption } from './shared-options.js';

interface MergeFlags {
  config: string;
  out?: string;
  quiet?: boolean;
  verbose?: boolean;
  format?: string;
}

export function addMergeCommand(program: Command, cli: Cli): void {
  program
    .command('merge')
    .description('assemble the output folders of `build --shard k/n` (all n of them) into the site, with its search index')
    .argument('<shards...>', 'the shards\' output folders')
    .addOption(configOption())
    .addOption(outDirOption())
    .addOption(quietOption())
    .option('-v, --verbose', 'print the time each stage took')
    .addOption(formatOption(['text', 'github'], 'text, or github: also print each problem as a GitHub Actions annotation (the default under GITHUB_ACTIONS=true)'))
    .action(async (shardDirs: string[], flags: MergeFlags) => {
      const logger = cliLogger(cli, { quiet: flags.quiet, verbose: flags.verbose });
      const github = createGithubOutput({ forced: flags.format === 'github', env: cli.env, write: (t) => void cli.stdout.write(t) });
      cli.exitCode = await runGuarded(logger, async () => {
        const { runMerge } = await import('../pipeline/run-merge.js');
        const s = await runMerge({ shardDirs, configPath: flags.config, outDir: flags.out, logger });
        reportDiagnostics(s.warnings, logger);
        github?.annotate(s.warnings);
        const search = s.indexed > 0 ? `, search index of ${s.indexed} articles` : '';
        logger.info(`merged ${s.shards} shards into ${s.outDir}: ${s.files} files (${s.written} changed)${search}; ${Math.round(s.ms)} ms`);
        return exitCodes.ok;
      }, github);
    });
}
