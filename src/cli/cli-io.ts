import { createLogger, type Logger, type LoggerOptions } from '../log.js';

/**
 * Where a command prints and what environment it reads. The bin passes the
 * process's own; tests run `main()` in-process with captured streams, so a
 * command never prints or exits behind their back.
 */
export interface CliIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
}

/** One run of `main()`: its streams and the exit code its command settles on. */
export interface Cli extends CliIo {
  exitCode: number;
}

export const processIo: CliIo = { stdout: process.stdout, stderr: process.stderr, env: process.env };

/** A logger printing to the run's streams. */
export function cliLogger(cli: CliIo, options: Omit<LoggerOptions, 'out' | 'err'> = {}): Logger {
  return createLogger({ ...options, out: cli.stdout, err: cli.stderr });
}
