import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { silentLogger } from '../../src/log.js';
import { createSiteBuilder } from '../../src/pipeline/create-site-builder.js';
import { copyFixture, type FixtureCopy } from '../support/fixture-site.js';
import { repoRoot } from '../support/temp-site.js';

// serve --watch with pages rendered on worker threads: after each edit the
// rebuilt output equals a fresh build on the main thread, file for file. The
// builder comes from the compiled lib/ (compiled by the integration project's
// setup), where the worker threads' module exists.

type Lib<T> = Promise<T>;
const lib = <T>(path: string): Lib<T> => import(pathToFileURL(join(repoRoot, 'lib', path)).href) as Lib<T>;

const now = new Date('2024-11-10T12:00:00Z');
const site: FixtureCopy = copyFixture('newsroom');
afterAll(() => site.cleanup());

async function configFor(outDir: string) {
  const { config } = await loadConfig(`${site.root}/site.config.json`);
  return { ...config, outDir, search: { ...config.search, enabled: false } };
}

describe('rebuilds with pages rendered on worker threads', { timeout: 240_000 }, () => {
  it('equal a fresh main-thread build after each edit', async () => {
    const { createSiteBuilder: libBuilder } = await lib<typeof import('../../src/pipeline/create-site-builder.js')>('pipeline/create-site-builder.js');
    const { createWorkerThreads } = await lib<typeof import('../../src/pipeline/worker-threads.js')>('pipeline/worker-threads.js');
    const { createRenderWorkers } = await lib<typeof import('../../src/pipeline/render-workers.js')>('pipeline/render-workers.js');
    const threads = createWorkerThreads(2);
    const rendered: number[] = [];
    const workers = createRenderWorkers(threads, { MIGRANT_SITE_RENDER_WORKERS: 'always' });
    const counting = { ...workers, render: (batch: Parameters<typeof workers.render>[0]) => (rendered.push(batch.pages.length), workers.render(batch)) };
    try {
      const watch = libBuilder({ root: site.root, config: await configFor('dist'), now, logger: silentLogger, renderWorkers: counting });
      const steps: [string, () => string[]][] = [
        ['first build', () => []],
        ['edit a card partial: every page renders again', () => (site.edit('templates/partials/post-card.hbs', (t) => t.replace('<article class="card">', '<article class="card card--edited">')), ['templates/partials/post-card.hbs'])],
        ['change the tags of an article', () => (site.edit('content/posts/crete-route.md', (t) => t.replace('tags: [smuggling, sea crossings]', 'tags: [people smuggling, sea crossings]')), ['content/posts/crete-route.md'])],
        ['change a title shown in lists', () => (site.edit('content/posts/lesbos-arrivals.md', (t) => t.replace('Arrivals rise on Lesbos', 'Arrivals climb on Lesbos')), ['content/posts/lesbos-arrivals.md'])],
      ];
      for (const [name, step] of steps) {
        const changed = step();
        rendered.length = 0;
        const result = await watch.build(name === 'first build' ? undefined : new Set(changed));
        expect(result.diagnostics.filter((d) => d.severity === 'error'), name).toEqual([]);
        expect(rendered.length, `${name}: pages went to the threads`).toBeGreaterThan(0);
        const fresh = await createSiteBuilder({ root: site.root, config: await configFor('dist-fresh'), now, logger: silentLogger }).build();
        expect(fresh.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        const [got, want] = [site.snapshot('dist'), site.snapshot('dist-fresh')];
        expect(Object.keys(got), name).toEqual(Object.keys(want));
        expect(Object.keys(want).filter((f) => got[f] !== want[f]), name).toEqual([]);
      }
      expect(site.read('dist/index.html')).toContain('card--edited');
    } finally {
      await threads.close();
    }
  });
});
