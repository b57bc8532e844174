// The output folder is replaced by two renames: old → backup, new → output.
// Linux's renameat2(RENAME_EXCHANGE) would make it one step, but Node cannot
// reach it without native code, and a symlink flip would change what the
// output folder *is* for the deploy tools and servers that read it. So the
// two renames run synchronously (no signal handler can run between them), and
// a process killed between them (SIGKILL, power loss) is repaired by the next
// build: with the lock held, a missing output folder and a backup of a dead
// process mean "put the backup back" before anything else happens.

import { randomBytes } from 'node:crypto';
import { readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { codes } from '../diagnostics/codes.js';
import { warning, type Diagnostic } from '../diagnostics/diagnostic.js';
import { isOtherProcessAlive, lockOutput } from './output-lock.js';

type Kind = 'tmp' | 'old';

/** Temp folders of write sessions open in this process: never swept as stale. */
export const activeTemps = new Set<string>();

/** A sibling of `target` this process makes: `.dist-tmp-<pid>-<random>` or `.dist-old-<pid>-<random>`. */
export function siblingPath(target: string, kind: Kind): string {
  return join(dirname(target), `.${basename(target)}-${kind}-${process.pid}-${randomBytes(4).toString('hex')}`);
}

interface Sibling {
  path: string;
  kind: Kind;
  pid?: number;
}

/**
 * Siblings named by siblingPath (and by earlier versions, which used
 * `.dist-tmp-<random>` and `.dist-tmp-<random>-old` without a pid).
 */
function findSiblings(target: string): Sibling[] {
  const base = basename(target).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const current = new RegExp(`^\\.${base}-(tmp|old)-(\\d+)-[0-9a-f]{8}$`);
  const legacy = new RegExp(`^\\.${base}-tmp-[0-9a-f]{8}(-old)?$`);
  let names: string[];
  try {
    names = readdirSync(dirname(target));
  } catch {
    return [];
  }
  return names.flatMap((name): Sibling[] => {
    const path = join(dirname(target), name);
    const m = current.exec(name);
    if (m) return [{ path, kind: m[1] as Kind, pid: Number(m[2]) }];
    const l = legacy.exec(name);
    return l ? [{ path, kind: l[1] ? 'old' : 'tmp' }] : [];
  });
}

/**
 * Call with the output lock held. Restores the output folder from a backup a
 * killed build left between its two renames, then removes every temp and
 * backup sibling whose process is gone (or, for this process, whose session
 * ended). Returns what it restored, if anything.
 */
export function recoverAndSweep(target: string): string | undefined {
  const gone = (s: Sibling) => (s.pid === process.pid ? !activeTemps.has(s.path) : s.pid === undefined || !isOtherProcessAlive(s.pid));
  const stale = findSiblings(target).filter(gone);
  let restored: string | undefined;
  if (!exists(target)) {
    const backup = stale.filter((s) => s.kind === 'old').sort((a, b) => mtime(b.path) - mtime(a.path))[0];
    if (backup) {
      renameSync(backup.path, target);
      restored = backup.path;
    }
  }
  for (const s of stale) if (s.path !== restored) rmSync(s.path, { recursive: true, force: true });
  return restored;
}

/**
 * Puts `temp` in place of `target`. Returns the backup of the old output to
 * delete (undefined when there was none); on failure the old output is back.
 */
export function swapIn(temp: string, target: string): string | undefined {
  if (!exists(target)) {
    renameSync(temp, target);
    return undefined;
  }
  const backup = siblingPath(target, 'old');
  renameSync(target, backup);
  try {
    renameSync(temp, target);
  } catch (cause) {
    renameSync(backup, target);
    throw cause;
  }
  return backup;
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

function mtime(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

/**
 * Start-up repair, before a full build reads the previous output: with the
 * lock, restore and sweep what a killed build left beside `target` (see recoverAndSweep).
 */
export async function recoverOutputFolder(target: string): Promise<Diagnostic[]> {
  const release = await lockOutput(target);
  try {
    const restored = recoverAndSweep(target);
    return restored ? [restoredWarning(target, restored)] : [];
  } finally {
    release();
  }
}

export function restoredWarning(target: string, backup: string): Diagnostic {
  return warning(codes.outputRestored, `restored ${target} from ${backup}, left by a build that was killed while swapping outputs`, {
    hint: 'nothing to do: the previous output is back in place',
  });
}
