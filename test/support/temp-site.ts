import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = join(repoRoot, 'bin', 'migrant-site.js');

export const minimalConfig = {
  title: 'Test News',
  baseUrl: 'https://news.example.org/',
  language: 'en',
  timeZone: 'UTC',
};

export interface TempSite {
  root: string;
  write(path: string, text: string | Uint8Array): void;
  read(path: string): string;
  exists(path: string): boolean;
  /** Every file under `dir`, relative, sorted. */
  list(dir?: string): string[];
  /** Runs the built CLI in the site folder. */
  run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }>;
  /** Runs the built CLI with extra environment variables (GITHUB_ACTIONS=true). */
  runWith(env: Record<string, string>, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }>;
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
    run: (...args) => site.runWith({}, ...args),
    async runWith(env, ...args) {
      try {
        const { GITHUB_ACTIONS: _, ...outside } = process.env;
        const { stdout, stderr } = await promisify(execFile)(process.execPath, [bin, ...args], { cwd: root, env: { ...outside, NO_COLOR: '1', ...env } });
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
