import { copyFileSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { codes } from '../diagnostics/codes.js';
import { error, SiteError, warning, type Diagnostic } from '../diagnostics/diagnostic.js';
import { toPosix } from '../paths/is-inside.js';
import { cleanUpOnExit } from './exit-cleanup.js';
import { insideOutput } from './inside-output.js';
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
 *
 * Files are written with synchronous calls, one after the other: a site's
 * outputs are many small files, and each asynchronous call (a promise, a trip
 * through libuv's thread pool) cost more CPU than the write itself. Writing the
 * newsroom fixture's 84 files took about 15 CPU-ms through fs/promises with 32
 * in flight, and 4 one at a time (tmpfs and ext4 alike). Pages are still
 * written as they render, so they need not stay in memory.
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
  const removeTemp = () => rmSync(temp, { recursive: true, force: true });
  const finish = () => {
    forgetTemp?.();
    forgetTemp = undefined;
    activeTemps.delete(temp);
  };
  const fail = (cause: unknown): never => {
    removeTemp();
    finish();
    throw toWriteError(cause);
  };
  const writeOne = (output: Output) => {
    const dest = insideOutput(temp, output.path);
    writes++;
    const dir = dirname(dest);
    if (!dirs.has(dir)) {
      mkdirSync(dir, { recursive: true });
      dirs.add(dir);
    }
    const previous = resolve(target, output.path);
    const data = 'unchanged' in output ? undefined : 'data' in output ? output.data : readFileSync(output.copyFrom);
    if (data === undefined || sameBytes(previous, data)) {
      try {
        linkSync(previous, dest);
      } catch {
        copyFileSync(previous, dest);
      }
      stats.unchanged++;
    } else {
      writeFileSync(dest, data);
      stats.written++;
      stats.changedPaths.push(output.path);
    }
  };
  const withWarnings = (result: WriteStats): WriteStats => (warnings.length > 0 ? { ...result, warnings } : result);
  return {
    async write(output) {
      try {
        writeOne(output);
      } catch (cause) {
        fail(cause);
      }
    },
    pathOf: (path) => resolve(temp, path),
    async commit(rest) {
      // Rendering may overlap with another build's; writing the output folder may not.
      let release: (() => void) | undefined;
      try {
        release = await lockOutput(target);
        const restored = recoverAndSweep(target);
        if (restored) warnings.push(restoredWarning(target, restored));
        if (writes === 0 && (await isUpToDate(target, rest, options.known))) {
          removeTemp();
          finish();
          return withWarnings({ written: 0, unchanged: rest.length, changedPaths: [] });
        }
        rest.forEach(writeOne);
        if (options.marker) writeFileSync(join(temp, outputMarkerName), outputMarkerText);
        if (writes === 0) mkdirSync(temp, { recursive: true });
        const backup = swapIn(temp, target);
        finish();
        if (backup) removeOldOutput(backup, target, warnings);
        stats.changedPaths.sort();
        return withWarnings(stats);
      } catch (cause) {
        return fail(cause);
      } finally {
        release?.();
      }
    },
    async abort() {
      removeTemp();
      finish();
    },
  };
}

/** The new site is live by now: failing to delete the old one is a warning that says so. */
function removeOldOutput(backup: string, target: string, warnings: Diagnostic[]): void {
  try {
    rmSync(backup, { recursive: true, force: true });
  } catch (cause) {
    const e = cause as NodeJS.ErrnoException;
    warnings.push(
      warning(codes.oldOutputKept, `the new site is in ${target}, but the previous output could not be deleted from ${backup}: ${e.code ?? e.message}`, {
        hint: `delete ${backup} yourself; the next build also tries`,
      }),
    );
  }
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
  return outputs.every((o) => 'unchanged' in o || sameBytes(resolve(target, o.path), 'data' in o ? o.data : readFileSync(o.copyFrom)));
}

/** Files in an output folder, relative and with forward slashes. */
export async function listOutputFiles(dir: string): Promise<Set<string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  const files = entries.filter((e) => e.isFile()).map((e) => toPosix(relative(dir, join(e.parentPath, e.name))));
  return new Set(files.filter((f) => f !== outputMarkerName));
}
