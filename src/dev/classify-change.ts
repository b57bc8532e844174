import { isIgnoredPath } from '../paths/ignored-files.js';

export type ChangeKind = 'config' | 'content' | 'template' | 'ignored';

/**
 * What a changed path (relative to the site root, forward slashes) means for
 * the build. Pure, so the watcher's decisions can be tested without a disk.
 * `templateFolders`: the site's `templates/`, and the built-in theme when it is developed inside the site.
 */
export function classifyChange(path: string, configFile: string, outDir: string, templateFolders: readonly string[] = ['templates']): ChangeKind {
  if (path === configFile) return 'config';
  // Editors save through temporary files; the content scan skips the same names (paths/ignored-files.ts).
  if (isIgnoredPath(path)) return 'ignored';
  const first = path.split('/')[0];
  if (path === outDir || path.startsWith(`${outDir}/`) || first === '.cache' || first === 'node_modules' || first === '.git') return 'ignored';
  if (first === 'content') return 'content';
  if (templateFolders.some((f) => path === f || path.startsWith(`${f}/`))) return 'template';
  return 'ignored';
}
