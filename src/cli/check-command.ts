import type { Command } from 'commander';
import { cliLogger, type Cli } from './cli-io.js';
import { exitCodes } from './exit-codes.js';
import { createGithubOutput, toMarkdownTable } from './github-output.js';
import { baseUrlOption, clockOf, configOption, formatOption, nowOption, workersOption } from './shared-options.js';
import { reportDiagnostics } from './report-diagnostics.js';
import { runGuarded } from './run-guarded.js';

interface CheckFlags {
  config: string;
  baseUrl?: string;
  now?: string;
  workers?: number;
  external?: boolean;
  format: string;
  strict?: boolean;
}

export function addCheckCommand(program: Command, cli: Cli): void {
  program
    .command('check')
    .description('check config, content and the built site (links, anchors, drafts, alt text, headings, ids, titles, canonical URLs) without writing the output folder')
    .addOption(configOption())
    .addOption(baseUrlOption())
    .addOption(nowOption('the build\'s clock as an ISO date (default: now)'))
    .addOption(workersOption())
    .option('--external', 'also fetch external links (10 s timeout, 4 at a time; good answers cached for a week)')
    .addOption(formatOption(['text', 'json', 'github'], 'text, json (one JSON document on stdout) or github (text plus GitHub Actions annotations; the default under GITHUB_ACTIONS=true)'))
    .option('--strict', 'exit 1 on warnings too')
    .action(async (flags: CheckFlags) => {
      cli.exitCode = await checkOnce(flags, cli);
    });
}

export async function checkOnce(flags: CheckFlags, cli: Cli): Promise<number> {
  const json = flags.format === 'json';
  // With --format json, stdout carries only the report.
  const logger = cliLogger(cli, { quiet: json });
  const github = json ? undefined : createGithubOutput({ forced: flags.format === 'github', env: cli.env, write: (t) => void cli.stdout.write(t) });
  return runGuarded(logger, async () => {
    // Loaded on use, so `--version` and `--help` start without the build's libraries.
    const { runCheck } = await import('../check/run-check.js');
    const result = await runCheck({
      configPath: flags.config,
      baseUrl: flags.baseUrl,
      now: clockOf(flags),
      workers: flags.workers,
      external: flags.external,
      logger: json ? cliLogger(cli, { quiet: true }) : logger,
    });
    const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
    const warnings = result.diagnostics.length - errors;
    const failed = errors > 0 || (!!flags.strict && warnings > 0);
    if (json) {
      cli.stdout.write(`${JSON.stringify({ ok: !failed, errors, warnings, checked: result.checked ?? null, diagnostics: result.diagnostics }, null, 2)}\n`);
    } else {
      reportDiagnostics(result.diagnostics, logger);
      github?.annotate(result.diagnostics);
      const what = result.checked ? `checked ${result.checked.pages} pages and ${result.checked.feeds} feeds and sitemaps` : 'content errors stopped the build; the built site was not checked';
      (failed ? logger.error : logger.info)(`${what}: ${errors} ${errors === 1 ? 'error' : 'errors'}, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`);
      await github?.summarize(toMarkdownTable('migrant-site check', { pages: result.checked?.pages ?? 0, 'feeds and sitemaps': result.checked?.feeds ?? 0, errors, warnings }));
    }
    return failed ? exitCodes.contentError : exitCodes.ok;
  }, github);
}
