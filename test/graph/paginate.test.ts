import { describe, expect, it } from 'vitest';
import { paginate } from '../../src/graph/paginate.js';

describe('paginate', () => {
  it('puts page 1 at the base URL and page N under page/N/', () => {
    const pages = paginate([1, 2, 3, 4, 5], 2, '/tag/asylum/');
    expect(pages).toEqual([
      { items: [1, 2], pageNumber: 1, totalPages: 3, url: '/tag/asylum/', prevUrl: undefined, nextUrl: '/tag/asylum/page/2/' },
      { items: [3, 4], pageNumber: 2, totalPages: 3, url: '/tag/asylum/page/2/', prevUrl: '/tag/asylum/', nextUrl: '/tag/asylum/page/3/' },
      { items: [5], pageNumber: 3, totalPages: 3, url: '/tag/asylum/page/3/', prevUrl: '/tag/asylum/page/2/', nextUrl: undefined },
    ]);
  });

  it('gives an empty list one empty page', () => {
    expect(paginate([], 10, '/')).toEqual([{ items: [], pageNumber: 1, totalPages: 1, url: '/', prevUrl: undefined, nextUrl: undefined }]);
  });

  it('fills the last page exactly when the count divides evenly', () => {
    expect(paginate([1, 2, 3, 4], 2, '/blog/').map((p) => p.items)).toEqual([[1, 2], [3, 4]]);
  });
});
