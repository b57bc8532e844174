import { mkdirSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { classifyChange } from '../../src/dev/classify-change.js';
import { watchSite, type SiteWatcher } from '../../src/dev/watch-site.js';
import { article, createTempSite, type TempSite } from '../support/temp-site.js';
import { waitFor } from './processes.js';

// Dev-server rule 8: the watcher sees atomic saves, deletions and renames, and
// never reports the output folder, the cache or editor temp files. The filter
// is the one `serve --watch` gives it (src/dev/serve-site.ts).

let site: TempSite | undefined;
let watcher: SiteWatcher | undefined;
afterEach(async () => {
  await watcher?.close();
  site?.remove();
  watcher = site = undefined;
});

const ignored = (path: string) => path !== '' && classifyChange(path, 'site.config.json', 'dist') === 'ignored' && !/^(content|templates)$/.test(path);

describe('dev-server rule 8: watching the site', () => {
  it('reports an atomic save, a deletion and a rename by their real names, and nothing from dist/, .cache/ or editor files', async () => {
    site = createTempSite({
      'content/posts/a.md': article({ title: 'A', date: '2024-11-01' }),
      'content/posts/b.md': article({ title: 'B', date: '2024-11-02' }),
      'content/posts/c.md': article({ title: 'C', date: '2024-11-03' }),
    });
    mkdirSync(`${site.root}/dist`);
    const reported = new Set<string>();
    watcher = await watchSite({ root: site.root, paths: [''], ignored, onBatch: (paths) => paths.forEach((p) => reported.add(p)), onError: (e) => { throw e; } });

    // Noise first: were any of it reported, it would be by the time the real changes are.
    site.write('dist/index.html', 'built');
    site.write('.cache/migrant-site/entry.json', '{}');
    site.write('content/posts/.a.md.swp', 'vim swap');
    site.write('content/posts/a.md~', 'backup');
    // An editor's atomic save: a temp file renamed over the article.
    writeFileSync(`${site.root}/content/posts/a.md.tmp`, article({ title: 'A, revised', date: '2024-11-01' }));
    renameSync(`${site.root}/content/posts/a.md.tmp`, `${site.root}/content/posts/a.md`);
    unlinkSync(`${site.root}/content/posts/b.md`);
    renameSync(`${site.root}/content/posts/c.md`, `${site.root}/content/posts/d.md`);

    const expected = ['content/posts/a.md', 'content/posts/b.md', 'content/posts/c.md', 'content/posts/d.md'];
    await waitFor(() => expected.every((p) => reported.has(p)), `${expected.join(', ')} to be reported`);
    expect([...reported].sort()).toEqual(expected);
  });

  it('reports a save that follows the last one within 50 ms (chokidar drops such change events)', async () => {
    site = createTempSite({ 'content/posts/a.md': article({ title: 'A', date: '2024-11-01' }) });
    const reports: string[] = [];
    watcher = await watchSite({
      root: site.root,
      paths: [''],
      ignored,
      // No quiet time: the second save below lands right after chokidar reported the first.
      timing: { quietMs: 0, repeatQuietMs: 0 },
      onBatch: (paths) => {
        reports.push(...paths);
        if (reports.length === 1) site!.write('content/posts/a.md', article({ title: 'A, formatted', date: '2024-11-01' }));
      },
      onError: (e) => { throw e; },
    });
    site.write('content/posts/a.md', article({ title: 'A, revised', date: '2024-11-01' }));
    await waitFor(() => reports.length >= 2, 'the second save to be reported', 30_000);
    expect(reports.slice(0, 2)).toEqual(['content/posts/a.md', 'content/posts/a.md']);
  });
});
