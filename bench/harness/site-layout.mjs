// Lays the generated corpus out for each tool. The corpus format (author by name, image as
// a plain path) is what the Hugo and Eleventy sites read; migrant-site gets the very same
// texts with the few front-matter changes its format needs, so all tools build one corpus.
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// A slug the way the reference to-site.mjs derives author ids.
export const slugify = (s) => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
  .replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** CORPUS_DIR/posts/<slug>.md in the generator's own format (for Hugo and Eleventy). */
export function writeCorpus(corpus, n, corpusDir) {
  const postsDir = join(corpusDir, 'posts');
  rmSync(postsDir, { recursive: true, force: true });
  mkdirSync(postsDir, { recursive: true });
  for (let i = 0; i < n; i++) {
    const { slug, text } = corpus.post(i);
    writeFileSync(join(postsDir, `${slug}.md`), text);
  }
}

/** A complete migrant-site site folder for the first n posts of the corpus. */
export function writeSite(corpus, n, siteDir) {
  // It replaces content/: refuse any folder it did not make, such as the repo.
  const marker = join(siteDir, '.bench-site');
  if (existsSync(siteDir) && readdirSync(siteDir).length > 0 && !existsSync(marker)) {
    throw new Error(`${siteDir} is not empty and was not made by the bench generator; give a new folder`);
  }
  mkdirSync(siteDir, { recursive: true });
  writeFileSync(marker, 'made by bench/gen-corpus.mjs; its content/ is replaced on each run\n');
  const content = join(siteDir, 'content');
  rmSync(content, { recursive: true, force: true });
  for (const dir of ['posts', 'authors', 'data']) mkdirSync(join(content, dir), { recursive: true });
  let bytes = 0;
  const slugs = [];
  for (let i = 0; i < n; i++) {
    const { slug, text } = corpus.post(i);
    // ~2% featured, for the dontMiss list; decided by (seed, i) alone like everything else.
    const featured = corpus.rngFor('featured', i)() < 0.02;
    const siteText = toSiteText(text, slug, featured);
    writeFileSync(join(content, 'posts', `${slug}.md`), siteText);
    bytes += Buffer.byteLength(siteText);
    slugs.push(slug);
  }
  for (const name of corpus.authors) {
    writeFileSync(join(content, 'authors', `${slugify(name)}.md`), `---\nname: ${JSON.stringify(name)}\nrole: Reporter\n---\n${name} reports for Bench News.\n`);
  }
  writeFileSync(join(content, 'data', 'popularity.json'), JSON.stringify(popularity(corpus, slugs), null, 1) + '\n');
  writeFileSync(join(siteDir, 'site.config.json'), JSON.stringify(siteConfig(corpus), null, 2) + '\n');
  return { bytes };
}

/**
 * Corpus front matter → migrant-site front matter: author name → author id, image path →
 * { src, alt }, and an explicit slug (the file name) so URLs are /posts/<file name>/ as with
 * Hugo and Eleventy and the corpus's internal links resolve.
 */
export function toSiteText(text, slug, featured) {
  return text
    .replace(/^title: (.*)$/m, (line) => `${line}\nslug: ${slug}${featured ? '\nfeatured: true' : ''}`)
    .replace(/^author: "(.*)"$/m, (_, name) => `author: ${slugify(JSON.parse(`"${name}"`))}`)
    .replace(/^image: "(.*)"$/m, (_, src) => `image:\n  src: "${src}"\n  alt: "Illustration"`);
}

// An analytics export: total views for every article, daily views for the last week on
// about one in ten (so the 7-day trending window has something to rank).
function popularity(corpus, slugs) {
  const days = ['2026-11-21', '2026-11-22', '2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27'];
  const views = slugs.map((slug, i) => {
    const r = corpus.rngFor('views', i);
    const entry = { url: `/posts/${slug}/`, views: corpus.int(r, 10, 20000) * (r() < 0.05 ? 10 : 1) };
    if (r() < 0.1) entry.daily = Object.fromEntries(days.map((d) => [d, corpus.int(r, 0, 900)]));
    return entry;
  });
  return { generated: '2026-11-27', views };
}

const PARENTS = {
  Kenya: 'East Africa', Ethiopia: 'East Africa', Nigeria: 'West Africa', "Côte d'Ivoire": 'West Africa',
  India: 'South Asia', Pakistan: 'South Asia', Bangladesh: 'South Asia', Indonesia: 'Southeast Asia',
  Philippines: 'Southeast Asia', Vietnam: 'Southeast Asia', Mexico: 'Central America', Colombia: 'Andean Region',
  Peru: 'Andean Region', Egypt: 'Middle East', Türkiye: 'Middle East',
};

// Shaped like the sample site's config: menus, footer blurb, a category hierarchy and the
// curated lists the default theme shows (trending strip, top posts, don't miss, top stories).
function siteConfig(corpus) {
  const terms = Object.fromEntries(corpus.categories.map((c) => [c, PARENTS[c] ? { parent: PARENTS[c] } : { description: `Reporting from ${c}.` }]));
  return {
    title: 'Bench News',
    description: 'A synthetic newsroom for benchmarking migrant-site.',
    baseUrl: 'https://news.example.org/',
    language: 'en',
    timeZone: 'UTC',
    postsPerPage: 10,
    about: 'Bench News is generated text: every article, author and tag is made up.',
    contact: { email: 'tips@news.example.org' },
    newsletter: { action: 'https://newsletter.news.example.org/subscribe', label: 'Subscribe' },
    social: { x: 'https://x.com/benchnews', facebook: 'https://www.facebook.com/benchnews' },
    permalinks: { post: '/posts/{slug}/' },
    menus: {
      header: [{ label: 'Home', url: '/' }, { label: 'News', url: '/categories/' }, { label: 'Tags', url: '/tags/' }],
      footer: [{ label: 'Authors', url: '/authors/' }, { label: 'Tags', url: '/tags/' }],
    },
    taxonomies: { categories: { terms } },
    lists: {
      trending: { source: 'popularity', window: '7d', limit: 6 },
      topPosts: { source: 'popularity', limit: 5 },
      dontMiss: { filter: { featured: true }, limit: 4 },
      topStories: { filter: { category: 'East Africa' }, sort: 'updated', limit: 3 },
    },
  };
}
