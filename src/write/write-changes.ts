import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { isInside } from '../paths/is-inside.js';
import { insideOutput } from './inside-output.js';
import { withOutputLock } from './output-lock.js';
import { sameBytes } from './same-bytes.js';
import type { Output, WriteStats } from './write-outputs.js';

/**
 * Updates an output folder in place (a watch rebuild, or a warm build that
 * changed a few pages): the changed files are first all written under
 * temporary names, then renamed over the old ones, so a failed write leaves
 * the folder as it was and a server never sends half a page; outputs that no
 * longer exist are deleted (and folders they leave empty). Unchanged bytes
 * are not rewritten.
 *
 * Synchronous from the first temp file to the last rename (see write-outputs.ts
 * for the cost of asynchronous calls): no signal handler can run in between, so
 * Ctrl-C never leaves a temp file in the served folder.
 */
export async function writeChanges(outDir: string, write: Output[], remove: string[]): Promise<WriteStats> {
  const root = resolve(outDir);
  return withOutputLock(root, async () => writeInPlace(root, write, remove));
}

function writeInPlace(root: string, write: Output[], remove: string[]): WriteStats {
  const stats: WriteStats = { written: 0, unchanged: 0, changedPaths: [] };
  const staged: { temp: string; dest: string; path: string }[] = [];
  try {
    for (const output of write) {
      const dest = insideOutput(root, output.path);
      const data = 'unchanged' in output ? undefined : 'data' in output ? output.data : readFileSync(output.copyFrom);
      if (data === undefined || sameBytes(dest, data)) {
        stats.unchanged++;
        continue;
      }
      mkdirSync(dirname(dest), { recursive: true });
      const temp = `${dest}.${randomBytes(4).toString('hex')}.tmp`;
      staged.push({ temp, dest, path: output.path });
      writeFileSync(temp, data, { flag: 'wx' });
    }
    for (const { temp, dest, path } of staged) {
      renameSync(temp, dest);
      stats.written++;
      stats.changedPaths.push(path);
    }
  } catch (cause) {
    staged.forEach(({ temp }) => rmSync(temp, { force: true }));
    throw cause;
  }
  stats.changedPaths.sort();
  for (const path of remove) {
    const abs = insideOutput(root, path);
    rmSync(abs, { force: true });
    removeEmptyParents(root, dirname(abs));
  }
  return stats;
}

function removeEmptyParents(root: string, dir: string): void {
  while (dir !== root && isInside(root, dir)) {
    try {
      rmdirSync(dir);
    } catch {
      return;
    }
    dir = dirname(dir);
  }
}
