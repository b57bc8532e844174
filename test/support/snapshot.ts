import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * Every file under `dir` with its bytes, by path (forward slashes, sorted). The
 * bytes are a latin1 string: lossless for any file, readable in a failure's
 * diff where the file is ASCII markup, and cheaper to make than base64 (the
 * equivalence tests take two snapshots of a whole site after every step).
 */
export function snapshotDir(dir: string): Record<string, string> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
  return Object.fromEntries(files.map((file) => [file, readFileSync(join(dir, file)).toString('latin1')]));
}
