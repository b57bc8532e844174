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
 * Updates a served output folder in place after an incremental rebuild: each
 * file is written to a temporary name and renamed over the old one, so the
 * server never sends half a page; outputs that no longer exist are deleted
 * (and folders they leave empty). Unchanged bytes are not rewritten.
 */
export async function writeChanges(outDir: string, write: Output[], remove: string[]): Promise<WriteStats> {
  const root = resolve(outDir);
  return withOutputLock(root, () => writeInPlace(root, write, remove));
}

async function writeInPlace(root: string, write: Output[], remove: string[]): Promise<WriteStats> {
  const stats: WriteStats = { written: 0, unchanged: 0, changedPaths: [] };
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
    // Ctrl-C between these two steps must not leave the temp file in the served folder.
    const forget = cleanUpOnExit(() => rmSync(temp, { force: true }));
    try {
      await writeFile(temp, data, { flag: 'wx' });
      await rename(temp, dest);
    } catch (cause) {
      await rm(temp, { force: true });
      throw cause;
    } finally {
      forget();
    }
    stats.written++;
    stats.changedPaths.push(output.path);
  });
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
