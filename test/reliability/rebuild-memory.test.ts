import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { silentLogger } from '../../src/log.js';
import { createSiteBuilder } from '../../src/pipeline/create-site-builder.js';
import { article, createTempSite, type TempSite } from '../support/temp-site.js';

// Dev-server rule 10: memory stays bounded across hundreds of rebuilds. The
// measure is the heap retained after a full collection, not time, so a loaded
// machine changes nothing but how long the test takes.

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function retainedHeap(): number {
  // Twice: the first pass can leave finalizers and weak references for the second.
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

const rebuilds = 120;
const warmUp = 20;
// Measured over these 100 rebuilds: about 1.2 MB of growth (a fixed cost: 250 rebuilds gave 1.3 MB), while
// keeping each rebuild's prepared model (graph, plan, pages) alive gives 8.3 MB and fails.
const allowedGrowth = 4 * 1024 * 1024;

let site: TempSite;
afterEach(() => site?.remove());

describe('dev-server rule 10: memory across rebuilds', () => {
  it(`retains no more than ${allowedGrowth / 1024 / 1024} MB more after rebuild ${rebuilds} than after rebuild ${warmUp}`, async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 12; i++) files[`content/posts/p${i}.md`] = article({ title: `Report ${i}`, date: `2024-11-0${1 + (i % 9)}`, tags: ['asylum', `topic ${i % 3}`] }, `Paragraph ${i}.`);
    site = createTempSite(files, { config: { search: { enabled: false } } });
    const { config } = await loadConfig(`${site.root}/site.config.json`);
    const builder = createSiteBuilder({ root: site.root, config, now: new Date('2024-11-10T12:00:00Z'), logger: silentLogger });
    expect((await builder.build()).summary).toBeDefined();

    let atWarmUp = 0;
    for (let n = 1; n <= rebuilds; n++) {
      // Odd rebuilds edit a body (the fast path), even ones a tag (the graph is rebuilt); each edit is new text.
      const tags = n % 2 === 0 ? ['asylum', `edit ${n % 7}`] : ['asylum', 'topic 0'];
      site.write('content/posts/p0.md', article({ title: 'Report 0', date: '2024-11-01', tags }, `Paragraph 0, revision ${n}.`));
      const result = await builder.build(new Set(['content/posts/p0.md']));
      expect(result.diagnostics.filter((d) => d.severity === 'error'), `rebuild ${n}`).toEqual([]);
      expect(result.summary, `rebuild ${n}`).toBeDefined();
      if (n === warmUp) atWarmUp = retainedHeap();
    }
    const growth = retainedHeap() - atWarmUp;
    expect(site.list().filter((f) => site.read(`dist/${f}`).includes(`revision ${rebuilds}.`))).toContain('2024/11/p0/index.html');
    expect(growth, `retained heap grew ${(growth / 1024 / 1024).toFixed(2)} MB`).toBeLessThan(allowedGrowth);
  }, 600_000);
});
