import { randomBytes } from 'node:crypto';
import { copyFile, link, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { codes } from '../diagnostics/codes.js';
import { error, SiteError } from '../diagnostics/diagnostic.js';
import { isInside, toPosix } from '../paths/is-inside.js';
import { mapLimited } from './map-limited.js';

export type Output =
  | { path: string; data: string | Uint8Array }
  | { path: string; copyFrom: string }
  /** The previous output's file at this path is still right (its page was not rendered again). */
  | { path: string; unchanged: true };

export interface WriteStats {
  written: number;
  unchanged: number;
  /** Output paths whose bytes changed, sorted. */
  changedPaths: string[];
}

/**
 * Writes a complete site into a temporary sibling of `outDir`, then swaps it
 * in, so a failure at any point leaves the previous site as it was. Files
 * whose bytes did not change are hard-linked from the previous output, keeping
 * their mtimes for deploys that sync only what changed.
 */
export async function writeOutputs(outDir: string, outputs: Output[]): Promise<WriteStats> {
  const target = resolve(outDir);
  const temp = join(dirname(target), `.${basename(target)}-tmp-${randomBytes(4).toString('hex')}`);
  const removeTemp = () => rm(temp, { recursive: true, force: true });
  const onSignal = () => void removeTemp().finally(() => process.exit(130));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    if (await isUpToDate(target, outputs)) return { written: 0, unchanged: outputs.length, changedPaths: [] };
    const stats = await writeAll(target, temp, outputs);
    await swapIn(temp, target);
    return stats;
  } catch (cause) {
    await removeTemp();
    if (cause instanceof SiteError) throw cause;
    const e = cause as NodeJS.ErrnoException;
    throw new SiteError(
      error(codes.writeFailed, `could not write the site: ${e.code ?? ''} ${e.message}`.trim(), {
        file: e.path,
        hint: 'check free disk space and permissions of the output folder; the previous output was left as it was',
      }),
      { cause },
    );
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  }
}

async function writeAll(target: string, temp: string, outputs: Output[]): Promise<WriteStats> {
  const stats: WriteStats = { written: 0, unchanged: 0, changedPaths: [] };
  const dirs = new Set<string>();
  for (const output of outputs) {
    const dest = resolve(temp, output.path);
    if (!isInside(temp, dest) || dest === temp) {
      throw new SiteError(error(codes.outputEscapes, `output path escapes the output folder: ${output.path}`, { hint: 'check slugs and permalinks' }));
    }
    dirs.add(dirname(dest));
  }
  for (const dir of [...dirs].sort()) await mkdir(dir, { recursive: true });

  await mapLimited(outputs, 32, async (output) => {
    const dest = resolve(temp, output.path);
    const previous = resolve(target, output.path);
    if ('unchanged' in output) {
      await link(previous, dest).catch(() => copyFile(previous, dest));
      stats.unchanged++;
      return;
    }
    const data = 'data' in output ? output.data : await readFile(output.copyFrom);
    if (await sameBytes(previous, data)) {
      await link(previous, dest).catch(() => copyFile(previous, dest));
      stats.unchanged++;
    } else {
      await writeFile(dest, data);
      stats.written++;
      stats.changedPaths.push(output.path);
    }
  });
  stats.changedPaths.sort();
  return stats;
}

/** Whether the output folder already holds exactly these files with these bytes: then there is nothing to swap. */
async function isUpToDate(target: string, outputs: Output[]): Promise<boolean> {
  const present = await listOutputFiles(target);
  if (present.size !== outputs.length || !outputs.every((o) => present.has(o.path))) return false;
  const checks = await mapLimited(outputs, 32, async (o) => 'unchanged' in o || sameBytes(resolve(target, o.path), 'data' in o ? o.data : await readFile(o.copyFrom)));
  return checks.every(Boolean);
}

/** Files in an output folder, relative and with forward slashes. */
export async function listOutputFiles(dir: string): Promise<Set<string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return new Set(entries.filter((e) => e.isFile()).map((e) => toPosix(relative(dir, join(e.parentPath, e.name)))));
}

async function sameBytes(file: string, data: string | Uint8Array): Promise<boolean> {
  const size = typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength;
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile() || info.size !== size) return false;
  const old = await readFile(file);
  return typeof data === 'string' ? old.toString('utf8') === data : Buffer.from(data.buffer, data.byteOffset, data.byteLength).equals(old);
}

async function swapIn(temp: string, target: string): Promise<void> {
  const old = `${temp}-old`;
  const hadOld = await stat(target).then(() => true, () => false);
  if (hadOld) await rename(target, old);
  try {
    await rename(temp, target);
  } catch (cause) {
    if (hadOld) await rename(old, target);
    throw cause;
  }
  if (hadOld) await rm(old, { recursive: true, force: true });
}
