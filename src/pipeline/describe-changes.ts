import type { Post } from '../graph/types.js';

/**
 * One line on what a change batch did, for the watch log:
 * `tags of content/posts/x.md changed (+greece −italy)`, `content/posts/y.md added`.
 */
export function describeChanges(changed: ReadonlySet<string>, before: ReadonlyMap<string, Post>, after: ReadonlyMap<string, Post>): string {
  const parts: string[] = [];
  for (const path of [...changed].sort()) {
    const old = before.get(path);
    const now = after.get(path);
    if (old && now) parts.push(describePostEdit(path, old, now));
    else if (now) parts.push(`${path} added`);
    else if (old) parts.push(`${path} removed`);
    else parts.push(`${path} changed`);
  }
  if (parts.length > 3) return `${parts.slice(0, 3).join('; ')}; and ${parts.length - 3} more`;
  return parts.join('; ') || 'nothing changed';
}

function describePostEdit(path: string, old: Post, now: Post): string {
  const fields: string[] = [];
  const tags = diff(old.tags, now.tags);
  const categories = diff(old.categories, now.categories);
  if (tags) fields.push(`tags of ${path} changed (${tags})`);
  if (categories) fields.push(`categories of ${path} changed (${categories})`);
  if (old.title !== now.title) fields.push(`title of ${path} changed`);
  if (+old.date !== +now.date || +(old.updated ?? 0) !== +(now.updated ?? 0)) fields.push(`dates of ${path} changed`);
  if (old.summary !== now.summary) fields.push(`summary of ${path} changed`);
  if (old.html !== now.html && fields.length === 0) fields.push(`body of ${path} changed`);
  return fields.join('; ') || `front matter of ${path} changed`;
}

function diff(before: string[], after: string[]): string {
  const added = after.filter((t) => !before.includes(t)).map((t) => `+${t}`);
  const removed = before.filter((t) => !after.includes(t)).map((t) => `−${t}`);
  return [...added, ...removed].join(' ');
}
