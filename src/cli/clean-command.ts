import type { Command } from 'commander';
import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { cliLogger, type Cli } from './cli-io.js';
import { runGuarded } from './run-guarded.js';
import { configOption } from './shared-options.js';

export function addCleanCommand(program: Command, cli: Cli): void {
  program
    .command('clean')
    .description('delete the output folder and the build cache (.cache/migrant-site/)')
    .addOption(configOption())
    .action(async (flags: { config: string }) => {
      const logger = cliLogger(cli);
      cli.exitCode = await runGuarded(logger, async () => {
        const [{ cacheDir }, { loadConfig }, { assertReplaceableOutDir }] = await Promise.all([import('../cache/parse-cache.js'), import('../config/load-config.js'), import('../pipeline/run-build.js')]);
        const { config, root } = await loadConfig(flags.config);
        await assertReplaceableOutDir(root, config.outDir);
        await rm(resolve(root, config.outDir), { recursive: true, force: true });
        await rm(cacheDir(root), { recursive: true, force: true });
        logger.info(`removed ${config.outDir}/ and .cache/migrant-site/`);
        return 0;
      });
    });
}
