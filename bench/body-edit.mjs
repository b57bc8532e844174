#!/usr/bin/env node
// node bench/body-edit.mjs SITE_DIR [edits]
// The rebuild after a body edit, in-process (no watcher, no browser): a site
// builder as `serve --watch` makes it, one full build, then edits that append
// or remove a sentence at the end of one article, each followed by the same
// incremental build the watcher would ask for. Prints each rebuild's time and stages.
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSiteBuilder } from '../lib/pipeline/create-site-builder.js';
import { loadConfig } from '../lib/config/load-config.js';
import { silentLogger } from '../lib/log.js';

const [site, edits = '5'] = process.argv.slice(2);
if (!site) throw new Error('usage: node bench/body-edit.mjs SITE_DIR [edits]');
const { config, root } = await loadConfig(join(site, 'site.config.json'));
const builder = createSiteBuilder({ root, config: { ...config, outDir: 'dist-body-edit' }, now: new Date('2026-11-28T00:00:00Z'), logger: silentLogger, deferSearch: true });
let t = performance.now();
await builder.build();
console.log(`first build ${Math.round(performance.now() - t)} ms`);
const file = join('content/posts', readdirSync(join(site, 'content/posts')).sort()[7]);
// The corpus is cached and reused: the article must end as it was generated, whatever the count.
const original = readFileSync(join(site, file), 'utf8');
try {
  for (let i = 0; i < Number(edits); i++) {
    const text = readFileSync(join(site, file), 'utf8');
    writeFileSync(join(site, file), i % 2 ? text.replace(/ Extra words\.\n$/, '\n') : text.replace(/\n$/, ' Extra words.\n'));
    t = performance.now();
    const result = await builder.build(new Set([file]));
    const stages = Object.entries(result.timings).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ');
    console.log(`body edit ${i + 1}: ${Math.round(performance.now() - t)} ms, ${result.summary?.rendered} page(s) (${stages})`);
  }
} finally {
  writeFileSync(join(site, file), original);
  rmSync(join(site, 'dist-body-edit'), { recursive: true, force: true });
}
