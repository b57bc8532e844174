import { describe, expect, it } from 'vitest';
import { checkOutDir } from '../../src/config/check-out-dir.js';

const root = '/home/ana/site';
const home = '/home/ana';

function refusal(outDir: string, siteRoot = root): string | undefined {
  const diagnostic = checkOutDir(siteRoot, outDir, home);
  if (diagnostic) {
    expect(diagnostic).toMatchObject({
      code: 'MS105',
      severity: 'error',
      hint: 'set "outDir" to a folder used only for the built site, such as "dist"',
    });
  }
  return diagnostic?.message;
}

describe('checkOutDir', () => {
  it('refuses the file system root', () => {
    expect(refusal('/')).toBe('outDir "/" is the file system root; a build replaces the whole output folder');
    expect(refusal('../../../..')).toBe('outDir "../../../.." is the file system root; a build replaces the whole output folder');
  });

  it('refuses the site folder and every folder above it', () => {
    expect(refusal('.')).toBe('outDir "." is the site folder itself; a build replaces the whole output folder');
    expect(refusal('./')).toBe('outDir "./" is the site folder itself; a build replaces the whole output folder');
    expect(refusal('..')).toBe('outDir ".." contains the site folder; a build replaces the whole output folder');
    expect(refusal('/home')).toBe('outDir "/home" contains the site folder; a build replaces the whole output folder');
  });

  it('refuses the home folder and folders above it, wherever the site is', () => {
    expect(refusal('/home/ana', '/srv/site')).toBe('outDir "/home/ana" is the home folder; a build replaces the whole output folder');
    expect(refusal('/home', '/srv/site')).toBe('outDir "/home" contains the home folder; a build replaces the whole output folder');
  });

  it('refuses the source folders and anything inside them, whatever the letter case', () => {
    expect(refusal('content')).toBe('outDir "content" is the "content" folder; a build replaces the whole output folder');
    expect(refusal('content/dist')).toBe('outDir "content/dist" is inside the "content" folder; a build replaces the whole output folder');
    expect(refusal('Templates/')).toBe('outDir "Templates/" is the "templates" folder; a build replaces the whole output folder');
    expect(refusal('theme')).toBe('outDir "theme" is the "theme" folder; a build replaces the whole output folder');
    expect(refusal('src')).toBe('outDir "src" is the "src" folder; a build replaces the whole output folder');
    expect(refusal('dist/../content')).toBe('outDir "dist/../content" is the "content" folder; a build replaces the whole output folder');
    expect(refusal('/home/ana/site/static/out')).toBe(
      'outDir "/home/ana/site/static/out" is inside the "static" folder; a build replaces the whole output folder',
    );
  });

  it('accepts output folders of their own, inside or beside the site', () => {
    expect(refusal('dist')).toBeUndefined();
    expect(refusal('build/public')).toBeUndefined();
    expect(refusal('../site-public')).toBeUndefined();
    expect(refusal('/var/www/news')).toBeUndefined();
    expect(refusal('content-build')).toBeUndefined();
    // A name starting with two dots is a child, not a parent: why containment uses path.relative.
    expect(refusal('..dist')).toBeUndefined();
  });
});
