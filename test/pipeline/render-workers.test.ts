import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderWorkersVariable } from '../../src/pipeline/render-workers.js';
import { copyFixture, type FixtureCopy } from '../support/fixture-site.js';
import { startFeedServer, xml, type FeedServer } from '../support/feed-server.js';
import { runMain } from '../support/temp-site.js';
import { atom, rss } from '../external-feeds/sample-feeds.js';
import { execFile } from 'node:child_process';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from '../support/temp-site.js';

// Rendering on worker threads is an optimisation: it must not change one
// byte. Each site is built on the main thread (in-process, --workers 0) and
// by the compiled CLI with every page rendered on two threads, and every
// output file is compared. The threads only exist in the compiled lib/
// (the integration project compiles it first).

const bin = join(repoRoot, 'bin', 'migrant-site.js');
const onThreads = { [renderWorkersVariable]: 'always', NO_COLOR: '1' };
let feeds: FeedServer;
const copies: FixtureCopy[] = [];

beforeAll(async () => {
  feeds = await startFeedServer({ '/rss.xml': xml(rss()), '/atom.xml': xml(atom) });
});
afterAll(async () => {
  copies.splice(0).forEach((c) => c.cleanup());
  await feeds.close();
});

function fixture(name: string, options?: { ownTemplates?: boolean }): FixtureCopy {
  const copy = copyFixture(name, options);
  copies.push(copy);
  return copy;
}

/** The compiled CLI in its own process, every render pass on two worker threads. */
async function buildOnThreads(site: FixtureCopy, ...args: string[]) {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [bin, 'build', '--workers', '2', '--verbose', ...args], { cwd: site.root, env: { ...process.env, ...onThreads } });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

/** What a build printed on stderr without its progress lines (`render 13/13`). */
function problems(stderr: string): string {
  return stderr
    .split('\n')
    .filter((line) => !/^\w+ \d+\/\d+$/.test(line))
    .join('\n');
}

/** A raster picture (sized variants, a social image), a standfirst, a logo and a search fallback: what the images and reader-layout work added to contexts. */
function withReaderFields(site: FixtureCopy): void {
  cpSync(join(repoRoot, 'test/fixtures/archive-bodies/content/static/images/delta.jpg'), join(site.root, 'content/static/images/delta.jpg'));
  site.edit('content/posts/lesbos-arrivals.md', (text) => text.replace('/images/boat.svg', '/images/delta.jpg').replace('featured: true', 'featured: true\nsummary: A line the desk wrote above the story.'));
  site.edit('site.config.json', (text) => JSON.stringify({ ...JSON.parse(text), logo: '/images/boat.svg', search: { fallback: 'duckduckgo' } }));
}

/** Files whose bytes differ between two output folders, or that only one has. */
function differences(site: FixtureCopy, a: string, b: string): string[] {
  const [left, right] = [site.snapshot(a), site.snapshot(b)];
  return [...new Set([...Object.keys(left), ...Object.keys(right)])].filter((f) => left[f] !== right[f]).sort();
}

describe('rendering on worker threads', { timeout: 240_000 }, () => {
  it.each([
    // Drafts, scheduled posts, pagination (3 per page), a category tree, curated lists, authors, external feed widgets; the theme copied in as the site's own templates.
    { name: 'newsroom', args: ['--now', '2024-11-10T12:00:00Z', '--drafts', '--future'], feeds: true, ownTemplates: true },
    // Shortcodes rendered by the site's own partials, post_url / ref links between bodies, Jekyll, Hugo and Eleventy front matter; the built-in theme.
    { name: 'archive-bodies', args: ['--now', '2025-01-01T00:00:00Z'], feeds: false, ownTemplates: false },
  ])('gives byte-identical output for $name', async ({ name, args, feeds: withFeeds, ownTemplates }) => {
    const site = fixture(name, { ownTemplates });
    if (name === 'newsroom') withReaderFields(site);
    if (withFeeds) {
      site.edit('site.config.json', (text) => JSON.stringify({ ...JSON.parse(text), externalFeeds: { feeds: { harbour: { url: `${feeds.origin}/rss.xml`, title: 'Harbour News' }, labour: { url: `${feeds.origin}/atom.xml` } } } }));
    }
    const single = await runMain(site.root, ['build', ...args, '--workers', '0', '--verbose', '--out', 'single']);
    expect(single.code).toBe(0);
    expect(single.stdout).not.toContain('worker threads');
    const threads = await buildOnThreads(site, ...args, '--out', 'threads');
    expect(threads.code).toBe(0);
    expect(threads.stdout).toContain('(rendering on 2 worker threads)');
    expect(problems(threads.stderr)).toBe(problems(single.stderr));

    const files = Object.keys(site.snapshot('single'));
    expect(files.filter((f) => f.endsWith('.html')).length).toBeGreaterThan(10);
    if (withFeeds) expect(site.read('single/index.html')).toContain('Harbour News');
    if (name === 'newsroom') {
      expect(files.some((f) => site.read(`single/${f}`).includes('badge--draft'))).toBe(true);
      // The fields images and the reader layout add reach the threads too (compared below).
      expect(site.read('single/index.html')).toMatch(/class="logo masthead__logo" src="\/news\/images\/boat\.svg"/);
      const article = site.read('single/2024/11/lesbos-arrivals/index.html');
      expect(article).toMatch(/<picture><source type="image\/avif" srcset="\/news\/images\/delta\.\d+w\.[0-9a-f]{10}\.avif/);
      expect(article).toContain('<p class="article__standfirst">A line the desk wrote above the story.</p>');
      expect(site.read('single/search/index.html')).toContain('searches the site with DuckDuckGo');
    }
    if (name === 'archive-bodies') expect(files.some((f) => site.read(`single/${f}`).includes('class="callout'))).toBe(true);
    expect(differences(site, 'single', 'threads')).toEqual([]);
  });

  it('reports a template error exactly as the main thread does, and leaves the last good output as it was', async () => {
    const site = fixture('newsroom');
    const args = ['--now', '2024-11-10T12:00:00Z'];
    // The last good output: how it was made does not matter here, so on the main thread, in-process.
    expect((await runMain(site.root, ['build', ...args, '--workers', '0'])).code).toBe(0);
    const good = site.snapshot('dist');
    // An #each without a list fails while rendering, and only on article pages.
    site.edit('templates/layouts/post.hbs', (text) => text.replace('<div class="prose">', '{{#each}}{{/each}}<div class="prose">'));
    const single = await runMain(site.root, ['build', ...args, '--workers', '0']);
    const threads = await buildOnThreads(site, ...args);
    expect(threads.code).toBe(1);
    expect(single.code).toBe(1);
    expect(threads.stdout).toContain('(rendering on 2 worker threads)');
    expect(threads.stderr).toMatch(/^templates\/layouts\/post\.hbs error MS402 Must pass iterator to #each \(while rendering content\/posts\/[\w-]+\.md\)$/m);
    expect(problems(threads.stderr)).toBe(problems(single.stderr));
    expect(site.snapshot('dist')).toEqual(good);
  });
});
