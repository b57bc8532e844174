import { describe, expect, it } from 'vitest';
import { makeConfig } from '../../src/config/make-config.js';
import { buildSiteGraph } from '../../src/graph/build-site-graph.js';
import { toDot, toGraphReport } from '../../src/graph/graph-report.js';
import { findNearDuplicates } from '../../src/graph/near-duplicates.js';
import { makeInput, makePost } from './factories.js';

function report() {
  const posts = [
    makePost({ slug: 'hub', date: '2024-05-01', title: 'The "hub"', tags: ['Asylum', 'Border'], html: '<a href="/2024/04/spoke/#x">s</a> <a href="/2024/03/linked">l</a> <a href="//evil/2024/04/spoke/">e</a>' }),
    makePost({ slug: 'spoke', date: '2024-04-01', tags: ['Asylum', 'Borders'], html: '<a href="/2024/05/hub/">back</a><a href="/2024/04/spoke/">self</a>' }),
    makePost({ slug: 'linked', date: '2024-03-01', tags: ['Refugees'] }),
    makePost({ slug: 'lonely', date: '2024-02-01', tags: ['Refugee'] }),
    makePost({ slug: 'filler', date: '2024-01-01', tags: ['Other'] }),
  ];
  const { graph } = buildSiteGraph(makeInput({ posts }), makeConfig({ related: { threshold: 0.3 } }));
  return toGraphReport(graph);
}

describe('toGraphReport', () => {
  it('lists articles with their terms, related posts and links to other articles', () => {
    const { articles } = report();
    expect(articles[0]).toEqual({
      url: '/2024/05/hub/',
      title: 'The "hub"',
      tags: ['Asylum', 'Border'],
      categories: [],
      authors: [],
      related: ['/2024/04/spoke/'],
      links: ['/2024/04/spoke/', '/2024/03/linked/'],
    });
    expect(articles[1].links).toEqual(['/2024/05/hub/']);
  });

  it('finds orphans, tags used once and near-duplicate terms', () => {
    const { findings, terms } = report();
    expect(findings.orphans).toEqual(['/2024/02/lonely/', '/2024/01/filler/']);
    expect(findings.tagsUsedOnce).toEqual(['Border', 'Borders', 'Other', 'Refugee', 'Refugees']);
    expect(findings.nearDuplicateTerms).toEqual([
      ['Border', 'Borders'],
      ['Refugee', 'Refugees'],
    ]);
    expect(terms.tags[0]).toEqual({ name: 'Asylum', slug: 'asylum', count: 2 });
  });

  it('renders a Graphviz digraph with escaped labels', () => {
    const dot = toDot(report());
    expect(dot).toContain('  "/2024/05/hub/" [label="The \\"hub\\""];');
    expect(dot).toContain('  "/2024/05/hub/" -> "/2024/03/linked/";');
    expect(dot).toContain('  "/2024/05/hub/" -> "/2024/04/spoke/" [style=dashed];');
    expect(dot.startsWith('digraph site {\n')).toBe(true);
    expect(dot.endsWith('}\n')).toBe(true);
  });
});

describe('findNearDuplicates', () => {
  it('pairs plurals and small typos but leaves short names alone', () => {
    expect(findNearDuplicates(['Asylum', 'Asylym', 'EU', 'UK', 'Deportation', 'Deportatoin', 'Migrant', 'Migrants'])).toEqual([
      ['Asylum', 'Asylym'],
      ['Deportation', 'Deportatoin'],
      ['Migrant', 'Migrants'],
    ]);
  });
});
