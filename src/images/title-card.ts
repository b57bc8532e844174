import { escapeAttribute } from './picture-html.js';
import { socialSize } from './encoder-settings.js';

/**
 * The social preview of a site with neither a page picture nor a `logo`: its
 * title on the theme's dark ink, as SVG (rasterised like any SVG source).
 */
export function titleCardSvg(title: string): string {
  const { width, height } = socialSize;
  const lines = wrap(title, 26).slice(0, 3);
  const size = 76;
  const top = height / 2 - ((lines.length - 1) * size * 1.15) / 2;
  const text = lines.map((line, i) => `<tspan x="80" y="${Math.round(top + i * size * 1.15)}">${escapeAttribute(line)}</tspan>`).join('');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<rect width="${width}" height="${height}" fill="#15181d"/>`,
    `<rect x="80" y="${Math.round(top + (lines.length - 1) * size * 1.15 + size * 0.6)}" width="160" height="8" fill="#b3261e"/>`,
    `<text fill="#ffffff" font-family="Georgia, 'DejaVu Serif', serif" font-weight="700" font-size="${size}">${text}</text>`,
    '</svg>',
  ].join('');
}

/** Words into lines of at most `max` characters (a longer word gets a line of its own). */
function wrap(text: string, max: number): string[] {
  const lines: string[] = [];
  for (const word of text.trim().split(/\s+/)) {
    const last = lines.length - 1;
    if (last >= 0 && lines[last].length + 1 + word.length <= max) lines[last] += ` ${word}`;
    else lines.push(word);
  }
  return lines;
}
