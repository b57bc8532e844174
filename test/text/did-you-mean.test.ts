import { describe, expect, it } from 'vitest';
import { didYouMean } from '../../src/text/did-you-mean.js';
import { editDistance } from '../../src/text/edit-distance.js';

describe('didYouMean', () => {
  const keys = ['title', 'baseUrl', 'outDir', 'postsPerPage'];

  it('prefers a match that differs only in letter case', () => {
    expect(didYouMean('outdir', keys)).toBe('outDir');
    expect(didYouMean('BASEURL', keys)).toBe('baseUrl');
  });

  it('suggests the closest key within two edits', () => {
    expect(didYouMean('titel', keys)).toBe('title');
    expect(didYouMean('postPerPage', keys)).toBe('postsPerPage');
  });

  it('suggests nothing when no key is close', () => {
    expect(didYouMean('colour', keys)).toBeUndefined();
    expect(didYouMean('x', ['id'])).toBeUndefined();
  });

  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });
});
