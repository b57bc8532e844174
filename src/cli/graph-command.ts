import { Option, type Command } from 'commander';
import { writeFile } from 'node:fs/promises';
import { toDot, toGraphReport } from '../graph/graph-report.js';
import { cliLogger, type Cli } from './cli-io.js';
import { loadGraphFor, type GraphFlags } from './load-graph.js';
import { runGuarded } from './run-guarded.js';
import { configOption, draftsOption, futureOption, nowOption } from './shared-options.js';

interface Flags extends GraphFlags {
  format: string;
  out?: string;
}

export function addGraphCommand(program: Command, cli: Cli): void {
  program
    .command('graph')
    .description('print the site graph: articles, terms, related and internal links, and findings (orphans, tags used once, near-duplicate terms)')
    .addOption(configOption())
    .addOption(new Option('-f, --format <format>', 'json or dot (Graphviz)').choices(['json', 'dot']).default('json'))
    .option('-o, --out <file>', 'write to a file instead of standard output')
    .addOption(draftsOption('include drafts'))
    .addOption(futureOption('include articles dated after now'))
    .addOption(nowOption('the clock, as an ISO date (default: now)'))
    .action(async (flags: Flags) => {
      // Diagnostics go to stderr; stdout carries only the graph.
      const logger = cliLogger(cli, { quiet: true });
      cli.exitCode = await runGuarded(logger, async () => {
        const { graph } = await loadGraphFor(flags, logger);
        const report = toGraphReport(graph);
        const text = flags.format === 'dot' ? toDot(report) : `${JSON.stringify(report, null, 2)}\n`;
        if (flags.out) await writeFile(flags.out, text);
        else cli.stdout.write(text);
        return 0;
      });
    });
}
