import { Command } from 'commander';
import { addBuildCommand } from './build-command.js';
import { addCheckCommand } from './check-command.js';
import { addCleanCommand } from './clean-command.js';
import { addExplainCommand } from './explain-command.js';
import { addGraphCommand } from './graph-command.js';
import { addInitCommand } from './init-command.js';
import { addNewCommand } from './new-command.js';
import { addServeCommand } from './serve-command.js';
import { toolVersion } from '../version.js';


export function createProgram(): Command {
  const program = new Command('migrant-site')
    .description('Build and serve a news site from markdown articles, a JSON config and Handlebars templates.')
    .version(toolVersion)
    .showHelpAfterError()
    .exitOverride((e) => {
      // Usage mistakes exit 2, as documented; --help and --version exit 0.
      process.exit(e.exitCode === 0 ? 0 : 2);
    });
  addBuildCommand(program);
  addServeCommand(program);
  addInitCommand(program);
  addCheckCommand(program);
  addNewCommand(program);
  addCleanCommand(program);
  addGraphCommand(program);
  addExplainCommand(program);
  return program;
}

export async function main(argv: string[]): Promise<void> {
  await createProgram().parseAsync(argv);
}
