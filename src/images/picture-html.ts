import type { SizedImage } from '../graph/types.js';
import { toSiteUrl } from '../paths/site-urls.js';

// The markup of a picture, for the theme's `picture` helper and for pictures
// in article bodies: `<picture>` with one `<source>` per extra format, an
// `<img>` with `width`/`height` (no layout shift), `srcset`/`sizes`, and lazy
// loading. The first picture of each page is made eager afterwards
// (prioritizeFirstImage), since only the whole page knows which one is first.

export interface PictureOptions {
  alt: string;
  /** The `sizes` attribute: how wide the picture is shown, e.g. `(min-width: 64rem) 46rem, 100vw`. */
  sizes?: string;
  className?: string;
  baseUrl: string;
  /** Other attributes of the `<img>` to keep (from an author's raw HTML), already escaped. */
  extra?: string;
}

const lazy = ' loading="lazy" decoding="async"';

/** `<picture>` (or a plain `<img>` for an SVG, a GIF or a remote picture) for a picture at `src`. */
export function pictureHtml(src: string, sized: SizedImage | undefined, o: PictureOptions): string {
  const siteUrl = (url: string) => escapeAttribute(toSiteUrl(url, o.baseUrl));
  const srcsetOf = (srcset: string) =>
    srcset
      .split(', ')
      .map((candidate) => candidate.replace(/^\S+/, (url) => siteUrl(url)))
      .join(', ');
  const sizes = o.sizes ? ` sizes="${escapeAttribute(o.sizes)}"` : '';
  const className = o.className ? ` class="${escapeAttribute(o.className)}"` : '';
  const size = sized ? ` width="${sized.width}" height="${sized.height}"` : '';
  const srcset = sized?.srcset ? ` srcset="${srcsetOf(sized.srcset)}"${sizes}` : '';
  const img = `<img src="${siteUrl(sized?.src ?? src)}"${srcset}${size} alt="${escapeAttribute(o.alt)}"${className}${o.extra ?? ''}${lazy}>`;
  if (!sized?.sources.length) return img;
  const sources = sized.sources.map((s) => `<source type="${s.type}" srcset="${srcsetOf(s.srcset)}"${sizes}>`).join('');
  return `<picture>${sources}${img}</picture>`;
}

/** Makes the first lazy picture of a page eager with high priority: it is the one a reader sees first (the hero, the lead story). */
export function prioritizeFirstImage(html: string): string {
  return html.replace(lazy, ' fetchpriority="high" decoding="async"');
}

export function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
