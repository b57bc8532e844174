// node bench/ab-parse.mjs SITE ROUNDS BATCH ROOT_A ROOT_B
// The parse of the same posts by two builds of the generator (each a folder with a compiled
// lib/, such as a worktree), in one process, batch by batch, taking turns: CPU ms per batch
// and the ratio B/A. In-process and single-threaded, so the comparison is the code's alone.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
const [site, rounds, batch, ...roots] = process.argv.slice(2);
if (roots.length !== 2) {
  console.error('usage: node bench/ab-parse.mjs SITE ROUNDS BATCH ROOT_A ROOT_B');
  process.exit(2);
}
const dir = join(site, 'content/posts');
const files = readdirSync(dir).sort().map((f) => ({ kind: 'post', path: `content/posts/${f}`, bytes: new Uint8Array(readFileSync(join(dir, f))) }));
const sides = [];
for (const root of roots) {
  const { loadConfig } = await import(join(root, 'lib/config/load-config.js'));
  const { config } = await loadConfig(join(site, 'site.same.json'));
  const ps = await import(join(root, 'lib/content/parse-source.js'));
  sides.push({ root, options: ps.contentOptionsOf(config), parsePost: ps.parsePost, ms: [] });
}
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
// warm-up
for (const s of sides) for (const f of files.slice(0, 100)) s.parsePost(f, s.options);
let at = 0;
for (let r = 0; r < +rounds; r++) {
  const slice = files.slice(at, at + +batch); at = (at + +batch) % files.length;
  for (const s of (r % 2 ? [...sides].reverse() : sides)) {
    const t = cpu();
    for (const f of slice) s.parsePost(f, s.options);
    s.ms.push(cpu() - t);
  }
}
const med = (a) => { const b = [...a].sort((x, y) => x - y); return b[b.length >> 1]; };
const sum = (a) => a.reduce((x, y) => x + y, 0);
for (const s of sides) console.log(s.root, 'total', sum(s.ms).toFixed(0), 'ms; median batch', med(s.ms).toFixed(1), 'ms');
for (let i = 1; i < sides.length; i++) {
  const ratios = sides[i].ms.map((m, k) => m / sides[0].ms[k]);
  console.log(`${sides[i].root} / ${sides[0].root}: total ${(sum(sides[i].ms) / sum(sides[0].ms)).toFixed(3)}, median of per-batch ratios ${med(ratios).toFixed(3)}`);
}
