import type { Command } from 'commander';
import { spawn } from 'node:child_process';
import { cliLogger, type Cli } from './cli-io.js';
import type { BuildFlags } from './build-command.js';
import { exitCodes } from './exit-codes.js';
import { clockOf, configOption, draftsOption, futureOption, nowOption, offlineOption, outDirOption, quietOption, wholeNumber } from './shared-options.js';
import { reportDiagnostics } from './report-diagnostics.js';
import { runGuarded } from './run-guarded.js';

interface ServeFlags extends BuildFlags {
  port: number;
  host: string;
  watch?: boolean;
  open?: boolean;
}

export function addServeCommand(program: Command, cli: Cli): void {
  program
    .command('serve')
    .description('build the site and serve it locally; with --watch, rebuild on change and reload open pages')
    .addOption(configOption())
    .addOption(outDirOption())
    .option('-w, --watch', 'rebuild what a change affects and live-reload the browser')
    .option('-p, --port <number>', 'port to listen on (the next free one is used if it is taken)', wholeNumber(0, 65535), 4000)
    .option('--host <address>', 'address to bind; 0.0.0.0 exposes drafts and embargoed pages to the network', '127.0.0.1')
    .addOption(draftsOption())
    .addOption(futureOption('include articles dated after now'))
    .addOption(nowOption('the clock to build with, as an ISO date (default: when the server starts)'))
    .addOption(offlineOption())
    .option('--open', 'open the site in the default browser')
    .addOption(quietOption())
    .option('-v, --verbose', 'print the time each stage of each build took')
    .action(async (flags: ServeFlags) => {
      const logger = cliLogger(cli, { quiet: flags.quiet, verbose: flags.verbose });
      const code = await runGuarded(logger, async () => {
        if (!['127.0.0.1', 'localhost', '::1'].includes(flags.host)) {
          logger.warn(`warning: serving on ${flags.host} makes the site reachable from your network${flags.drafts || flags.future ? ', including drafts and embargoed articles' : ''}`);
        }
        const { serveSite } = await import('../dev/serve-site.js');
        // Ctrl-C is how a user stops serve, even during its first build: always exit 0 (temp folders are removed on exit).
        let running: Awaited<ReturnType<typeof serveSite>>;
        const stop = () => void (running?.close() ?? Promise.resolve()).then(() => process.exit(exitCodes.ok));
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
        running = await serveSite({
          configPath: flags.config,
          outDir: flags.out,
          drafts: flags.drafts,
          future: flags.future,
          now: clockOf(flags),
          logger,
          port: flags.port,
          host: flags.host,
          watch: !!flags.watch,
          offline: flags.offline,
          report: (diagnostics) => reportDiagnostics(diagnostics, logger),
        });
        if (!running) return exitCodes.contentError;
        if (flags.open) openBrowser(running.url);
        return exitCodes.ok;
      });
      if (code !== exitCodes.ok) cli.exitCode = code;
    });
}

function openBrowser(url: string): void {
  const command = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  spawn(command, [url], { stdio: 'ignore', detached: true }).on('error', () => undefined).unref();
}
