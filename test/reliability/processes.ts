import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from '../support/temp-site.js';

export const bin = join(repoRoot, 'bin', 'migrant-site.js');

export interface Running {
  child: ChildProcess;
  output(): string;
  /** Resolves with the exit code (128 + n when ended by signal n, as a shell reports it). */
  exited: Promise<number>;
}

const signalNumbers: Record<string, number> = { SIGINT: 2, SIGTERM: 15, SIGKILL: 9 };

export function start(args: string[], cwd: string): Running {
  const child = spawn(process.execPath, args, { cwd, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  child.stdout!.on('data', (d) => (text += d));
  child.stderr!.on('data', (d) => (text += d));
  const exited = new Promise<number>((resolve) => child.on('exit', (code, signal) => resolve(code ?? 128 + (signalNumbers[signal ?? ''] ?? 0))));
  return { child, output: () => text, exited };
}

/** Polls `condition` until it holds; fails after a generous limit (no fixed sleeps: each poll yields to the event loop). */
export async function waitFor(condition: () => boolean, what: string, limitMs = 120_000): Promise<void> {
  const until = Date.now() + limitMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** A pid that is certainly not running: a process that has already exited. */
export async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((r) => child.on('exit', r));
  return child.pid!;
}
