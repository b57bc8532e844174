// `npm run bench:compare -- --scenario ci`: per size, Eleventy and Hugo (if installed) cold,
// and for each migrant-site variant (this checkout, and with --base another one, e.g. main)
// a cold build that primes the restored state, then each CI change on a fresh restored
// workspace. Variants alternate within every round; the tables show medians and ranges.
import { ciBuild, ciChanges, primeVariant, snapshotVariant } from './ci-scenario.mjs';
import { parseBuildOutput, siteArgs } from './migrant.mjs';
import { markdownTable, median, summarize } from './stats.mjs';
import { createTools } from './tools.mjs';
import { emptyTrash, ensureCorpus, repoRoot } from './workspace.mjs';
import { execFileSync } from 'node:child_process';

const hugoInstalled = () => {
  try {
    execFileSync('hugo', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

export async function compareCi({ sizes, runs, seed, mode, base }) {
  const variants = [snapshotVariant('current', repoRoot), ...(base ? [snapshotVariant('base', base)] : [])];
  const withHugo = hugoInstalled();
  const results = [];
  for (const articles of sizes) {
    const corpus = ensureCorpus(articles, seed);
    const args = siteArgs(corpus.site, mode);
    const others = createTools(corpus, mode).filter((t) => t.name !== 'migrant-site' && (t.name !== 'Hugo' || withHugo));
    for (const t of others) t.prepare();
    const cold = Object.fromEntries([...others.map((t) => t.name), ...variants.map((v) => v.label)].map((n) => [n, []]));
    const primed = {};
    const ci = Object.fromEntries(Object.keys(ciChanges).map((c) => [c, Object.fromEntries(variants.map((v) => [v.label, []]))]));
    for (let r = 0; r < runs; r++) {
      const order = r % 2 ? [...variants].reverse() : variants;
      for (const t of others) {
        const b = await t.build();
        cold[t.name].push(b);
        console.error(`${articles}: ${t.name} cold ${(b.wallMs / 1000).toFixed(2)} s, ${b.rssMiB.toFixed(0)} MiB`);
      }
      for (const v of order) {
        const p = await primeVariant(v, corpus.site, args);
        primed[v.label] = p.primed;
        cold[v.label].push({ ...p.cold, ...parseBuildOutput(p.cold.stdout) });
        console.error(`${articles}: migrant-site ${v.label} cold ${(p.cold.wallMs / 1000).toFixed(2)} s, ${p.cold.rssMiB.toFixed(0)} MiB`);
      }
      for (const change of Object.keys(ciChanges)) {
        for (const v of order) {
          const run = await ciBuild(v, primed[v.label], change, args);
          const b = { ...run, ...parseBuildOutput(run.stdout) };
          ci[change][v.label].push(b);
          console.error(`${articles}: ci ${change} ${v.label} ${(b.wallMs / 1000).toFixed(2)} s (${b.summary.pages} pages, ${b.summary.changed} files changed)`);
        }
      }
    }
    emptyTrash();
    results.push({ articles, cold, ci, others: others.map((t) => `${t.name} ${t.version()}`) });
  }
  printCi(results, variants, mode, runs);
}

function printCi(results, variants, mode, runs) {
  const label = (v) => `migrant-site ${v.label} (${v.commit})`;
  console.log(`\n### \`ci\` scenario, \`${mode}\` site; ${runs} run(s) (median, min–max); ${results[0].others.join(', ')} cold\n`);
  for (const { articles, cold, ci } of results) {
    console.log(`\n#### ${articles.toLocaleString('en')} articles\n`);
    console.log(markdownTable(
      ['build', 'wall (s)', 'peak RSS (MiB)'],
      [
        ...Object.entries(cold).map(([name, builds]) => [`${variants.some((v) => v.label === name) ? label(variants.find((v) => v.label === name)) : name}, cold`, summarize(builds.map((b) => b.wallMs / 1000)), summarize(builds.map((b) => b.rssMiB), 0)]),
        ...Object.entries(ci).flatMap(([change, byVariant]) => variants.map((v) => [`${label(v)}, ci ${change}`, summarize(byVariant[v.label].map((b) => b.wallMs / 1000)), summarize(byVariant[v.label].map((b) => b.rssMiB), 0)])),
      ],
    ));
    const columns = [['cold', cold], ...Object.entries(ci)].flatMap(([name, byVariant]) => variants.map((v) => [`${name} ${v.label}`, byVariant[v.label]]));
    const stages = [...new Set(columns.flatMap(([, builds]) => builds.flatMap((b) => Object.keys(b.stages ?? {}))))];
    console.log('\nper stage (ms, median), `build --verbose`:\n');
    console.log(markdownTable(
      ['stage', ...columns.map(([name]) => name)],
      [
        ...stages.map((s) => [s, ...columns.map(([, builds]) => fmt(builds.map((b) => b.stages?.[s])))]),
        ['build, as reported', ...columns.map(([, builds]) => fmt(builds.map((b) => b.summary?.ms)))],
        ['process wall', ...columns.map(([, builds]) => fmt(builds.map((b) => b.wallMs)))],
        ['pages / files changed', ...columns.map(([, builds]) => `${median(builds.map((b) => b.summary?.pages ?? 0))} / ${median(builds.map((b) => b.summary?.changed ?? 0))}`)],
      ],
    ));
  }
}

const fmt = (values) => {
  const v = values.filter((x) => Number.isFinite(x));
  return v.length ? median(v).toFixed(0) : '–';
};
