import type { Command } from 'commander';
import { access, mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { codes } from '../diagnostics/codes.js';
import { error, SiteError } from '../diagnostics/diagnostic.js';
import { cliLogger, type Cli } from './cli-io.js';
import { runGuarded } from './run-guarded.js';
import { starterSite } from './starter-site.js';

export function addInitCommand(program: Command, cli: Cli): void {
  program
    .command('init')
    .description('write a minimal site (config, one article, one author, one page) that builds with the built-in theme; never overwrites')
    .argument('[dir]', 'folder for the new site (created if missing)', '.')
    .action(async (dir: string) => {
      const logger = cliLogger(cli);
      cli.exitCode = await runGuarded(logger, async () => {
        const written = await initSite(dir, new Date().toISOString().slice(0, 10));
        const shown = (path: string) => relative(process.cwd(), join(resolve(dir), path)).split('\\').join('/');
        for (const path of written) logger.info(`created ${shown(path)}`);
        const cd = resolve(dir) === process.cwd() ? '' : `  cd ${relative(process.cwd(), resolve(dir))}\n`;
        logger.info(
          `\nnext:\n${cd}  npx migrant-site serve --watch   preview at http://127.0.0.1:4000/, rebuilt on every save\n` +
            '  npx migrant-site build           write the site into dist/\n' +
            'Set title and baseUrl in site.config.json before publishing. To change the look, put your own\n' +
            'templates/layouts/, templates/partials/ or templates/assets/ files beside it: each replaces the built-in one of the same name.',
        );
        return 0;
      });
    });
}

/**
 * Writes the starter site into `dir` (created if missing) and returns the
 * paths written, relative to it. Refuses before writing anything when one of
 * the files already exists.
 */
export async function initSite(dir: string, today: string): Promise<string[]> {
  const files = starterSite(today);
  const existing = (await Promise.all(Object.keys(files).map(async (path) => ((await exists(join(dir, path))) ? path : undefined)))).filter(
    (path): path is string => path !== undefined,
  );
  if (existing.length > 0) {
    throw new SiteError(
      error(codes.usage, `${existing.join(', ')} already ${existing.length === 1 ? 'exists' : 'exist'} in ${resolve(dir) === process.cwd() ? 'this folder' : dir}; init writes a new site and never overwrites`, {
        hint: 'run it in an empty folder: migrant-site init my-site',
      }),
    );
  }
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    // wx: a file that appeared since the check is still never overwritten.
    await writeFile(join(dir, path), text, { flag: 'wx' });
  }
  return Object.keys(files);
}

function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}
