// An injected logger: the pipeline reports through it and never prints itself.

export interface Logger {
  info(message: string): void;
  /** Only with --verbose. */
  debug(message: string): void;
  warn(message: string): void;
  error(message: string): void;
  /** How far a long stage is: a bar on a terminal, an occasional plain line elsewhere (CI logs). */
  progress?(stage: string, done: number, total: number): void;
}

export interface LoggerOptions {
  quiet?: boolean;
  verbose?: boolean;
  out?: NodeJS.WritableStream;
  err?: NodeJS.WriteStream | NodeJS.WritableStream;
  /** Milliseconds to wait before showing progress, so quick builds print none. */
  progressDelayMs?: number;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const out = options.out ?? process.stdout;
  const err = options.err ?? process.stderr;
  const progress = options.quiet ? undefined : createProgress(err, options.progressDelayMs ?? 2000);
  const line = (stream: NodeJS.WritableStream, m: string) => {
    progress?.clear();
    stream.write(`${m}\n`);
  };
  return {
    info: (m) => void (options.quiet || line(out, m)),
    debug: (m) => void (options.verbose && line(out, m)),
    warn: (m) => line(err, m),
    error: (m) => line(err, m),
    progress: progress?.update,
  };
}

export const silentLogger: Logger = { info() {}, debug() {}, warn() {}, error() {} };

function createProgress(stream: NodeJS.WritableStream, delayMs: number) {
  const tty = 'isTTY' in stream && stream.isTTY === true;
  const started = Date.now();
  let shown = false;
  let lastDraw = 0;
  return {
    update(stage: string, done: number, total: number) {
      const now = Date.now();
      if (now - started < delayMs || total === 0) return;
      if (tty) {
        if (now - lastDraw < 100 && done < total) return;
        const width = 30;
        const filled = Math.round((done / total) * width);
        stream.write(`\r${stage.padEnd(8)} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total}\u001b[K`);
        shown = true;
      } else if (now - lastDraw >= 5000 || done === total) {
        stream.write(`${stage} ${done}/${total}\n`);
      }
      lastDraw = now;
    },
    /** Wipes the bar so a message starts on a clean line. */
    clear() {
      if (!shown) return;
      stream.write('\r\u001b[K');
      shown = false;
    },
  };
}
