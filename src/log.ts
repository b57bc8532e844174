// An injected logger: the pipeline reports through it and never prints itself.

export interface Logger {
  info(message: string): void;
  /** Only with --verbose. */
  debug(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface LoggerOptions {
  quiet?: boolean;
  verbose?: boolean;
  out?: NodeJS.WritableStream;
  err?: NodeJS.WritableStream;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const out = options.out ?? process.stdout;
  const err = options.err ?? process.stderr;
  return {
    info: (m) => void (options.quiet || out.write(`${m}\n`)),
    debug: (m) => void (options.verbose && out.write(`${m}\n`)),
    warn: (m) => void err.write(`${m}\n`),
    error: (m) => void err.write(`${m}\n`),
  };
}

export const silentLogger: Logger = { info() {}, debug() {}, warn() {}, error() {} };
