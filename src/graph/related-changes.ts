import type { RelatedIndex } from './related-index.js';

// Which posts' related lists a change of terms can move. A post's list is a
// function of its own scoring features (with their weights and shares), the
// posting lists of those features and the posts' dates; the weights depend on
// how many posts carry a tag and on the number of posts. So when the posts,
// their order and their dates are the same as in the previous graph, only
// posts whose features changed, and posts carrying a feature that some post
// gained or lost, can get a different list: every other post walks exactly
// the same postings with the same weights. Anything else is a full rescore.

/** Indices of posts whose related list must be scored again; undefined when every post must be. */
export function findAffectedPosts(now: RelatedIndex, before: RelatedIndex): Set<number> | undefined {
  const n = now.posts.length;
  if (before.posts.length !== n) return undefined;
  for (let i = 0; i < n; i++) if (now.posts[i].sourcePath !== before.posts[i].sourcePath || now.days[i] !== before.days[i]) return undefined;
  const affected = new Set<number>();
  const movedFeatures = new Set<string>();
  for (let i = 0; i < n; i++) {
    const a = featuresOf(now, i);
    const b = featuresOf(before, i);
    if (a.size === b.size && [...a].every((k) => b.has(k))) continue;
    affected.add(i);
    for (const k of a) if (!b.has(k)) movedFeatures.add(featureName(k));
    for (const k of b) if (!a.has(k)) movedFeatures.add(featureName(k));
  }
  for (let f = 0; f < now.kinds.length; f++) {
    if (!movedFeatures.has(`${now.kinds[f]}\0${now.labels[f]}`)) continue;
    for (let p = now.postingStart[f]; p < now.postingStart[f + 1]; p++) affected.add(now.postingPosts[p]);
  }
  return affected;
}

/** Post i's scoring features as `kind\0label\0share\0weight`: a change of any part can move its list. */
function featuresOf(index: RelatedIndex, i: number): Set<string> {
  const keys = new Set<string>();
  for (let x = index.featureStart[i]; x < index.featureStart[i + 1]; x++) {
    const f = index.featureIds[x];
    keys.add(`${index.kinds[f]}\0${index.labels[f]}\0${index.featureShares[x]}\0${index.weights[f]}`);
  }
  return keys;
}

const featureName = (key: string) => key.split('\0', 2).join('\0');
