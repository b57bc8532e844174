import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, renameSync, unlinkSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { snapshotDir } from './snapshot.js';
import { repoRoot } from './temp-site.js';

export interface FixtureCopy {
  root: string;
  write(path: string, text: string): void;
  read(path: string): string;
  edit(path: string, change: (text: string) => string): void;
  rename(from: string, to: string): void;
  remove(path: string): void;
  /** Every file under `dir` with its bytes (snapshotDir). */
  snapshot(dir: string): Record<string, string>;
  cleanup(): void;
}

/**
 * A copy of `test/fixtures/<name>` in a temp folder. Unless `ownTemplates` is
 * false, the built-in theme is copied into its `templates/`, so that steps can
 * edit templates as a site does; without, the site uses the built-in theme.
 * `search: false` turns the site's search off (Pagefind is the slowest stage)
 * for tests whose claim is not about search.
 */
export function copyFixture(name: string, { ownTemplates = true, search = true } = {}): FixtureCopy {
  const root = mkdtempSync(join(tmpdir(), `migrant-${name}-`));
  cpSync(join(repoRoot, 'test', 'fixtures', name), root, { recursive: true });
  if (ownTemplates) cpSync(join(repoRoot, 'theme'), join(root, 'templates'), { recursive: true });
  const abs = (p: string) => join(root, p);
  if (!search) {
    const config = JSON.parse(readFileSync(abs('site.config.json'), 'utf8')) as { search?: object };
    writeFileSync(abs('site.config.json'), JSON.stringify({ ...config, search: { ...config.search, enabled: false } }, null, 2));
  }
  return {
    root,
    write(path, text) {
      mkdirSync(dirname(abs(path)), { recursive: true });
      writeFileSync(abs(path), text);
    },
    read: (path) => readFileSync(abs(path), 'utf8'),
    edit(path, change) {
      writeFileSync(abs(path), change(readFileSync(abs(path), 'utf8')));
    },
    rename: (from, to) => renameSync(abs(from), abs(to)),
    remove: (path) => unlinkSync(abs(path)),
    snapshot: (dir) => snapshotDir(abs(dir)),
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}
