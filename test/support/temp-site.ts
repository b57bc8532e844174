import { execFile } from 'node:child_process';
import { Writable } from 'node:stream';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { main } from '../../src/cli/main.js';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

const bin = join(repoRoot, 'bin', 'migrant-site.js');

/**
 * The repository's own site (content and config) copied into `root`, with the
 * resized pictures its last build kept, if any (the browser project's setup
 * builds it first): a copy then builds as the sample does without encoding
 * every picture again, which is most of a cold build of it.
 */
export function copySampleSite(root: string): void {
  for (const part of ['content', 'site.config.json']) cpSync(join(repoRoot, part), join(root, part), { recursive: true });
  const pictures = join(repoRoot, '.cache', 'migrant-site', 'images');
  // A build writing the cache (the browser project's) makes each file under a temp name and renames it: those come and go.
  if (existsSync(pictures)) cpSync(pictures, join(root, '.cache', 'migrant-site', 'images'), { recursive: true, filter: (file) => !file.endsWith('.tmp') });
}

export const minimalConfig = {
  title: 'Test News',
  baseUrl: 'https://news.example.org/',
  language: 'en',
  timeZone: 'UTC',
  // Indexing is the slowest stage; tests of search turn it on.
  search: { enabled: false },
};

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** The test's environment without GitHub Actions' variables, uncoloured, plus `env`. */
function cliEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const { GITHUB_ACTIONS: _, ...outside } = process.env;
  return { ...outside, NO_COLOR: '1', ...env };
}

export interface TempSite {
  root: string;
  write(path: string, text: string | Uint8Array): void;
  read(path: string): string;
  exists(path: string): boolean;
  /** Every file under `dir`, relative, sorted. */
  list(dir?: string): string[];
  /** Runs the CLI's main() in-process in the site folder: the current sources, no process to start. */
  main(...args: string[]): Promise<CliResult>;
  /** main() with extra environment variables (GITHUB_ACTIONS=true). */
  mainWith(env: Record<string, string>, ...args: string[]): Promise<CliResult>;
  /** Runs the compiled CLI as a separate process, for what only a process shows (locks held by a pid, TZ, signals). */
  run(...args: string[]): Promise<CliResult>;
  /** run() with extra environment variables. */
  runWith(env: Record<string, string>, ...args: string[]): Promise<CliResult>;
  remove(): void;
}

/** A site folder in a temp dir (built with the built-in theme unless it gets its own `templates/`), with the given files. */
export function createTempSite(files: Record<string, string>, options: { config?: object } = {}): TempSite {
  const root = mkdtempSync(join(tmpdir(), 'migrant-site-test-'));
  const site: TempSite = {
    root,
    write(path, text) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    },
    read: (path) => readFileSync(join(root, path), 'utf8'),
    exists: (path) => existsSync(join(root, path)),
    list(dir = 'dist') {
      const base = join(root, dir);
      if (!existsSync(base)) return [];
      return (readdirSync(base, { recursive: true }) as string[])
        .filter((f) => statSync(join(base, f)).isFile())
        .map((f) => relative(base, join(base, f)).split('\\').join('/'))
        .sort();
    },
    main: (...args) => site.mainWith({}, ...args),
    mainWith: (env, ...args) => runMain(root, args, env),
    run: (...args) => site.runWith({}, ...args),
    async runWith(env, ...args) {
      try {
        const { stdout, stderr } = await promisify(execFile)(process.execPath, [bin, ...args], { cwd: root, env: cliEnv(env) });
        return { code: 0, stdout, stderr };
      } catch (e) {
        const err = e as { code: number; stdout: string; stderr: string };
        return { code: err.code, stdout: err.stdout, stderr: err.stderr };
      }
    },
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
  site.write('site.config.json', JSON.stringify({ ...minimalConfig, ...options.config }, null, 2));
  for (const [path, text] of Object.entries(files)) site.write(path, text);
  return site;
}

/** A stream that keeps what is written to it. */
function capture(): { stream: Writable; text: () => string } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      chunks.push(Buffer.from(chunk));
      done();
    },
  });
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

/**
 * `migrant-site ...args` through main() in `cwd`. Tests in a file run one at a
 * time and vitest runs files in separate processes, so changing the working
 * folder for the call is safe.
 */
export async function runMain(cwd: string, args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  const stdout = capture();
  const stderr = capture();
  const before = process.cwd();
  process.chdir(cwd);
  try {
    const code = await main(['node', 'migrant-site', ...args], { stdout: stdout.stream, stderr: stderr.stream, env: cliEnv(env) });
    return { code, stdout: stdout.text(), stderr: stderr.text() };
  } finally {
    process.chdir(before);
  }
}

/** Front matter + body for an article. */
export function article(fields: Record<string, unknown>, body = 'Body text.'): string {
  const yaml = Object.entries(fields)
    .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join('\n');
  return `---\n${yaml}\n---\n\n${body}\n`;
}

/** What a command printed to stderr besides progress lines (`render 12/12`, shown when a build takes over 2 s, as on a loaded machine). */
export function problemsIn(stderr: string): string[] {
  return stderr.split('\n').filter((line) => line !== '' && !/^\w+ +\d+\/\d+$/.test(line));
}
