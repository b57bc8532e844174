import { describe, expect, it } from 'vitest';
import { toOutputPath } from '../../src/routes/output-path.js';

describe('toOutputPath', () => {
  it('maps pretty URLs to index.html files', () => {
    expect(toOutputPath('/')).toBe('index.html');
    expect(toOutputPath('/2024/11/some-slug/')).toBe('2024/11/some-slug/index.html');
    expect(toOutputPath('/404.html')).toBe('404.html');
    expect(toOutputPath('/tag/s%C3%A3o/')).toBe('tag/são/index.html');
  });

  it.each(['/../../x/', '/a/../../x/', '/..%2F..%2Fx/', '/%2e%2e/x/', '/..\\..\\x/', '/C:\\x/', '//evil/', '/a\u0000b/', '/%E0%A4%A/', '/con./', `/${'a'.repeat(256)}/`])(
    'refuses %s',
    (url) => {
      expect(toOutputPath(url)).toBeUndefined();
    },
  );
});
