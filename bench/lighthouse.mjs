#!/usr/bin/env node
// npm run bench:lighthouse -- [--dir BUILT_SITE --base-path /news/] [--throttling simulate,provided] [--runs 1] [--article SLUG]
// Lighthouse's four category scores for the sample site's home page and its photo-hero article,
// at the desktop and mobile presets, with Debian's chromium headless. Lighthouse is fetched by
// npx at a pinned version, never installed into the repository's node_modules.
import { execFile, spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { machineInfo, printMachine } from './harness/measure.mjs';
import { median, markdownTable } from './harness/stats.mjs';

const lighthouse = 'lighthouse@12.8.2'; // 13.x needs Node 22; the project runs on Node 20
const categories = ['performance', 'accessibility', 'best-practices', 'seo'];
const formFactors = ['desktop', 'mobile'];
// The metrics behind the performance score, and Lighthouse's own CPU benchmark (higher is a
// faster, less loaded machine), so a low score can be told apart from a busy machine.
const metrics = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index'];
const throttlingMethods = ['simulate', 'provided', 'devtools'];
const repo = fileURLToPath(new URL('../', import.meta.url));
const work = join(repo, 'bench', '.work', 'lighthouse');

const usage = 'usage: npm run bench:lighthouse -- [--dir BUILT_SITE --base-path /news/] [--throttling simulate,provided] [--runs 1] [--article SLUG]';
const { values } = parseArgs({
  options: {
    dir: { type: 'string' },
    'base-path': { type: 'string', default: '/news/' },
    throttling: { type: 'string', default: 'simulate' },
    runs: { type: 'string', default: '1' },
    article: { type: 'string', default: 'rescue-ships-detained-central-mediterranean' },
  },
});
const throttling = values.throttling.split(',');
const runs = Number.parseInt(values.runs, 10);
const basePath = `/${values['base-path'].replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
if (!(runs > 0) || throttling.some((t) => !throttlingMethods.includes(t))) {
  console.error(usage);
  process.exit(2);
}
const chromePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';

const { createStaticServer } = await import(new URL('../lib/dev/create-static-server.js', import.meta.url).href).catch(() => {
  console.error('lib/ is missing: run `npm run build` first');
  process.exit(2);
});
const machine = machineInfo();
// npm runs scripts in the repository root: a relative --dir is taken from where npm was called.
const site = values.dir ? resolve(process.env.INIT_CWD ?? '.', values.dir) : await buildSampleSite();
const pages = [
  { name: 'home', path: '' },
  { name: `article ${values.article}`, path: articlePath(site, values.article) },
];
const server = createStaticServer({ dir: site, basePath, host: '127.0.0.1' });
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

const reportsDir = join(work, 'reports');
rmSync(reportsDir, { recursive: true, force: true });
mkdirSync(reportsDir, { recursive: true });
const results = [];
try {
  for (const method of throttling) {
    for (const page of pages) {
      for (const formFactor of formFactors) {
        const reports = [];
        for (let r = 0; r < runs; r++) {
          const file = join(reportsDir, `${slug(page.name)}-${formFactor}-${method}-${r + 1}.json`);
          console.error(`lighthouse ${method} ${formFactor} ${page.name} (${r + 1}/${runs})…`);
          reports.push(await runLighthouse(`${origin}${basePath}${page.path}`, formFactor, method, file));
        }
        results.push({ method, page: page.name, formFactor, reports });
      }
    }
  }
} finally {
  await new Promise((resolve) => server.close(resolve));
}

console.log(`### Lighthouse ${lighthouse.split('@')[1]} (${runs} run${runs > 1 ? 's, median' : ''}), chromium ${await chromiumVersion()}\n`);
printMachine(machine);
console.log(`- reports: ${reportsDir}\n`);
for (const method of throttling) {
  console.log(`Throttling method \`${method}\`:\n`);
  const rows = results
    .filter((r) => r.method === method)
    .map((r) => [r.page, r.formFactor, ...categories.map((c) => String(median(r.reports.map((rep) => rep.scores[c]))))]);
  console.log(`${markdownTable(['page', 'form factor', ...categories], rows)}\n`);
  const metricRows = results
    .filter((r) => r.method === method)
    .map((r) => [r.page, r.formFactor, ...[...metrics, 'benchmarkIndex'].map((m) => String(median(r.reports.map((rep) => rep.metrics[m]))))]);
  console.log(`${markdownTable(['page', 'form factor', 'FCP (ms)', 'LCP (ms)', 'TBT (ms)', 'CLS', 'Speed Index (ms)', 'CPU benchmark index'], metricRows)}\n`);
}
const losses = results.flatMap((r) => r.reports.slice(0, 1).flatMap((rep) => rep.losses.map((l) => `- ${r.method} ${r.formFactor} ${r.page}: ${l}`)));
if (losses.length) console.log(`Below 90, the audits that cost the points (weight × lost fraction):\n\n${losses.join('\n')}`);

async function buildSampleSite() {
  const out = join(work, 'site');
  rmSync(out, { recursive: true, force: true });
  const args = ['build', '--config', join(repo, 'site.config.json'), '--out', out, '--base-url', `https://example.org${basePath}`, '--now', '2026-11-28T12:00:00Z', '--offline', '-q'];
  console.error('building the sample site…');
  await promisify(execFile)(process.execPath, [join(repo, 'bin', 'migrant-site.js'), ...args], { cwd: repo });
  return out;
}

// The article's URL depends on the site's permalink pattern (dated by default): find its page.
function articlePath(dir, articleSlug) {
  const page = readdirSync(dir, { recursive: true }).map(String).find((f) => f.endsWith(`${articleSlug}/index.html`) && (f === `${articleSlug}/index.html` || f.endsWith(`/${articleSlug}/index.html`)));
  if (!page) {
    console.error(`no page for the article ${articleSlug} in ${dir}`);
    process.exit(2);
  }
  return page.slice(0, -'index.html'.length);
}

function runLighthouse(url, formFactor, method, file) {
  const args = [
    '--yes', lighthouse, url,
    '--output=json', `--output-path=${file}`, '--quiet',
    `--only-categories=${categories.join(',')}`,
    `--throttling-method=${method}`,
    '--chrome-flags=--headless=new --no-sandbox --disable-gpu --no-first-run',
    ...(formFactor === 'desktop' ? ['--preset=desktop'] : []),
  ];
  return new Promise((resolve, reject) => {
    const child = spawn('npx', args, { cwd: work, env: { ...process.env, CHROME_PATH: chromePath }, stdio: ['ignore', 'inherit', 'pipe'] });
    const err = [];
    child.stderr.on('data', (b) => err.push(b));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`lighthouse exited with ${code} for ${url}\n${Buffer.concat(err).toString().slice(-2000)}`));
      resolve(readReport(file));
    });
  });
}

function readReport(file) {
  const report = JSON.parse(readFileSync(file, 'utf8'));
  if (report.runtimeError) throw new Error(`${file}: ${report.runtimeError.code} ${report.runtimeError.message}`);
  const scores = Object.fromEntries(categories.map((c) => [c, Math.round(report.categories[c].score * 100)]));
  // Which weighted audits pulled a category under 90, largest loss first.
  const losses = categories
    .filter((c) => scores[c] < 90)
    .flatMap((c) => {
      const refs = report.categories[c].auditRefs.filter((ref) => ref.weight > 0);
      const total = refs.reduce((sum, ref) => sum + ref.weight, 0);
      return refs
        .map((ref) => ({ ref, audit: report.audits[ref.id] }))
        .filter(({ audit }) => typeof audit.score === 'number' && audit.score < 1)
        .map(({ ref, audit }) => ({ c, lost: (ref.weight * (1 - audit.score) * 100) / total, audit }))
        .sort((a, b) => b.lost - a.lost)
        .map(({ lost, audit }) => `${c} −${lost.toFixed(1)}: ${audit.id} (${audit.displayValue ?? `score ${audit.score}`})`);
    });
  const measured = Object.fromEntries(metrics.map((m) => [m, report.audits[m].numericUnit === 'unitless' ? Number(report.audits[m].numericValue.toFixed(3)) : Math.round(report.audits[m].numericValue)]));
  return { scores, losses, metrics: { ...measured, benchmarkIndex: Math.round(report.environment.benchmarkIndex) } };
}

async function chromiumVersion() {
  const { stdout } = await promisify(execFile)(chromePath, ['--version']).catch(() => ({ stdout: 'unknown' }));
  return stdout.trim();
}

function slug(name) {
  return name.replace(/\W+/g, '-').replace(/-$/, '');
}
