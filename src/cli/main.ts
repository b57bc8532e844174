import { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { addBuildCommand } from './build-command.js';
import { addNewCommand } from './new-command.js';
import { addServeCommand } from './serve-command.js';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

export function createProgram(): Command {
  const program = new Command('migrant-site')
    .description('Build and serve a news site from markdown articles, a JSON config and Handlebars templates.')
    .version(pkg.version)
    .showHelpAfterError()
    .exitOverride((e) => {
      // Usage mistakes exit 2, as documented; --help and --version exit 0.
      process.exit(e.exitCode === 0 ? 0 : 2);
    });
  addBuildCommand(program);
  addServeCommand(program);
  addNewCommand(program);
  return program;
}

export async function main(argv: string[]): Promise<void> {
  await createProgram().parseAsync(argv);
}
