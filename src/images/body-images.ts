import type { SizedImage } from '../graph/types.js';
import { pictureHtml } from './picture-html.js';

// Pictures in article and page bodies (markdown images, raw `<img>`), found
// in the HTML the parser wrote: start tags with double-quoted values and only
// `&` and `"` encoded (hast-util-to-html), so text in code samples that looks
// like a tag is escaped and never matches.

const imgTag = /<img(\s+[^\s"'>/=]+(?:="[^"]*")?)*\s*\/?>/gi;
const attribute = /\s+([^\s"'>/=]+)(?:="([^"]*)")?/g;
/** Set by the image stage; a picture's own values for these are replaced. */
const replaced = new Set(['src', 'srcset', 'sizes', 'width', 'height', 'loading', 'decoding', 'alt']);

/** How wide a body picture is shown: the text column (`.prose`, at most 42rem). */
export const bodySizes = '(min-width: 44rem) 42rem, 100vw';

/** A tag this stage wrote (sanitised author HTML has no `decoding`): sizing a body twice changes nothing. */
const sized = (tag: string) => tag.includes(' decoding="async"');

/** The `src` of every `<img>` in a body, as written. */
export function bodyImageSources(html: string): string[] {
  return [...html.matchAll(imgTag)].flatMap((m) => {
    const src = sized(m[0]) ? undefined : attributesOf(m[0]).get('src');
    return src === undefined ? [] : [src];
  });
}

/** Replaces each `<img>` whose source `find` knows with a sized `<picture>`; others stay as they are. */
export function rewriteBodyImages(html: string, find: (src: string) => SizedImage | undefined, baseUrl: string): string {
  return html.replace(imgTag, (tag) => {
    if (sized(tag)) return tag;
    const attrs = attributesOf(tag);
    const src = attrs.get('src');
    const image = src === undefined ? undefined : find(src);
    if (!image) return tag;
    const extra = [...attrs].filter(([name]) => !replaced.has(name.toLowerCase())).map(([name, value]) => ` ${name}="${encode(value)}"`).join('');
    return pictureHtml(image.src, image, { alt: attrs.get('alt') ?? '', sizes: bodySizes, baseUrl, extra });
  });
}

function attributesOf(tag: string): Map<string, string> {
  const attrs = new Map<string, string>();
  for (const [, name, value] of tag.slice(4).matchAll(attribute)) attrs.set(name.toLowerCase(), decode(value ?? ''));
  return attrs;
}

function decode(value: string): string {
  return value.replace(/&#x26;|&#38;|&amp;/gi, '&').replace(/&#x22;|&#34;|&quot;/gi, '"');
}

function encode(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
}
