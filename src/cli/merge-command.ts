import type { Command } from 'commander';
import { cliLogger, type Cli } from './cli-io.js';
import { exitCodes } from './exit-codes.js';
import { createGithubOutput } from './github-output.js';
import { parseFormat } from './parse-flags.js';
import { reportDiagnostics } from './report-diagnostics.js';
import { runGuarded } from './run-guarded.js';

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
    .option('-c, --config <file>', 'site config file (the site folder and the default output folder)', 'site.config.json')
    .option('-o, --out <dir>', 'output folder (default: "outDir" from the config, else dist)')
    .option('-q, --quiet', 'print only warnings and errors')
    .option('-v, --verbose', 'print the time each stage took')
    .option('--format <format>', 'text, or github: also print each problem as a GitHub Actions annotation (the default under GITHUB_ACTIONS=true)', 'text')
    .action(async (shardDirs: string[], flags: MergeFlags) => {
      const logger = cliLogger(cli, { quiet: flags.quiet, verbose: flags.verbose });
      const github = createGithubOutput({ forced: flags.format === 'github', env: cli.env, write: (t) => void cli.stdout.write(t) });
      cli.exitCode = await runGuarded(logger, async () => {
        parseFormat(flags.format, ['text', 'github']);
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
