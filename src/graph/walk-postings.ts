import { buildMembership, hasMember, type Membership, type RelatedConfig, type RelatedIndex } from './related-index.js';

// Shorter postings lists are always walked; longer ones may be looked up per candidate
// instead (in a bitset each), which bounds the bitsets' memory.
const LONG_LIST = 64;
/** Postings one post may walk; when its terms carry more, broad ones are walked only near it in date. */
const WALK_BUDGET = 2048;
/** Posts every walked term may bring in, however little budget is left. */
const MIN_WALK = 128;

/** A feature of the current post looked up per candidate, except for posts from…to (walked). */
export interface Checked {
  f: number;
  share: number;
  from: number;
  to: number;
  members: Membership;
}

/** Buffers reused for every post, so scoring a post allocates almost nothing. */
export interface Scratch {
  /** Per post: its score so far against the current post (valid where stamp is current). */
  partial: Float64Array;
  stamp: Int32Array;
  /** The current post's candidates: touched[0 … count). */
  touched: Int32Array;
  count: number;
  checked: Checked[];
  memberships: Array<Membership | undefined>;
  /** Postings each walkable feature of the current post may walk. */
  allowance: Int32Array;
  /** rest[k]: the most a post sharing none of the current post's first k features can score. */
  rest: Float64Array;
  /** The best `limit` values seen by kthLargest, highest first. */
  top: Float64Array;
}

export function createScratch(index: RelatedIndex, limit: number): Scratch {
  const n = index.posts.length;
  let widest = 0;
  for (let i = 0; i < n; i++) widest = Math.max(widest, index.featureStart[i + 1] - index.featureStart[i]);
  return {
    partial: new Float64Array(n),
    stamp: new Int32Array(n),
    touched: new Int32Array(n),
    count: 0,
    checked: [],
    memberships: [],
    allowance: new Int32Array(widest),
    rest: new Float64Array(widest + 1),
    top: new Float64Array(limit),
  };
}

/**
 * Gathers post i's candidates: every post sharing a walked feature, with its partial
 * score in `s.partial`. Long lists of features that could not lift a post sharing only
 * them to `floor` are not walked but go to `s.checked`, to be looked up per candidate,
 * and so do the parts of broad lists beyond a post's budget of about WALK_BUDGET.
 */
export function walkPostings(index: RelatedIndex, i: number, floor: number, config: RelatedConfig, s: Scratch): void {
  const { featureIds, featureShares, weights } = index;
  const from = index.featureStart[i];
  const to = index.featureStart[i + 1];
  s.rest[to - from] = config.weights.date;
  for (let k = to - 1; k >= from; k--) s.rest[k - from] = s.rest[k - from + 1] + weights[featureIds[k]] * featureShares[k];
  s.count = 0;
  s.checked.length = 0;
  let walkable = from;
  while (walkable < to && s.rest[walkable - from] >= floor) walkable++;
  shareBudget(index, from, walkable, s.allowance);
  for (let k = from; k < to; k++) {
    const size = index.postingStart[featureIds[k] + 1] - index.postingStart[featureIds[k]];
    if (k >= walkable && size >= LONG_LIST) check(index, k, 1, 0, s);
    else walk(index, k, i, k < walkable ? s.allowance[k - from] : size, !config.includeNewer, s);
  }
}

/**
 * Splits WALK_BUDGET between the walkable features from…walkable: lists that fit in an
 * even share are walked in full and leave the rest to the others; broader ones share
 * what is left evenly, so their windows span similar dates around the post.
 */
function shareBudget(index: RelatedIndex, from: number, walkable: number, allowance: Int32Array): void {
  const sizeOf = (x: number) => index.postingStart[index.featureIds[from + x] + 1] - index.postingStart[index.featureIds[from + x]];
  const count = walkable - from;
  allowance.fill(-1, 0, count);
  let left = WALK_BUDGET;
  for (let remaining = count; remaining > 0; remaining--) {
    let smallest = -1;
    for (let x = 0; x < count; x++) if (allowance[x] < 0 && (smallest < 0 || sizeOf(x) < sizeOf(smallest))) smallest = x;
    const share = Math.max(MIN_WALK, Math.floor(left / remaining));
    if (sizeOf(smallest) > share) {
      for (let x = 0; x < count; x++) if (allowance[x] < 0) allowance[x] = share;
      return;
    }
    allowance[smallest] = sizeOf(smallest);
    left -= allowance[smallest];
  }
}

/**
 * Adds feature `k` of post i to the posts carrying it: all of them, or when there are
 * more than `allowance`, that many nearest in date (older only, when newer posts are
 * excluded), the rest being looked up per candidate.
 */
function walk(index: RelatedIndex, k: number, i: number, allowance: number, olderOnly: boolean, s: Scratch): void {
  const f = index.featureIds[k];
  let start = index.postingStart[f];
  let end = index.postingStart[f + 1];
  if (end - start > allowance) {
    const at = positionOf(index.postingPosts, start, end, i);
    const first = olderOnly ? at + 1 : Math.max(start, Math.min(at - (allowance >> 1), end - allowance - 1));
    [start, end] = [first, Math.min(end, first + allowance + (olderOnly ? 0 : 1))];
    check(index, k, start < end ? index.postingPosts[start] : 1, start < end ? index.postingPosts[end - 1] : 0, s);
  }
  const weight = index.weights[f];
  const mine = index.featureShares[k];
  const mark = i + 1;
  for (let p = start; p < end; p++) {
    const j = index.postingPosts[p];
    if (j === i) continue;
    if (s.stamp[j] !== mark) {
      s.stamp[j] = mark;
      s.partial[j] = 0;
      s.touched[s.count++] = j;
    }
    // Most shares are 1; only categories reached through a child count half.
    const share = index.postingShares[p];
    s.partial[j] += share < mine ? weight * share : weight * mine;
  }
}

function check(index: RelatedIndex, k: number, from: number, to: number, s: Scratch): void {
  const f = index.featureIds[k];
  const members = (s.memberships[f] ??= buildMembership(index, f));
  s.checked.push({ f, share: index.featureShares[k], from, to, members });
}

/** Binary search for post i in a feature's ascending postings (it carries the feature). */
function positionOf(postings: Int32Array, start: number, end: number, i: number): number {
  let [low, high] = [start, end - 1];
  while (low < high) {
    const middle = (low + high) >> 1;
    if (postings[middle] < i) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** What candidate j gets from the checked features (those not walked as far as j). */
export function checkedShare(weights: Float64Array, checked: readonly Checked[], j: number): number {
  let sum = 0;
  for (let x = 0; x < checked.length; x++) {
    const { f, share, from, to, members } = checked[x];
    if ((j >= from && j <= to) || !hasMember(members.all, j)) continue;
    sum += weights[f] * Math.min(share, members.half && hasMember(members.half, j) ? 0.5 : 1);
  }
  return sum;
}

/** The most candidate j can get from features walked only near the post, outside their window. */
export function windowsMissed(weights: Float64Array, checked: readonly Checked[], j: number): number {
  let sum = 0;
  for (let x = 0; x < checked.length; x++) {
    const { f, share, from, to } = checked[x];
    if (from <= to && (j < from || j > to)) sum += weights[f] * share;
  }
  return sum;
}

/** The `limit`-th highest partial score among eligible candidates, or -Infinity when there are fewer. */
export function kthLargest(index: RelatedIndex, s: Scratch, olderThan: number, limit: number): number {
  let size = 0;
  for (let c = 0; c < s.count; c++) {
    const j = s.touched[c];
    const v = s.partial[j];
    if ((size === limit && v <= s.top[limit - 1]) || index.days[j] >= olderThan) continue;
    let at = size < limit ? size++ : limit - 1;
    while (at > 0 && v > s.top[at - 1]) {
      s.top[at] = s.top[at - 1];
      at--;
    }
    s.top[at] = v;
  }
  return size === limit ? s.top[limit - 1] : -Infinity;
}
