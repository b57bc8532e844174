// The one rule for files that are never content and never published: dotfiles
// (.env, .git, .DS_Store), editor swap, backup and save-through files (vim's
// .swp/.swx and 4913, emacs' .#x and #x#, JetBrains' ___jb_tmp___, backups
// ending in ~), partial downloads and OS litter. The content scan, the theme's
// asset copy and the watcher all use it, so `serve --watch` publishes exactly
// what a full build does.
const ignoredName = /^\.|^4913$|^#.*#$|~$|\.(sw[a-px]|tmp|temp|crdownload|part)$|___jb_(tmp|old)___$|^(Thumbs\.db|desktop\.ini)$/i;

/** Whether a file or folder name is one of those. */
export function isIgnoredName(name: string): boolean {
  return ignoredName.test(name);
}

/** Whether any segment of a relative path (forward slashes) is one of those. */
export function isIgnoredPath(path: string): boolean {
  return path.split('/').some(isIgnoredName);
}
