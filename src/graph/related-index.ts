import type { SiteConfig } from '../config/schema.js';
import type { AuthorNode, PostNode, Term } from './types.js';

export type RelatedConfig = SiteConfig['related'];
export type RelatedIndexName = 'tags' | 'categories' | 'authors';
export const relatedIndexNames: readonly RelatedIndexName[] = ['tags', 'categories', 'authors'];

/**
 * Inverted index term → posts over published posts in graph order. Lists live in
 * flat typed arrays (offsets into one buffer): the scoring loop walks them millions
 * of times on a large site, and scattered small arrays cost allocations and cache misses.
 */
export interface RelatedIndex {
  posts: readonly PostNode[];
  /** Per feature (a tag, a category or an author): */
  kinds: RelatedIndexName[];
  labels: string[];
  /** Index weight, times IDF for tags; 0 when cut for being too common. */
  weights: Float64Array;
  /** Feature f's posts are postingPosts[postingStart[f] … postingStart[f + 1]), ascending, so newest first … */
  postingStart: Int32Array;
  postingPosts: Int32Array;
  /** … with each one's share: 1, or ½ for a category reached through a child. */
  postingShares: Float64Array;
  /** Terms cut because more than `maxShare` of posts carry them, as "tags: Europe". */
  ignored: string[];
  /** Post i's scoring features are featureIds[featureStart[i] … featureStart[i + 1]), highest `weight × share` first. */
  featureStart: Int32Array;
  featureIds: Int32Array;
  featureShares: Float64Array;
  /** Days since the epoch, for date proximity. */
  days: Float64Array;
  /** What the post scores against an identical copy of itself; scores are divided by it. */
  selfScores: Float64Array;
}

// Below this many posts a share of posts is too noisy to call a term "too common":
// on a ten-post site, a tag on six of them is still a real signal.
export const MIN_POSTS_FOR_CUT = 20;
const MS_PER_DAY = 86_400_000;

export function buildRelatedIndex(posts: readonly PostNode[], config: RelatedConfig): RelatedIndex {
  const carried = carriedFeatures(posts);
  const df = new Int32Array(carried.kinds.length);
  for (const id of carried.ids) df[id]++;
  const weights = new Float64Array(carried.kinds.length);
  const ignored: string[] = [];
  carried.kinds.forEach((kind, f) => {
    if (posts.length >= MIN_POSTS_FOR_CUT && df[f] / posts.length > config.maxShare) ignored.push(`${kind}: ${carried.labels[f]}`);
    else weights[f] = kind === 'tags' ? config.weights.tags * Math.log(posts.length / df[f]) : config.weights[kind];
  });
  return {
    posts,
    kinds: carried.kinds,
    labels: carried.labels,
    weights,
    ...postingLists(carried, df),
    ignored,
    ...scoringFeatures(carried, weights, config.weights.date),
    days: Float64Array.from(posts, (p) => p.date.getTime() / MS_PER_DAY),
  };
}

/** Every (post, feature, share) in post order: post i's are ids[start[i] … start[i + 1]). */
interface Carried {
  kinds: RelatedIndexName[];
  labels: string[];
  start: number[];
  ids: number[];
  shares: number[];
}

function carriedFeatures(posts: readonly PostNode[]): Carried {
  const carried: Carried = { kinds: [], labels: [], start: [0], ids: [], shares: [] };
  const idOf = new Map<Term | AuthorNode, number>();
  const lastPost: number[] = [];
  /** False when the post already carries the feature. */
  const add = (i: number, key: Term | AuthorNode, kind: RelatedIndexName, label: string, share: number): boolean => {
    let id = idOf.get(key);
    if (id === undefined) {
      idOf.set(key, (id = carried.kinds.length));
      carried.kinds.push(kind);
      carried.labels.push(label);
      lastPost.push(-1);
    }
    if (lastPost[id] === i) return false;
    lastPost[id] = i;
    carried.ids.push(id);
    carried.shares.push(share);
    return true;
  };
  posts.forEach((post, i) => {
    for (const tag of post.tagTerms) add(i, tag, 'tags', tag.name, 1);
    // Own categories first, so a category that is also an ancestor counts fully.
    for (const category of post.categoryTerms) add(i, category, 'categories', category.name, 1);
    for (const category of post.categoryTerms) {
      // An ancestor already carried means its own ancestors are too.
      for (let up = category.parent; up && add(i, up, 'categories', up.name, 0.5); up = up.parent);
    }
    for (const author of post.authors) add(i, author, 'authors', author.id, 1);
    carried.start.push(carried.ids.length);
  });
  return carried;
}

/** Each feature's posts, ascending because `carried` is in post order. */
function postingLists(carried: Carried, df: Int32Array) {
  const postingStart = new Int32Array(df.length + 1);
  for (let f = 0; f < df.length; f++) postingStart[f + 1] = postingStart[f] + df[f];
  const next = postingStart.slice(0, df.length);
  const postingPosts = new Int32Array(carried.ids.length);
  const postingShares = new Float64Array(carried.ids.length);
  for (let i = 0; i + 1 < carried.start.length; i++) {
    for (let x = carried.start[i]; x < carried.start[i + 1]; x++) {
      const at = next[carried.ids[x]]++;
      postingPosts[at] = i;
      postingShares[at] = carried.shares[x];
    }
  }
  return { postingStart, postingPosts, postingShares };
}

/** Each post's features that can score, best first, and its score against itself. */
function scoringFeatures({ start, ids, shares }: Carried, weights: Float64Array, dateWeight: number) {
  const n = start.length - 1;
  const featureStart = new Int32Array(n + 1);
  const featureIds = new Int32Array(ids.length);
  const featureShares = new Float64Array(ids.length);
  const selfScores = new Float64Array(n);
  let size = 0;
  for (let i = 0; i < n; i++) {
    let self = 0;
    for (let x = start[i]; x < start[i + 1]; x++) {
      const value = weights[ids[x]] * shares[x];
      if (value <= 0) continue;
      self += value;
      // Insertion sort: a post has a handful of features.
      let at = size++;
      while (at > featureStart[i] && weights[featureIds[at - 1]] * featureShares[at - 1] < value) {
        featureIds[at] = featureIds[at - 1];
        featureShares[at] = featureShares[at - 1];
        at--;
      }
      featureIds[at] = ids[x];
      featureShares[at] = shares[x];
    }
    featureStart[i + 1] = size;
    selfScores[i] = size > featureStart[i] ? self + dateWeight : 0;
  }
  return { featureStart, featureIds: featureIds.slice(0, size), featureShares: featureShares.slice(0, size), selfScores };
}

/** Which posts carry a feature, one bit per post, and which carry it only through a child category. */
export interface Membership {
  all: Uint32Array;
  half?: Uint32Array;
}

/** One bit per post for feature f: for checking it on a candidate in constant time. */
export function buildMembership(index: RelatedIndex, f: number): Membership {
  const words = (index.posts.length + 31) >>> 5;
  const membership: Membership = { all: new Uint32Array(words) };
  for (let p = index.postingStart[f]; p < index.postingStart[f + 1]; p++) {
    const j = index.postingPosts[p];
    membership.all[j >>> 5] |= 1 << (j & 31);
    if (index.postingShares[p] < 1) (membership.half ??= new Uint32Array(words))[j >>> 5] |= 1 << (j & 31);
  }
  return membership;
}

export function hasMember(bits: Uint32Array, j: number): boolean {
  return ((bits[j >>> 5] >>> (j & 31)) & 1) === 1;
}

/** Date proximity: full weight on the same day, nothing a year or more apart. */
export function dateScore(index: RelatedIndex, i: number, j: number, weight: number): number {
  return weight * Math.max(0, 1 - Math.abs(index.days[i] - index.days[j]) / 365);
}
