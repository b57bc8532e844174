import { isAbsolute, relative, sep } from 'node:path';

/**
 * True when `child` is `parent` or lies below it. Uses path.relative rather than
 * startsWith, which would accept `/site/dist-evil` as inside `/site/dist`.
 */
export function isInside(parent: string, child: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

export function toPosix(path: string): string {
  return path.split(sep).join('/');
}
