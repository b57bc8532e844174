import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtInThemeDir } from '../../src/render/theme-files.js';

// The theme serves right-to-left languages (Arabic, Persian, Hebrew, Urdu) as well
// as left-to-right ones, so its spacing and alignment follow the text direction:
// logical properties (margin-inline-start, text-align: end) flip by themselves,
// physical ones (margin-left, text-align: right) would put things on the wrong side.

const insetSides = /^(margin|padding|scroll-margin|scroll-padding|inset|border-width|border-style|border-color)$/;

/** Each `property:value` declaration that names a physical left or right, as `line: declaration`. */
function findPhysicalDeclarations(css: string): string[] {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ' '));
  const found: string[] = [];
  for (const match of text.matchAll(/([a-z-]+)\s*:\s*([^;{}]+)(?=[;}])/g)) {
    const property = match[1]!;
    const value = match[2]!.trim();
    const line = text.slice(0, match.index).split('\n').length;
    if (isPhysical(property, value)) found.push(`${line}: ${property}:${value}`);
  }
  return found;
}

function isPhysical(property: string, value: string): boolean {
  if (/^(left|right)$/.test(property)) return true;
  if (/(^|-)(left|right)(-|$)/.test(property)) return true;
  if (/^(text-align|float|clear)$/.test(property)) return /^(left|right)\b/.test(value);
  const parts = value.split(/\s+(?![^(]*\))/);
  // Four values: top, right, bottom, left. Unequal right and left sides do not flip.
  if (insetSides.test(property)) return parts.length === 4 && parts[1] !== parts[3];
  if (property === 'border-radius') return parts.length > 1 && !parts.every((part) => part === parts[0]);
  return false;
}

const cssFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.css'))
    .map((entry) => join(entry.parentPath, entry.name));

describe('the theme stylesheets', () => {
  it('the check finds every kind of physical left/right declaration', () => {
    const sample = [
      '.a{margin-left:1rem;padding-right:0}',
      '.b{border-left:2px solid red;border-top-right-radius:3px}',
      '.c{position:absolute;left:0;right:auto}',
      '.d{text-align:right;float:left;clear:right}',
      '.e{margin:0 1rem 0 2rem;inset:0 auto 0 1rem;border-radius:3px 0}',
      '.ok{margin:0 auto;padding:1rem 2rem 1rem 2rem;margin-inline-start:1rem;text-align:end;inset-inline:0;top:0}',
    ].join('\n');
    expect(findPhysicalDeclarations(sample)).toEqual([
      '1: margin-left:1rem',
      '1: padding-right:0',
      '2: border-left:2px solid red',
      '2: border-top-right-radius:3px',
      '3: left:0',
      '3: right:auto',
      '4: text-align:right',
      '4: float:left',
      '4: clear:right',
      '5: margin:0 1rem 0 2rem',
      '5: inset:0 auto 0 1rem',
      '5: border-radius:3px 0',
    ]);
  });

  it('use logical properties only: no physical left or right in margin, padding, border, inset, text-align or float', () => {
    const files = cssFiles(join(builtInThemeDir, 'assets'));
    expect(files.length).toBeGreaterThan(0);
    const physical = files.flatMap((file) =>
      findPhysicalDeclarations(readFileSync(file, 'utf8')).map((found) => `${relative(builtInThemeDir, file)}:${found}`),
    );
    expect(physical).toEqual([]);
  });
});
