#!/usr/bin/env node
// gen-corpus.mjs — the benchmark's deterministic synthetic news corpus, adapted from the
// reference generator so the bench does not depend on anything outside the repository.
//
//   node bench/gen-corpus.mjs SITE_DIR N [--seed 42] [--corpus CORPUS_DIR]
//
// Writes SITE_DIR as a migrant-site site folder (content/posts, content/authors,
// content/data/popularity.json, site.config.json; no templates/: it uses the built-in theme).
// With --corpus it also writes the same articles in the generator's own format to
// CORPUS_DIR/posts, which is what the Hugo and Eleventy sites read: the site's posts are
// derived from exactly those texts (see harness/site-layout.mjs), so all tools build one corpus.
//
// Post i depends only on (seed, i), except that internal links point to posts j < i, so the
// first 1,000 posts of a 4,000 corpus equal a 1,000 corpus. Same (N, seed) => same bytes.
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { writeCorpus, writeSite } from './harness/site-layout.mjs';

/** The generator for one seed: `post(i)` gives `{ slug, text }` in the corpus format. */
export function createCorpus(seed = 42) {
  const SEED = seed >>> 0;

  // ---------- PRNG ----------
  function mix32(a) { // splitmix-like integer hash
    a = (a + 0x9e3779b9) | 0;
    a = Math.imul(a ^ (a >>> 16), 0x85ebca6b);
    a = Math.imul(a ^ (a >>> 13), 0xc2b2ae35);
    return (a ^ (a >>> 16)) >>> 0;
  }
  function rngFor(...parts) { // mulberry32 seeded from a hash of the parts
    let s = SEED;
    for (const p of parts) s = mix32(s ^ (typeof p === 'number' ? p : strHash(p)));
    return function () {
      s = (s + 0x6d2b79f5) | 0;
      let t = Math.imul(s ^ (s >>> 15), 1 | s);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  function strHash(str) {
    let h = 2166136261;
    for (let i = 0; i < str.length; i++) h = Math.imul(h ^ str.charCodeAt(i), 16777619);
    return h >>> 0;
  }
  const int = (r, lo, hi) => lo + Math.floor(r() * (hi - lo + 1)); // inclusive
  const pick = (r, arr) => arr[Math.floor(r() * arr.length)];
  function zipfSampler(n, s) { // returns (r) => index in [0,n) with P ~ 1/(k+1)^s
    const cum = new Float64Array(n);
    let acc = 0;
    for (let k = 0; k < n; k++) { acc += 1 / Math.pow(k + 1, s); cum[k] = acc; }
    return (r) => {
      const x = r() * acc;
      let lo = 0, hi = n - 1;
      while (lo < hi) { const mid = (lo + hi) >> 1; if (cum[mid] < x) lo = mid + 1; else hi = mid; }
      return lo;
    };
  }

  // ---------- generated vocabulary (no copied text) ----------
  const ONSETS = ['b', 'br', 'c', 'ch', 'd', 'dr', 'f', 'g', 'gr', 'h', 'k', 'l', 'm', 'n', 'p', 'pr', 'r', 's', 'sh', 'st', 't', 'tr', 'v', 'w', 'z', ''];
  const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'io', 'ou', 'y'];
  const CODAS = ['', '', '', 'n', 'r', 's', 'l', 'nd', 'st', 'm', 'th', 'x', 'ck'];
  function makeWord(r) {
    const syl = pick(r, [1, 1, 2, 2, 2, 3, 3, 4]);
    let w = '';
    for (let i = 0; i < syl; i++) w += pick(r, ONSETS) + pick(r, VOWELS) + (i === syl - 1 ? pick(r, CODAS) : '');
    return w;
  }
  const vocab = (() => {
    const r = rngFor('vocab');
    const set = new Set();
    while (set.size < 6000) { const w = makeWord(r); if (w.length >= 2 && w.length <= 12) set.add(w); }
    // short function-like words first so Zipf makes them the most frequent
    return [...set].sort((a, b) => (a.length <= 3 ? 0 : 1) - (b.length <= 3 ? 0 : 1));
  })();
  const wordZipf = zipfSampler(vocab.length, 1.0);
  const word = (r) => vocab[wordZipf(r)];
  const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);

  // ---------- pools ----------
  const CATEGORIES = [
    'Kenya', 'Nigeria', 'Brazil', "Côte d'Ivoire", 'India', 'Pakistan', 'Bangladesh', 'Mexico', 'Colombia', 'Peru',
    'Indonesia', 'Philippines', 'Vietnam', 'Egypt', 'Morocco', 'Türkiye', 'Ukraine', 'Poland', 'South Africa', 'Ethiopia',
    'East Africa', 'West Africa', 'Middle East', 'South Asia', 'Southeast Asia', 'Central America', 'Andean Region',
    'Balkans', 'Caucasus', 'Pacific Islands',
  ];
  const catZipf = zipfSampler(CATEGORIES.length, 0.7);

  const AUTHORS = (() => {
    const r = rngFor('authors');
    const a = [];
    while (a.length < 23) a.push(`${cap(makeWord(r))} ${cap(makeWord(r))}`);
    a.push('Zoë Halvórsen', 'Anaïs Ferreira-Kowalczyk'); // non-ASCII names
    return a;
  })();

  const TAG_MODS = ['human', 'press', 'climate', 'digital', "women's", 'child', 'land', 'food', 'public', 'regional',
    'urban', 'rural', 'youth', 'minority', 'indigenous', 'cross-border', 'local', 'national', 'maritime', 'gender'];
  const TAG_HEADS = ['trafficking', 'freedom', 'rights', 'migration', 'elections', 'protests', 'reform', 'corruption',
    'security', 'policy', 'crisis', 'trade', 'energy', 'water', 'health', 'education', 'labour', 'housing', 'debt',
    'inflation', 'drought', 'floods', 'courts', 'media', 'surveillance', 'censorship', 'aid', 'conflict', 'refugees',
    'tourism', 'mining', 'farming', 'fisheries', 'transport', 'technology', 'banking', 'taxes', 'pensions', 'prisons', 'policing'];
  const TAGS = (() => {
    const r = rngFor('tags');
    const combos = [];
    for (const m of TAG_MODS) for (const h of TAG_HEADS) combos.push(`${m} ${h}`);
    for (let i = combos.length - 1; i > 0; i--) { const j = Math.floor(r() * (i + 1)); [combos[i], combos[j]] = [combos[j], combos[i]]; }
    const special = ['São Paulo', "Côte d'Ivoire elections", 'صحافة', 'Zürich talks', 'Kraków summit', 'Ñuble wildfires',
      'Curaçao', 'Reykjavík accord', 'Māori land rights', 'Düsseldorf trial'];
    // 'human trafficking' first so it is a popular tag; specials spread through the Zipf ranks
    const base = combos.filter((t) => t !== 'human trafficking').slice(0, 600 - 1 - special.length);
    const out = ['human trafficking', ...base];
    special.forEach((t, k) => out.splice(3 + k * 37, 0, t));
    return out;
  })();
  const tagZipf = zipfSampler(TAGS.length, 0.6);

  // ---------- per-post pieces ----------
  const START = Date.UTC(2022, 0, 1);
  const SPAN = Date.UTC(2025, 0, 1) - START; // 3 years
  function slugify(s) {
    return s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
      .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  }
  function titleOf(i) { // depends only on (seed, i)
    const r = rngFor('title', i);
    const n = int(r, 5, 11);
    const ws = [];
    for (let k = 0; k < n; k++) ws.push(word(r));
    let t = ws.map((w, k) => (k === 0 || r() < 0.3 ? cap(w) : w)).join(' ');
    const u = r();
    if (u < 0.04) t += ` in ${pick(r, ['São Paulo', "Côte d'Ivoire", 'Zürich', 'Kraków', 'Curaçao'])}`;
    else if (u < 0.05) t += ' — الأخبار';
    else if (u < 0.15) t += ` in ${CATEGORIES[catZipf(r)]}`;
    return t;
  }
  function slugOf(i) {
    const words = slugify(titleOf(i)).split('-').slice(0, 6).join('-');
    return `${String(i).padStart(6, '0')}-${words}`;
  }

  function sentence(r, ctx, opts = {}) {
    const n = int(r, 6, 22);
    const ws = [];
    for (let k = 0; k < n; k++) ws.push(word(r));
    ctx.words += n;
    // inline decorations
    if (!opts.plain) {
      const u = r();
      const at = int(r, 1, Math.max(1, n - 3));
      const len = int(r, 1, 3);
      const phrase = ws.slice(at, at + len).join(' ');
      let rep = null;
      if (u < 0.10) rep = `**${phrase}**`;
      else if (u < 0.18) rep = `_${phrase}_`;
      else if (u < 0.22 && ctx.i > 0 && ctx.internal < 3) {
        ctx.internal++;
        rep = `[${phrase}](/posts/${slugOf(int(r, 0, ctx.i - 1))}/)`;
      } else if (u < 0.25 && ctx.external < 3) {
        ctx.external++;
        rep = `[${phrase}](https://example.org/${word(r)}/${word(r)}-${int(r, 100, 99999)})`;
      } else if (u < 0.27 && ctx.codeOk) {
        rep = `\`${word(r)}_${word(r)}()\``;
      }
      if (rep) ws.splice(at, len, rep);
    }
    let s = cap(ws.join(' '));
    if (n > 12 && r() < 0.4) { // a comma
      const parts = s.split(' ');
      const c = int(r, 3, parts.length - 4);
      if (!/[\]\)`*_]$/.test(parts[c])) parts[c] += ',';
      s = parts.join(' ');
    }
    return s + (r() < 0.06 ? '?' : '.');
  }
  function paragraph(r, ctx) {
    const n = int(r, 2, 6);
    const ss = [];
    for (let k = 0; k < n; k++) ss.push(sentence(r, ctx));
    return ss.join(' ');
  }
  function heading(r, ctx) {
    const n = int(r, 2, 6);
    const ws = [];
    for (let k = 0; k < n; k++) ws.push(word(r));
    ctx.words += n;
    return `## ${cap(ws.join(' '))}`;
  }
  function list(r, ctx) {
    const n = int(r, 3, 6);
    const ordered = r() < 0.3;
    const items = [];
    for (let k = 0; k < n; k++) {
      const m = int(r, 3, 12);
      const ws = [];
      for (let q = 0; q < m; q++) ws.push(word(r));
      ctx.words += m;
      items.push(`${ordered ? `${k + 1}.` : '-'} ${cap(ws.join(' '))}`);
    }
    return items.join('\n');
  }
  function blockquote(r, ctx) {
    return `> ${sentence(r, ctx, { plain: true })} ${sentence(r, ctx, { plain: true })}\n>\n> — ${pick(r, AUTHORS)}`;
  }
  function table(r, ctx) {
    const cols = int(r, 3, 4);
    const rows = int(r, 3, 6);
    const head = [];
    for (let c = 0; c < cols; c++) head.push(cap(word(r)));
    const lines = [`| ${head.join(' | ')} |`, `|${head.map((_, c) => (c === 0 ? ' --- ' : ' ---: ')).join('|')}|`];
    for (let k = 0; k < rows; k++) {
      const cells = [cap(word(r))];
      for (let c = 1; c < cols; c++) cells.push(String(int(r, 1, 9999)));
      lines.push(`| ${cells.join(' | ')} |`);
    }
    ctx.words += cols * (rows + 1);
    return lines.join('\n');
  }

  function yamlStr(s) { return JSON.stringify(s); } // JSON strings are valid YAML double-quoted scalars
  function iso(ms) { return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z'); }

  function post(i) {
    const r = rngFor('post', i);
    const title = titleOf(i);
    const slug = slugOf(i);
    const dateMs = START + Math.floor(r() * SPAN / 60000) * 60000;
    const fm = [];
    fm.push('---');
    fm.push(`title: ${yamlStr(title)}`);
    fm.push(`date: ${iso(dateMs)}`);
    if (r() < 0.3) fm.push(`updated: ${iso(dateMs + int(r, 60, 60 * 24 * 20) * 60000)}`);
    fm.push(`author: ${yamlStr(pick(r, AUTHORS))}`);
    const category = CATEGORIES[catZipf(r)];
    fm.push(`category: ${yamlStr(category)}`);
    const nt = int(r, 3, 8);
    const tags = new Set();
    while (tags.size < nt) tags.add(TAGS[tagZipf(r)]);
    fm.push('tags:');
    for (const t of tags) fm.push(`  - ${yamlStr(t)}`);
    const ctx0 = { words: 0, internal: 0, external: 0, i, codeOk: false };
    fm.push(`summary: ${yamlStr(sentence(r, ctx0, { plain: true }) + (r() < 0.5 ? ' ' + sentence(r, ctx0, { plain: true }) : ''))}`);
    const d = new Date(dateMs);
    fm.push(`image: ${yamlStr(`/images/${d.getUTCFullYear()}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${slug}.jpg`)}`);
    fm.push('---');

    // body
    const target = int(r, 450, 900);
    const ctx = { words: 0, internal: 0, external: 0, i, codeOk: r() < 0.2 };
    const nSections = int(r, 2, 4);
    const listAt = int(r, 0, nSections - 1);
    const quoteAt = int(r, 0, nSections - 1);
    const tableAt = r() < 0.15 ? int(r, 0, nSections - 1) : -1;
    const blocks = [];
    blocks.push(paragraph(r, ctx));
    if (r() < 0.6) blocks.push(paragraph(r, ctx));
    const perSection = (target - ctx.words) / nSections;
    for (let s = 0; s < nSections; s++) {
      blocks.push(heading(r, ctx));
      const goal = target - (nSections - s - 1) * perSection;
      let k = 0;
      do {
        blocks.push(paragraph(r, ctx));
        if (k === 0 && s === listAt) blocks.push(list(r, ctx));
        if (k === 1 && s === quoteAt) blocks.push(blockquote(r, ctx));
        if (k === 0 && s === tableAt) blocks.push(table(r, ctx));
        k++;
      } while (ctx.words < goal);
    }
    if (quoteMissing(blocks)) blocks.splice(blocks.length - 1, 0, blockquote(r, ctx));
    return { slug, text: fm.join('\n') + '\n\n' + blocks.join('\n\n') + '\n' };
  }
  function quoteMissing(blocks) { return !blocks.some((b) => b.startsWith('> ')); }

  return { post, rngFor, int, authors: AUTHORS, categories: CATEGORIES };
}

function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { seed: { type: 'string', default: '42' }, corpus: { type: 'string' } },
  });
  const [siteDir, nArg] = positionals;
  const n = Number.parseInt(nArg ?? '', 10);
  const seed = Number.parseInt(values.seed, 10);
  if (!siteDir || !(n > 0) || !(seed >= 0)) {
    console.error('usage: node bench/gen-corpus.mjs SITE_DIR N [--seed 42] [--corpus CORPUS_DIR]');
    process.exit(2);
  }
  const corpus = createCorpus(seed);
  const { bytes } = writeSite(corpus, n, siteDir);
  if (values.corpus) writeCorpus(corpus, n, values.corpus);
  console.error(`wrote ${n} posts (${(bytes / 1048576).toFixed(1)} MiB) to ${siteDir} [seed ${seed}]`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
