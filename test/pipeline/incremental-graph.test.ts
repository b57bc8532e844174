import fc from 'fast-check';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { silentLogger } from '../../src/log.js';
import { createSiteBuilder } from '../../src/pipeline/create-site-builder.js';
import { copyFixture, type FixtureCopy } from '../support/fixture-site.js';

// serve --watch rescoring related posts only where a tag edit can move them
// (graph/related-changes.ts): after random tag edits the served output equals
// a full build, page for page.

const now = new Date('2024-11-10T12:00:00Z');
const tagPool = ['asylum', 'detention', 'sea crossings', 'deportation', 'visas', 'smuggling', 'data', 'border policy'];
let site: FixtureCopy | undefined;
afterEach(() => site?.cleanup());

describe('incremental related posts in watch rebuilds', () => {
  it('give the same pages as a full build after random tag edits', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ post: fc.nat(), tags: fc.subarray(tagPool, { minLength: 1, maxLength: 3 }) }), { minLength: 1, maxLength: 3 }), async (edits) => {
        site?.cleanup();
        site = copyFixture('newsroom', { ownTemplates: false });
        const { config } = await loadConfig(`${site.root}/site.config.json`);
        const builder = (outDir: string) => createSiteBuilder({ root: site!.root, config: { ...config, outDir, search: { ...config.search, enabled: false } }, now, logger: silentLogger });
        const watch = builder('dist');
        await watch.build();
        const posts = readdirSync(join(site.root, 'content/posts')).filter((f) => f.endsWith('.md') && !/draft|embargo/.test(f)).sort();
        for (const e of edits) {
          const path = `content/posts/${posts[e.post % posts.length]}`;
          site.edit(path, (t) => t.replace(/^tags: \[.*\]$/m, `tags: [${e.tags.join(', ')}]`));
          const result = await watch.build(new Set([path]));
          expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        }
        await builder('dist-full').build();
        const served = site.snapshot('dist');
        const full = site.snapshot('dist-full');
        expect(Object.keys(served)).toEqual(Object.keys(full));
        for (const file of Object.keys(full)) expect(served[file], file).toBe(full[file]);
      }),
      { numRuns: 4 },
    );
  }, 300_000);
});
