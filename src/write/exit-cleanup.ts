// Temp folders, temp files and the output lock must not outlive the process,
// whether it ends normally, by process.exit, or by Ctrl-C / SIGTERM. Cleanups
// are synchronous because an 'exit' listener cannot wait for promises.

const cleanups = new Set<() => void>();
const signals = ['SIGINT', 'SIGTERM'] as const;
const signalExitCodes: Record<(typeof signals)[number], number> = { SIGINT: 130, SIGTERM: 143 };

function runAll(): void {
  for (const cleanup of [...cleanups]) {
    try {
      cleanup();
    } catch {
      // Best effort while exiting: the next build sweeps what is left (see swap-output.ts).
    }
  }
}

function onExit(): void {
  runAll();
  cleanups.clear();
}

function onSignal(signal: (typeof signals)[number]): void {
  // The cleanups stay registered and run again on exit: a command that handles the
  // signal itself (serve) exits a moment later, and writes still in flight at the
  // signal may have recreated a temp folder by then. Every cleanup is idempotent.
  runAll();
  // A command that handles the signal itself (serve exits 0) decides the exit; otherwise end as the signal would.
  if (process.listenerCount(signal) === 1) process.exit(signalExitCodes[signal]);
}

const listeners = new Map(signals.map((s) => [s, () => onSignal(s)]));

/** Runs `cleanup` if the process ends before the returned function is called. */
export function cleanUpOnExit(cleanup: () => void): () => void {
  if (cleanups.size === 0) {
    process.on('exit', onExit);
    // First in line: a command's own `once` listener removes itself before later listeners run, which would hide it from onSignal.
    for (const [signal, listener] of listeners) process.prependListener(signal, listener);
  }
  cleanups.add(cleanup);
  return () => {
    cleanups.delete(cleanup);
    if (cleanups.size > 0) return;
    process.removeListener('exit', onExit);
    for (const [signal, listener] of listeners) process.removeListener(signal, listener);
  };
}
