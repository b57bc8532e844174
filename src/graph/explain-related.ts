import { buildRelatedIndex, dateScore, relatedIndexNames, type RelatedConfig, type RelatedIndex, type RelatedIndexName } from './related-index.js';
import { findRelated, keepBest, roundScore, type Candidate } from './related.js';
import type { PostNode } from './types.js';

export interface RelatedCandidate {
  post: PostNode;
  /** Each index's part of `score` (already divided by the post's own score). */
  contributions: Record<RelatedIndexName | 'date', number>;
  /** Names of the shared terms per index; a category shared only as an ancestor is marked "(parent)". */
  shared: Record<RelatedIndexName, string[]>;
  score: number;
  aboveThreshold: boolean;
  /** Left out because it is not older than the post and `includeNewer` is off. */
  newer: boolean;
  /** In the post's related list. */
  selected: boolean;
}

export interface RelatedExplanation {
  post: PostNode;
  /** The post's score against an identical copy of itself; scores are divided by it. */
  selfScore: number;
  threshold: number;
  /** Terms left out because more than `maxShare` of posts carry them, as "tags: Europe". */
  ignored: string[];
  candidates: RelatedCandidate[];
}

/**
 * Why `post` gets the related posts it gets (`migrant-site explain related <slug>`):
 * the `top` best-scoring posts, whether selected or not, with each index's part.
 * Scores every post against this one, which is fine for one post at a time.
 */
export function explainRelated(post: PostNode, posts: readonly PostNode[], config: RelatedConfig, top = 10): RelatedExplanation {
  const index = buildRelatedIndex(posts, config);
  const i = posts.indexOf(post);
  const selfScore = i < 0 ? 0 : index.selfScores[i];
  const explanation: RelatedExplanation = { post, selfScore, threshold: config.threshold, ignored: index.ignored, candidates: [] };
  if (selfScore === 0) return explanation;
  const mine = new Map<number, number>();
  for (let x = index.featureStart[i]; x < index.featureStart[i + 1]; x++) mine.set(index.featureIds[x], index.featureShares[x]);
  const selected = new Set(findRelated(posts, config).get(post));
  const explained = new Map<number, RelatedCandidate>();
  const ranked: Candidate[] = [];
  posts.forEach((candidate, j) => {
    const pair = j === i ? undefined : explainPair(index, mine, i, j, config);
    if (!pair) return;
    explained.set(j, { post: candidate, ...pair, selected: selected.has(candidate) });
    keepBest(ranked, { j, score: pair.score }, top);
  });
  explanation.candidates = ranked.map(({ j }) => explained.get(j)!);
  return explanation;
}

function explainPair(index: RelatedIndex, mine: Map<number, number>, i: number, j: number, config: RelatedConfig) {
  const self = index.selfScores[i];
  const contributions = { tags: 0, categories: 0, authors: 0, date: 0 };
  const shared = Object.fromEntries(relatedIndexNames.map((name) => [name, [] as string[]])) as Record<RelatedIndexName, string[]>;
  for (let x = index.featureStart[j]; x < index.featureStart[j + 1]; x++) {
    const f = index.featureIds[x];
    const share = mine.get(f);
    if (share === undefined) continue;
    const both = Math.min(share, index.featureShares[x]);
    contributions[index.kinds[f]] += (index.weights[f] * both) / self;
    shared[index.kinds[f]].push(both < 1 ? `${index.labels[f]} (parent)` : index.labels[f]);
  }
  if (relatedIndexNames.every((name) => shared[name].length === 0)) return undefined;
  contributions.date = dateScore(index, i, j, config.weights.date) / self;
  const score = roundScore(contributions.tags + contributions.categories + contributions.authors + contributions.date);
  const newer = !config.includeNewer && index.days[j] >= index.days[i];
  return { contributions, shared, score, aboveThreshold: score >= config.threshold, newer };
}
