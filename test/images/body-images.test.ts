import { describe, expect, it } from 'vitest';
import type { SizedImage } from '../../src/graph/types.js';
import { bodyImageSources, rewriteBodyImages } from '../../src/images/body-images.js';
import { pictureHtml, prioritizeFirstImage } from '../../src/images/picture-html.js';

const chart: SizedImage = {
  src: '/images/chart.800w.aaaaaaaaaa.png',
  width: 1000,
  height: 500,
  srcset: '/images/chart.400w.aaaaaaaaaa.png 400w, /images/chart.800w.aaaaaaaaaa.png 800w',
  sources: [{ type: 'image/avif', srcset: '/images/chart.400w.bbbbbbbbbb.avif 400w, /images/chart.800w.bbbbbbbbbb.avif 800w' }],
};
const find = (src: string) => (src === '/images/chart.png' ? chart : undefined);

describe('rewriteBodyImages', () => {
  const body = '<p><img src="/images/chart.png" alt="Arrivals &#x26; returns" title="By month"></p><p><img src="https://elsewhere.example/x.jpg" alt="Remote"></p>';

  it('turns a known picture into a sized <picture> under the base path, keeping the author\'s other attributes', () => {
    const html = rewriteBodyImages(body, find, 'https://example.org/news/');
    expect(html).toContain(
      '<picture><source type="image/avif" srcset="/news/images/chart.400w.bbbbbbbbbb.avif 400w, /news/images/chart.800w.bbbbbbbbbb.avif 800w" sizes="(min-width: 44rem) 42rem, 100vw">' +
        '<img src="/news/images/chart.800w.aaaaaaaaaa.png" srcset="/news/images/chart.400w.aaaaaaaaaa.png 400w, /news/images/chart.800w.aaaaaaaaaa.png 800w" sizes="(min-width: 44rem) 42rem, 100vw" width="1000" height="500" alt="Arrivals &amp; returns" title="By month" loading="lazy" decoding="async"></picture>',
    );
    expect(html).toContain('<img src="https://elsewhere.example/x.jpg" alt="Remote">');
  });

  it('finds the sources as written and leaves pictures it sized alone when run again', () => {
    expect(bodyImageSources(body)).toEqual(['/images/chart.png', 'https://elsewhere.example/x.jpg']);
    const once = rewriteBodyImages(body, find, 'https://example.org/');
    expect(rewriteBodyImages(once, (src) => (src.startsWith('/') ? chart : undefined), 'https://example.org/')).toBe(once);
    expect(bodyImageSources(once)).toEqual(['https://elsewhere.example/x.jpg']);
  });

  it('does not touch text that only looks like an image tag', () => {
    const code = '<pre><code>&#x3C;img src="/images/chart.png"></code></pre>';
    expect(rewriteBodyImages(code, find, 'https://example.org/')).toBe(code);
  });
});

describe('pictureHtml and prioritizeFirstImage', () => {
  it('gives an SVG its size and a remote picture neither size nor srcset', () => {
    const svg = { src: '/images/map.svg', width: 600, height: 400, srcset: '', sources: [] };
    expect(pictureHtml('/images/map.svg', svg, { alt: 'Map', baseUrl: 'https://example.org/', sizes: '100vw', className: 'feature__img' })).toBe(
      '<img src="/images/map.svg" width="600" height="400" alt="Map" class="feature__img" loading="lazy" decoding="async">',
    );
    expect(pictureHtml('https://cdn.example/a.jpg', undefined, { alt: 'A "quote"', baseUrl: 'https://example.org/' })).toBe(
      '<img src="https://cdn.example/a.jpg" alt="A &quot;quote&quot;" loading="lazy" decoding="async">',
    );
  });

  it('makes only the first lazy picture of a page eager with high priority', () => {
    const two = `${pictureHtml('/a.svg', undefined, { alt: 'A', baseUrl: 'https://example.org/' })}${pictureHtml('/b.svg', undefined, { alt: 'B', baseUrl: 'https://example.org/' })}`;
    expect(prioritizeFirstImage(two)).toBe(
      '<img src="/a.svg" alt="A" fetchpriority="high" decoding="async"><img src="/b.svg" alt="B" loading="lazy" decoding="async">',
    );
  });
});
