import type { Command } from 'commander';
import { spawn } from 'node:child_process';
import { cliLogger, type Cli } from './cli-io.js';
import type { BuildFlags } from './build-command.js';
import { exitCodes } from './exit-codes.js';
import { parseNow } from './parse-flags.js';
import { reportDiagnostics } from './report-diagnostics.js';
import { runGuarded } from './run-guarded.js';

interface ServeFlags extends BuildFlags {
  port: string;
  host: string;
  watch?: boolean;
  open?: boolean;
}

export function addServeCommand(program: Command, cli: Cli): void {
  program
    .command('serve')
    .description('build the site and serve it locally; with --watch, rebuild on change and reload open pages')
    .option('-c, --config <file>', 'site config file', 'site.config.json')
    .option('-o, --out <dir>', 'output folder (default: "outDir" from the config, else dist)')
    .option('-w, --watch', 'rebuild what a change affects and live-reload the browser')
    .option('-p, --port <number>', 'port to listen on (the next free one is used if it is taken)', '4000')
    .option('--host <address>', 'address to bind; 0.0.0.0 exposes drafts and embargoed pages to the network', '127.0.0.1')
    .option('--drafts', 'include articles with draft: true')
    .option('--future', 'include articles dated after now')
    .option('--now <date>', 'the clock to build with, as an ISO date (default: when the server starts)')
    .option('--offline', 'show external feeds from their cached copies only; fetch nothing')
    .option('--open', 'open the site in the default browser')
    .option('-q, --quiet', 'print only warnings and errors')
    .action(async (flags: ServeFlags) => {
      const logger = cliLogger(cli, { quiet: flags.quiet });
      const code = await runGuarded(logger, async () => {
        const port = Number(flags.port);
        if (!Number.isInteger(port) || port < 0 || port > 65535) {
          logger.error(`--port must be a number from 0 to 65535 (got ${JSON.stringify(flags.port)})`);
          return exitCodes.usageError;
        }
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
          now: parseNow(flags.now),
          logger,
          port,
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
