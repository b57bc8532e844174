import { Command, CommanderError } from 'commander';
import { addBuildCommand } from './build-command.js';
import { addCheckCommand } from './check-command.js';
import { addCleanCommand } from './clean-command.js';
import { processIo, type Cli, type CliIo } from './cli-io.js';
import { addExplainCommand } from './explain-command.js';
import { addGraphCommand } from './graph-command.js';
import { addInitCommand } from './init-command.js';
import { addMergeCommand } from './merge-command.js';
import { addNewCommand } from './new-command.js';
import { addServeCommand } from './serve-command.js';
import { exitCodes } from './exit-codes.js';
import { toolVersion } from '../version.js';


export function createProgram(cli: Cli): Command {
  const program = new Command('migrant-site')
    .description('Build and serve a news site from markdown articles, a JSON config and Handlebars templates.')
    .version(toolVersion)
    .showHelpAfterError()
    // Set before the commands are added, which inherit both.
    .configureOutput({ writeOut: (text) => void cli.stdout.write(text), writeErr: (text) => void cli.stderr.write(text) })
    .exitOverride();
  addBuildCommand(program, cli);
  addMergeCommand(program, cli);
  addServeCommand(program, cli);
  addInitCommand(program, cli);
  addCheckCommand(program, cli);
  addNewCommand(program, cli);
  addCleanCommand(program, cli);
  addGraphCommand(program, cli);
  addExplainCommand(program, cli);
  return program;
}

/** Runs one command and returns its exit code; it never ends the process, so tests can call it in-process. */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const cli: Cli = { ...io, exitCode: exitCodes.ok };
  try {
    await createProgram(cli).parseAsync(argv);
  } catch (e) {
    // Usage mistakes exit 2, as documented; --help and --version exit 0.
    if (e instanceof CommanderError) return e.exitCode === 0 ? exitCodes.ok : exitCodes.usageError;
    throw e;
  }
  return cli.exitCode;
}
