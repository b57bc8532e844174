import { rmSync } from 'node:fs';
import { copyFile, link, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { codes } from '../diagnostics/codes.js';
import { error, SiteError, warning, type Diagnostic } from '../diagnostics/diagnostic.js';
import { toPosix } from '../paths/is-inside.js';
import { cleanUpOnExit } from './exit-cleanup.js';
import { insideOutput } from './inside-output.js';
import { mapLimited } from './map-limited.js';
import { outputMarkerName, outputMarkerText } from './output-folder.js';
import { lockOutput } from './output-lock.js';
import { sameBytes } from './same-bytes.js';
import { activeTemps, recoverAndSweep, restoredWarning, siblingPath, swapIn } from './swap-output.js';

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
  /** Things worth telling that did not stop the write (present only when there are some). */
  warnings?: Diagnostic[];
}

export interface OutputSession {
  /** Writes one file of the new output now: pages are written as they render, so they need not stay in memory. */
  write(output: Output): Promise<void>;
  /** Where a file written in this session can be read before commit. */
  pathOf(path: string): string;
  /** Writes the other files and swaps the new output in. */
  commit(rest: Output[]): Promise<WriteStats>;
  /** Drops everything written: the previous output stays as it was. */
  abort(): Promise<void>;
}

export interface OutputOptions {
  /** Write the marker that lets later builds replace this folder (see output-folder.ts). */
  marker?: boolean;
  /** The files the output folder is known to hold (checked against saved stat data): spares walking it. */
  known?: ReadonlySet<string>;
}

/**
 * A complete site is written into a temporary sibling of `outDir`, then
 * swapped in, so a failure at any point leaves the previous site as it was.
 * Files whose bytes did not change are hard-linked from the previous output,
 * keeping their mtimes for deploys that sync only what changed; when nothing
 * changed at all, the output folder is not touched. Commit holds the output
 * lock (see output-lock.ts); the temp folder is removed on Ctrl-C, SIGTERM and
 * exit, and the stale ones a killed build left are swept at the next commit.
 */
export function openOutputs(outDir: string, options: OutputOptions = {}): OutputSession {
  const target = resolve(outDir);
  const temp = siblingPath(target, 'tmp');
  const stats: WriteStats = { written: 0, unchanged: 0, changedPaths: [] };
  const warnings: Diagnostic[] = [];
  const dirs = new Set<string>();
  let writes = 0;
  // Registered at once: a Ctrl-C at any point from here on removes the temp folder.
  let forgetTemp: (() => void) | undefined = cleanUpOnExit(() => rmSync(temp, { recursive: true, force: true }));
  activeTemps.add(temp);
  const removeTemp = () => rm(temp, { recursive: true, force: true });
  const finish = () => {
    forgetTemp?.();
    forgetTemp = undefined;
    activeTemps.delete(temp);
  };
  // Writes still running when one fails must end before the temp folder goes, or they would recreate it.
  const pending = new Set<Promise<void>>();
  const fail = async (cause: unknown): Promise<never> => {
    await Promise.allSettled([...pending]);
    await removeTemp();
    finish();
    throw toWriteError(cause);
  };
  const tracked = (output: Output): Promise<void> => {
    const work = writeOne(output).finally(() => pending.delete(work));
    pending.add(work);
    return work;
  };
  const writeOne = async (output: Output) => {
    const dest = insideOutput(temp, output.path);
    writes++;
    const dir = dirname(dest);
    if (!dirs.has(dir)) {
      await mkdir(dir, { recursive: true });
      dirs.add(dir);
    }
    const previous = resolve(target, output.path);
    const data = 'unchanged' in output ? undefined : 'data' in output ? output.data : await readFile(output.copyFrom);
    if (data === undefined || (await sameBytes(previous, data))) {
      await link(previous, dest).catch(() => copyFile(previous, dest));
      stats.unchanged++;
    } else {
      await writeFile(dest, data);
      stats.written++;
      stats.changedPaths.push(output.path);
    }
  };
  const withWarnings = (result: WriteStats): WriteStats => (warnings.length > 0 ? { ...result, warnings } : result);
  return {
    write: (output) => tracked(output).catch(fail),
    pathOf: (path) => resolve(temp, path),
    async commit(rest) {
      // Rendering may overlap with another build's; writing the output folder may not.
      let release: (() => void) | undefined;
      try {
        release = await lockOutput(target);
        const restored = recoverAndSweep(target);
        if (restored) warnings.push(restoredWarning(target, restored));
        if (writes === 0 && (await isUpToDate(target, rest, options.known))) {
          await removeTemp();
          finish();
          return withWarnings({ written: 0, unchanged: rest.length, changedPaths: [] });
        }
        await mapLimited(rest, 32, tracked);
        if (options.marker) await writeFile(join(temp, outputMarkerName), outputMarkerText);
        if (writes === 0) await mkdir(temp, { recursive: true });
        const backup = swapIn(temp, target);
        finish();
        if (backup) await removeOldOutput(backup, target, warnings);
        stats.changedPaths.sort();
        return withWarnings(stats);
      } catch (cause) {
        return fail(cause);
      } finally {
        release?.();
      }
    },
    async abort() {
      await Promise.allSettled([...pending]);
      await removeTemp();
      finish();
    },
  };
}

/** The new site is live by now: failing to delete the old one is a warning that says so. */
async function removeOldOutput(backup: string, target: string, warnings: Diagnostic[]): Promise<void> {
  await rm(backup, { recursive: true, force: true }).catch((cause: NodeJS.ErrnoException) => {
    warnings.push(
      warning(codes.oldOutputKept, `the new site is in ${target}, but the previous output could not be deleted from ${backup}: ${cause.code ?? cause.message}`, {
        hint: `delete ${backup} yourself; the next build also tries`,
      }),
    );
  });
}

/** Writes a complete site in one go (see openOutputs). */
export function writeOutputs(outDir: string, outputs: Output[]): Promise<WriteStats> {
  return openOutputs(outDir).commit(outputs);
}

function toWriteError(cause: unknown): SiteError {
  if (cause instanceof SiteError) return cause;
  const e = cause as NodeJS.ErrnoException;
  return new SiteError(
    error(codes.writeFailed, `could not write the site: ${e.code ?? ''} ${e.message}`.trim(), {
      file: e.path,
      hint: 'check free disk space and permissions of the output folder; the previous output was left as it was',
    }),
    { cause },
  );
}

/** Whether the output folder already holds exactly these files with these bytes: then there is nothing to swap. */
async function isUpToDate(target: string, outputs: Output[], known?: ReadonlySet<string>): Promise<boolean> {
  const present = known ?? (await listOutputFiles(target));
  if (present.size !== outputs.length || !outputs.every((o) => present.has(o.path))) return false;
  const checks = await mapLimited(outputs, 32, async (o) => 'unchanged' in o || sameBytes(resolve(target, o.path), 'data' in o ? o.data : await readFile(o.copyFrom)));
  return checks.every(Boolean);
}

/** Files in an output folder, relative and with forward slashes. */
export async function listOutputFiles(dir: string): Promise<Set<string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  const files = entries.filter((e) => e.isFile()).map((e) => toPosix(relative(dir, join(e.parentPath, e.name))));
  return new Set(files.filter((f) => f !== outputMarkerName));
}
