import { findAffectedPosts } from './related-changes.js';
import { buildRelatedIndex, dateScore, type RelatedConfig, type RelatedIndex } from './related-index.js';
import type { PostNode } from './types.js';
import { checkedShare, createScratch, kthLargest, walkPostings, windowsMissed, type Scratch } from './walk-postings.js';

// Scores are rounded so that equal scores reached by summing in a different order
// still tie and the tie-break (date, then slug) decides, not floating-point noise.
const SCORE_PRECISION = 1e9;
// Bounds are compared unrounded with rounded scores: keep a margin of two units.
const MARGIN = 2 / SCORE_PRECISION;

export function roundScore(score: number): number {
  return Math.round(score * SCORE_PRECISION) / SCORE_PRECISION;
}

export interface Candidate {
  j: number;
  score: number;
}

/**
 * Related posts for every published post (`posts` in graph order: newest first, ties
 * by slug). A score is the weighted sum of shared terms (plus date proximity when
 * there is one) divided by the post's own score, so an identical post scores 1 and
 * `threshold` is a fraction of a perfect match.
 *
 * Cost grows with posts × terms, never posts²: candidates come from an inverted index
 * (term → posts, see walkPostings), and each post walks a bounded number of postings.
 * A broad term (a category on thousands of posts) is looked up per candidate instead
 * of walked when it alone could not reach the threshold, and once a post's budget is
 * spent broad terms only bring in the posts nearest in date. Every term counts in full
 * for every candidate, so scores are exact, and so are the lists unless the budget ran
 * out: then a post far away in date sharing only broad terms can be missed.
 */
export function findRelated(posts: readonly PostNode[], config: RelatedConfig, previous?: readonly PostNode[]): Map<PostNode, PostNode[]> {
  const related = new Map<PostNode, PostNode[]>(posts.map((p) => [p, []]));
  if (config.limit === 0) return related;
  const index = buildRelatedIndex(posts, config);
  const scratch = createScratch(index, config.limit);
  // With the previous graph's posts (serve --watch), only posts a change of terms can affect are scored again.
  const affected = previous && findAffectedPosts(index, buildRelatedIndex(previous, config));
  // By source file, not node: a body-edit pass replaces nodes while other posts' lists still name the old ones.
  const position = affected && new Map(previous.map((p, i) => [p.sourcePath, i]));
  for (let i = 0; i < posts.length; i++) {
    if (affected && !affected.has(i)) related.set(posts[i], previous![i].related.map((p) => posts[position!.get(p.sourcePath)!]));
    else if (index.selfScores[i] > 0) related.set(posts[i], topCandidates(index, i, config, scratch).map((c) => posts[c.j]));
  }
  return related;
}

function topCandidates(index: RelatedIndex, i: number, config: RelatedConfig, s: Scratch): Candidate[] {
  const self = index.selfScores[i];
  const margin = MARGIN * self;
  const floor = config.threshold * self - margin;
  const olderThan = config.includeNewer ? Infinity : index.days[i];
  walkPostings(index, i, floor, config, s);
  // Partial scores are lower bounds: the limit-th best of them is a bar that a candidate
  // must be able to reach before its date and looked-up features are added.
  let unknown = config.weights.date;
  for (const { f, share, from, to } of s.checked) if (from > to) unknown += index.weights[f] * share;
  const bar = Math.max(floor, kthLargest(index, s, olderThan, config.limit) - margin);

  const best: Candidate[] = [];
  for (let c = 0; c < s.count; c++) {
    const j = s.touched[c];
    if (s.partial[j] + unknown + windowsMissed(index.weights, s.checked, j) < bar || index.days[j] >= olderThan) continue;
    const raw = s.partial[j] + dateScore(index, i, j, config.weights.date) + checkedShare(index.weights, s.checked, j);
    if (raw < floor || (best.length === config.limit && raw / self + MARGIN < best[best.length - 1].score)) continue;
    const score = roundScore(raw / self);
    if (score > 0 && score >= config.threshold) keepBest(best, { j, score }, config.limit);
  }
  return best;
}

// Graph order is date desc then slug asc, so a lower index wins a tie.
function ranksBefore(a: Candidate, b: Candidate): boolean {
  return a.score > b.score || (a.score === b.score && a.j < b.j);
}

/** Keeps the `limit` best candidates sorted, without sorting every candidate. */
export function keepBest(best: Candidate[], candidate: Candidate, limit: number): void {
  if (best.length === limit && !ranksBefore(candidate, best[limit - 1])) return;
  let at = best.length;
  while (at > 0 && ranksBefore(candidate, best[at - 1])) at--;
  best.splice(at, 0, candidate);
  if (best.length > limit) best.pop();
}
