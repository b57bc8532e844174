import type { Command } from 'commander';
import { resolve, dirname } from 'node:path';
import { loadConfig } from '../config/load-config.js';
import { createStaticServer } from '../dev/create-static-server.js';
import { createLogger } from '../log.js';
import { buildOnce, type BuildFlags } from './build-command.js';
import { exitCodes } from './exit-codes.js';

interface ServeFlags extends BuildFlags {
  port: string;
  host: string;
}

export function addServeCommand(program: Command): void {
  program
    .command('serve')
    .description('build the site, then serve the output folder locally')
    .option('-c, --config <file>', 'site config file', 'site.config.json')
    .option('-o, --out <dir>', 'output folder (default: "outDir" from the config, else dist)')
    .option('-p, --port <number>', 'port to listen on', '4000')
    .option('--host <address>', 'address to bind; 0.0.0.0 exposes drafts and embargoed pages to the network', '127.0.0.1')
    .option('--drafts', 'include articles with draft: true')
    .option('--future', 'include articles dated after now')
    .option('-q, --quiet', 'print only warnings and errors')
    .action(async (flags: ServeFlags) => {
      const logger = createLogger({ quiet: flags.quiet });
      const code = await buildOnce(flags);
      if (code !== exitCodes.ok) {
        process.exitCode = code;
        return;
      }
      const { config, root } = await loadConfig(flags.config);
      const dir = resolve(root, flags.out ?? config.outDir);
      const basePath = new URL(config.baseUrl).pathname;
      const server = createStaticServer({ dir, basePath });
      const port = Number(flags.port);
      server.once('error', (e: NodeJS.ErrnoException) => {
        logger.error(e.code === 'EADDRINUSE' ? `port ${port} is in use; try --port ${port + 1}` : `cannot listen on ${flags.host}:${port}: ${e.message}`);
        process.exitCode = exitCodes.usageError;
      });
      if (!['127.0.0.1', 'localhost', '::1'].includes(flags.host)) {
        logger.warn(`serving on ${flags.host}: anyone on your network can read the site${flags.drafts || flags.future ? ', including drafts and embargoed articles' : ''}`);
      }
      server.listen(port, flags.host, () => {
        logger.info(`serving ${dirname(dir) === root ? config.outDir : dir} at http://${flags.host.includes(':') ? `[${flags.host}]` : flags.host}:${port}${basePath} (Ctrl+C to stop)`);
      });
      const close = () => server.close(() => process.exit(0));
      process.once('SIGINT', close);
      process.once('SIGTERM', close);
    });
}
