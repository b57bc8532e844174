// Two builds writing one output folder at once can orphan or mix outputs, so
// writing takes a lock: a file beside the output folder holding the writer's
// pid, created atomically (link() fails if it exists). Inside one process
// (serve: a rebuild and a search refresh) writers queue instead.

import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, stat, unlink, writeFile } from 'node:fs/promises';
import { readFileSync, unlinkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { codes } from '../diagnostics/codes.js';
import { error, SiteError } from '../diagnostics/diagnostic.js';
import { cleanUpOnExit } from './exit-cleanup.js';

/** A lock older than this whose pid is alive is taken to be a reused pid: no write takes this long. */
const staleAfterMs = 6 * 60 * 60 * 1000;

const queues = new Map<string, Promise<void>>();

export function lockPathOf(target: string): string {
  return join(dirname(target), `.${basename(target)}.migrant-lock`);
}

/**
 * Takes the output folder's lock and returns its release. Waits for earlier
 * holders in this process; fails at once if another live process holds it.
 */
export async function lockOutput(target: string): Promise<() => void> {
  const lock = lockPathOf(target);
  const before = queues.get(lock) ?? Promise.resolve();
  let done!: () => void;
  const mine = new Promise<void>((resolve) => (done = resolve));
  const turn = before.then(() => mine);
  queues.set(lock, turn);
  await before;
  const leave = () => {
    done();
    if (queues.get(lock) === turn) queues.delete(lock);
  };
  try {
    await mkdir(dirname(lock), { recursive: true });
    const release = await acquire(lock, target);
    return () => {
      release();
      leave();
    };
  } catch (cause) {
    leave();
    if (cause instanceof SiteError) throw cause;
    const e = cause as NodeJS.ErrnoException;
    throw new SiteError(
      error(codes.writeFailed, `could not lock the output folder: ${e.code ?? ''} ${e.message}`.trim(), {
        hint: `check that the folder holding ${basename(target)} is writable; the previous output was left as it was`,
      }),
      { cause },
    );
  }
}

/** Runs `work` holding the output folder's lock. */
export async function withOutputLock<T>(target: string, work: () => Promise<T>): Promise<T> {
  const release = await lockOutput(target);
  try {
    return await work();
  } finally {
    release();
  }
}

async function acquire(lock: string, target: string): Promise<() => void> {
  for (let attempt = 0; attempt < 2; attempt++) {
    const temp = `${lock}-${process.pid}-${randomBytes(4).toString('hex')}`;
    await writeFile(temp, String(process.pid), { flag: 'wx' });
    const taken = await link(temp, lock).then(() => true, (e: NodeJS.ErrnoException) => (e.code === 'EEXIST' ? false : Promise.reject(e)));
    await unlink(temp);
    if (taken) {
      const releaseOnExit = () => {
        if (readFileSync(lock, 'utf8') === String(process.pid)) unlinkSync(lock);
      };
      const forget = cleanUpOnExit(releaseOnExit);
      return () => {
        forget();
        try {
          releaseOnExit();
        } catch {
          // Already gone: nothing to release.
        }
      };
    }
    const holder = await holderOf(lock);
    if (holder !== undefined) {
      throw new SiteError(
        error(codes.outputLocked, `another migrant-site process (pid ${holder}) is writing ${target}`, {
          file: lock,
          hint: `wait for it to finish; if no build is running, delete ${lock}`,
        }),
      );
    }
    await unlink(lock).catch(() => undefined);
  }
  throw new SiteError(error(codes.outputLocked, `could not lock ${target}: another process keeps taking the lock`, { file: lock, hint: 'run one build of this site at a time' }));
}

/** The pid of a live holder of the lock, or undefined when the lock is stale (holder gone, unreadable, or too old). */
async function holderOf(lock: string): Promise<number | undefined> {
  const [text, info] = await Promise.all([readFile(lock, 'utf8').catch(() => ''), stat(lock).catch(() => undefined)]);
  const pid = Number(text);
  if (!Number.isInteger(pid) || pid <= 0 || !info || Date.now() - info.mtimeMs > staleAfterMs) return undefined;
  return isOtherProcessAlive(pid) ? pid : undefined;
}

/** Whether `pid` is a running process other than this one (EPERM: alive, owned by someone else). */
export function isOtherProcessAlive(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
