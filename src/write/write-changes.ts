import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { mkdir, readFile, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { isInside } from '../paths/is-inside.js';
import { cleanUpOnExit } from './exit-cleanup.js';
import { insideOutput } from './inside-output.js';
import { mapLimited } from './map-limited.js';
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
 */
export async function writeChanges(outDir: string, write: Output[], remove: string[]): Promise<WriteStats> {
  const root = resolve(outDir);
  return withOutputLock(root, () => writeInPlace(root, write, remove));
}

async function writeInPlace(root: string, write: Output[], remove: string[]): Promise<WriteStats> {
  const stats: WriteStats = { written: 0, unchanged: 0, changedPaths: [] };
  const staged: { temp: string; dest: string; path: string }[] = [];
  // Ctrl-C before every temp file is renamed must not leave them in the output folder.
  const forget = cleanUpOnExit(() => staged.forEach(({ temp }) => rmSync(temp, { force: true })));
  try {
    await mapLimited(write, 32, async (output) => {
      const dest = insideOutput(root, output.path);
      if ('unchanged' in output) {
        stats.unchanged++;
        return;
      }
      const data = 'data' in output ? output.data : await readFile(output.copyFrom);
      if (await sameBytes(dest, data)) {
        stats.unchanged++;
        return;
      }
      await mkdir(dirname(dest), { recursive: true });
      const temp = `${dest}.${randomBytes(4).toString('hex')}.tmp`;
      staged.push({ temp, dest, path: output.path });
      await writeFile(temp, data, { flag: 'wx' });
    });
    for (const { temp, dest, path } of staged) {
      await rename(temp, dest);
      stats.written++;
      stats.changedPaths.push(path);
    }
  } catch (cause) {
    await Promise.all(staged.map(({ temp }) => rm(temp, { force: true })));
    throw cause;
  } finally {
    forget();
  }
  stats.changedPaths.sort();
  for (const path of remove) {
    const abs = insideOutput(root, path);
    await rm(abs, { force: true });
    await removeEmptyParents(root, dirname(abs));
  }
  return stats;
}

async function removeEmptyParents(root: string, dir: string): Promise<void> {
  while (dir !== root && isInside(root, dir)) {
    const empty = await rmdir(dir).then(() => true, () => false);
    if (!empty) return;
    dir = dirname(dir);
  }
}
