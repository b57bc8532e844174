import { describe, expect, it } from 'vitest';
import { parsePopularity } from '../../src/content/parse-popularity.js';

describe('parsePopularity', () => {
  it('reads the views list with daily counts', () => {
    const text = JSON.stringify({ views: [{ url: '/2024/11/a/', views: 10, daily: { '2024-11-05': 4 } }, { slug: 'b', daily: { '2024-11-05': 2, '2024-11-06': 3 } }] });
    expect(parsePopularity(text, 'content/data/popularity.json')).toEqual({
      data: {
        file: 'content/data/popularity.json',
        entries: [
          { key: '/2024/11/a/', views: 10, daily: { '2024-11-05': 4 } },
          { key: 'b', views: 5, daily: { '2024-11-05': 2, '2024-11-06': 3 } },
        ],
      },
      diagnostics: [],
    });
  });

  it('reads a plain url → views object', () => {
    expect(parsePopularity('{"/a/": 3, "b": 1}', 'p.json').data?.entries).toEqual([
      { key: '/a/', views: 3 },
      { key: 'b', views: 1 },
    ]);
  });

  it('reads CSV with and without dates, adding up rows of one article', () => {
    expect(parsePopularity('url,views\n/a/,3\nb,4\n', 'p.csv').data?.entries.map((e) => [e.key, e.views])).toEqual([
      ['/a/', 3],
      ['b', 4],
    ]);
    const daily = parsePopularity('url,date,views\n/a/,2024-11-05,3\n/a/,2024-11-06,4\n', 'p.csv').data?.entries;
    expect(daily).toEqual([{ key: '/a/', views: 7, daily: { '2024-11-05': 3, '2024-11-06': 4 }, position: { line: 2, column: 1 } }]);
  });

  it('reports a bad row with its line', () => {
    const result = parsePopularity('url,views\n/a/,many\n', 'content/data/popularity.csv');
    expect(result.data).toBeUndefined();
    expect(result.diagnostics).toMatchObject([{ code: 'MS308', file: 'content/data/popularity.csv', line: 2, column: 1 }]);
  });

  it('reports JSON of the wrong shape', () => {
    expect(parsePopularity('{"views": [{"url": "/a/"}]}', 'p.json').diagnostics[0].message).toBe('views[0] needs "url" (or "slug") and a non-negative "views" number');
    expect(parsePopularity('[1,2]', 'p.json').diagnostics[0].message).toBe('expected {"views": [...]} or an object of url → views');
  });
});
