import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { silentLogger } from '../../src/log.js';
import { createSiteBuilder } from '../../src/pipeline/create-site-builder.js';
import { article, createTempSite, type TempSite } from '../support/temp-site.js';

// The image stage in whole builds: resized copies of the pictures articles and
// pages show, <picture> markup, social rasters, warnings for missing files,
// and a cache that makes a warm build encode nothing.

const counted = vi.hoisted(() => ({ encodes: 0 }));
vi.mock('../../src/images/sharp-codec.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/images/sharp-codec.js')>();
  return {
    ...real,
    encodeResized: (...args: Parameters<typeof real.encodeResized>) => (counted.encodes++, real.encodeResized(...args)),
    encodeSocial: (...args: Parameters<typeof real.encodeSocial>) => (counted.encodes++, real.encodeSocial(...args)),
  };
});

let site: TempSite;
afterEach(() => site?.remove());

/** A small picture with a gradient in `tint`, so each test's pictures differ (and none is made from another test's cache). */
function picture(width: number, height: number, tint: number, format: 'jpeg' | 'png'): Promise<Buffer> {
  const pixels = Buffer.alloc(width * height * 3);
  for (let i = 0; i < width * height; i++) pixels.set([(i % width) * 2, tint, (i / width) * 3], i * 3);
  return sharp(pixels, { raw: { width, height, channels: 3 } }).toFormat(format).toBuffer();
}

const svg = (tint: number) => `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="200" viewBox="0 0 300 200"><rect width="300" height="200" fill="rgb(30,${tint},200)"/></svg>`;

async function newsroom(tint: number, config: object = {}): Promise<TempSite> {
  site = createTempSite(
    {
      'content/posts/harbour.md': article(
        { title: 'Harbour reopens', date: '2024-05-02', image: '{ src: /images/photo.jpg, alt: Boats at the quay }' },
        'Ferries run again.\n\n![Arrivals by month](/images/chart.png)\n\nLater:\n\n![Lost chart](/images/nope.png)',
      ),
      'content/posts/boats/index.md': article({ title: 'Small boats', date: '2024-05-01' }, 'A small boat:\n\n![A dinghy](dinghy.png)'),
      'content/posts/map.md': article({ title: 'Routes map', date: '2024-04-30', image: '{ src: /images/map.svg, alt: A map of routes }' }),
      'content/posts/gone.md': article({ title: 'Gone picture', date: '2024-04-29', image: '/images/gone.jpg', image_alt: 'Nothing' }),
      'content/pages/about.md': '---\ntitle: About\n---\nA small newsroom.\n',
      'content/static/images/map.svg': svg(tint),
    },
    { config: { title: `Harbour Notes ${tint}`, feeds: { formats: ['rss'] }, images: { widths: [40, 80] }, ...config } },
  );
  site.write('content/static/images/photo.jpg', await picture(120, 80, tint, 'jpeg'));
  site.write('content/static/images/chart.png', await picture(90, 60, tint, 'png'));
  site.write('content/posts/boats/dinghy.png', await picture(30, 20, tint, 'png'));
  return site;
}

async function builder(s: TempSite, out = 'dist') {
  const { config } = await loadConfig(join(s.root, 'site.config.json'));
  return createSiteBuilder({ root: s.root, config: { ...config, outDir: out }, now: new Date('2024-06-01T00:00:00Z'), logger: silentLogger });
}

const sizeOf = async (s: TempSite, path: string) => {
  const m = await sharp(readFileSync(join(s.root, 'dist', path))).metadata();
  return `${m.format} ${m.width}×${m.height}`;
};
const resized = (s: TempSite) => s.list().filter((f) => /\.\d+w\.[0-9a-f]{10}\./.test(f)).map((f) => f.replace(/\.[0-9a-f]{10}\./, '.<hash>.')).sort();

describe('images in a build', () => {
  it('makes AVIF, WebP and own-format copies at the configured widths, never wider than the picture', async () => {
    const s = await newsroom(10);
    const result = await (await builder(s)).build();
    expect(result.summary).toBeDefined();
    expect(resized(s)).toEqual([
      '2024/05/boats/dinghy.30w.<hash>.avif',
      '2024/05/boats/dinghy.30w.<hash>.png',
      '2024/05/boats/dinghy.30w.<hash>.webp',
      'images/chart.40w.<hash>.avif',
      'images/chart.40w.<hash>.png',
      'images/chart.40w.<hash>.webp',
      'images/chart.80w.<hash>.avif',
      'images/chart.80w.<hash>.png',
      'images/chart.80w.<hash>.webp',
      'images/photo.40w.<hash>.avif',
      'images/photo.40w.<hash>.jpg',
      'images/photo.40w.<hash>.webp',
      'images/photo.80w.<hash>.avif',
      'images/photo.80w.<hash>.jpg',
      'images/photo.80w.<hash>.webp',
    ]);
    const file = (prefix: string) => s.list().find((f) => f.startsWith(prefix))!;
    expect(await sizeOf(s, file('images/photo.80w.'))).toBe('jpeg 80×53');
    expect(await sizeOf(s, file('images/chart.40w.'))).toBe('png 40×27');
    expect(await sizeOf(s, file('2024/05/boats/dinghy.30w.'))).toMatch(/^heif 30×20$|^avif 30×20$|^png 30×20$|^webp 30×20$/);
    // The originals are published as they are.
    expect(readFileSync(join(s.root, 'dist/images/photo.jpg'))).toEqual(readFileSync(join(s.root, 'content/static/images/photo.jpg')));
  });

  it('shows pictures as <picture> with srcset, sizes, width and height; only the first is eager', async () => {
    const s = await newsroom(20);
    await (await builder(s)).build();
    const page = s.read('dist/2024/05/harbour/index.html');
    const imgs = [...page.matchAll(/<img [^>]*>/g)].map((m) => m[0]);
    const hero = imgs.find((i) => i.includes('alt="Boats at the quay"'))!;
    expect(hero).toMatch(/src="\/images\/photo\.80w\.[0-9a-f]{10}\.jpg" srcset="\/images\/photo\.40w\.[0-9a-f]{10}\.jpg 40w, \/images\/photo\.80w\.[0-9a-f]{10}\.jpg 80w" sizes="[^"]+" width="120" height="80"/);
    expect(hero).toContain('fetchpriority="high" decoding="async"');
    expect(page).toMatch(/<picture><source type="image\/avif" srcset="[^"]+ 40w, [^"]+ 80w" sizes="[^"]+"><source type="image\/webp" [^>]+><img [^>]*alt="Boats at the quay"/);
    const chart = imgs.find((i) => i.includes('alt="Arrivals by month"'))!;
    expect(chart).toContain('width="90" height="60"');
    expect(chart).toContain('loading="lazy" decoding="async"');
    expect(imgs.filter((i) => i.includes('fetchpriority'))).toHaveLength(1);
    // A remote or missing picture is left as written.
    expect(page).toContain('<img src="/images/nope.png" alt="Lost chart">');
    // An SVG gets its size, no copies.
    expect(s.read('dist/2024/04/map/index.html')).toMatch(/<img src="\/images\/map\.svg" width="300" height="200" alt="A map of routes"/);
    // A bundle's picture, relative to its article.
    expect(s.read('dist/2024/05/boats/index.html')).toMatch(/<img src="\/2024\/05\/boats\/dinghy\.30w\.[0-9a-f]{10}\.png" srcset="[^"]+ 30w" sizes="[^"]+" width="30" height="20" alt="A dinghy" fetchpriority="high"/);
    // Feeds get absolute srcset URLs.
    expect(s.read("dist/feed.xml")).toMatch(/srcset=&quot;https:\/\/news\.example\.org\/images\/chart\.40w\.[0-9a-f]{10}\.avif 40w, https:\/\/news\.example\.org\/images\/chart\.80w/);
  });

  it('warns at file:line:col for a picture that names no file', async () => {
    const s = await newsroom(30);
    const result = await (await builder(s)).build();
    const missing = result.diagnostics.filter((d) => d.code === 'MS260').map((d) => `${d.file}:${d.line}:${d.column} ${d.message}`);
    expect(missing).toEqual([
      'content/posts/gone.md:4:1 image "/images/gone.jpg" not found: no file is published at /images/gone.jpg',
      'content/posts/harbour.md:13:15 image "/images/nope.png" not found: no file is published at /images/nope.png',
    ]);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('gives every page a 1200×630 raster social image: the article picture, else the logo, else a title card', async () => {
    const s = await newsroom(40);
    await (await builder(s)).build();
    const og = (path: string) => {
      const html = s.read(`dist/${path}`);
      const meta = (p: string) => html.match(new RegExp(`<meta property="og:image${p}" content="([^"]*)">`))?.[1];
      return { url: meta(''), width: meta(':width'), height: meta(':height'), alt: meta(':alt'), twitter: html.match(/<meta name="twitter:image" content="([^"]*)">/)?.[1] };
    };
    const map = og('2024/04/map/index.html');
    expect(map).toEqual({ url: expect.stringMatching(/^https:\/\/news\.example\.org\/social\/map\.[0-9a-f]{10}\.jpg$/), width: '1200', height: '630', alt: 'A map of routes', twitter: map.url });
    expect(await sizeOf(s, map.url!.replace('https://news.example.org/', ''))).toBe('jpeg 1200×630');
    const about = og('about/index.html');
    expect(about).toMatchObject({ url: expect.stringMatching(/\/social\/site\.[0-9a-f]{10}\.jpg$/), width: '1200', height: '630', alt: 'Harbour Notes 40' });
    expect(await sizeOf(s, about.url!.replace('https://news.example.org/', ''))).toBe('jpeg 1200×630');
    // A missing article picture falls back to the site's.
    expect(og('2024/04/gone/index.html').url).toBe(about.url);

    s.write('site.config.json', JSON.stringify({ ...JSON.parse(s.read('site.config.json')), logo: '/images/map.svg' }));
    await (await builder(s)).build();
    expect(og('about/index.html').url).toMatch(/\/social\/map\.[0-9a-f]{10}\.jpg$/);
    expect(og('about/index.html').url).not.toBe(map.url);
  });

  it('encodes nothing in a warm build, and only a changed picture\'s files when one changes, as a fresh build would', async () => {
    const s = await newsroom(50);
    counted.encodes = 0;
    await (await builder(s)).build();
    // 3 copies × 2 widths of photo and chart, 3 of the dinghy, the social rasters of photo and map, the title card.
    expect(counted.encodes).toBe(18);
    counted.encodes = 0;
    const warm = await builder(s);
    const warmResult = await warm.build();
    expect(counted.encodes).toBe(0);
    expect(warmResult.summary!.written).toBe(0);

    const before = s.read('dist/2024/05/harbour/index.html');
    writeFileSync(join(s.root, 'content/static/images/photo.jpg'), await picture(120, 80, 51, 'jpeg'));
    const rebuilt = await warm.build(new Set(['content/static/images/photo.jpg']));
    expect(counted.encodes).toBe(7);
    expect(rebuilt.summary!.changedUrls).toContain('/2024/05/harbour/');
    const after = s.read('dist/2024/05/harbour/index.html');
    expect(after).not.toBe(before);
    // An edit of a body with a picture: the fast body-only path leaves it to the full pass, which sizes it.
    s.write('content/posts/harbour.md', s.read('content/posts/harbour.md').replace('Ferries run again.', 'Ferries run again, every hour.'));
    await warm.build(new Set(['content/posts/harbour.md']));
    expect(s.read('dist/2024/05/harbour/index.html')).toMatch(/every hour[^]*<picture><source type="image\/avif" srcset="\/images\/chart\.40w/);
    await (await builder(s, 'fresh')).build();
    expect(s.list('dist')).toEqual(s.list('fresh'));
    for (const f of s.list('dist').filter((p) => p.endsWith('.html'))) expect(s.read(`dist/${f}`), f).toBe(s.read(`fresh/${f}`));
  });
});
