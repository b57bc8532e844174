import { access, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { cacheDir } from '../cache/parse-cache.js';
import { replaceCacheFile } from '../cache/replace-cache-file.js';
import type { ImageSize } from './sharp-codec.js';

// Resized files live in `.cache/migrant-site/images/`, named by their key
// (source hash + options + encoder, see plan-variants.ts), and are copied into
// the output from there. Source sizes are kept beside them by source hash, so
// a warm build reads no image with the image library at all. Deleting the
// folder changes no output, only the time of the next build.

export interface ImageCache {
  /** Where the file of `key` is (or will be). */
  pathOf(key: string): string;
  has(key: string): Promise<boolean>;
  put(key: string, bytes: Uint8Array): Promise<void>;
  readSize(sourceHash: string): Promise<ImageSize | undefined>;
  writeSize(sourceHash: string, size: ImageSize): Promise<void>;
}

export function openImageCache(root: string): ImageCache {
  const dir = join(cacheDir(root), 'images');
  const sizeFile = (hash: string) => join(dir, `size-${Buffer.from(hash, 'base64').toString('hex')}.json`);
  return {
    pathOf: (key) => join(dir, key),
    has: (key) => access(join(dir, key)).then(() => true, () => false),
    async put(key, bytes) {
      if (!(await replaceCacheFile(join(dir, key), bytes))) throw new Error(`cannot write ${join(dir, key)}`);
    },
    async readSize(hash) {
      try {
        const size = JSON.parse(await readFile(sizeFile(hash), 'utf8')) as ImageSize;
        return Number.isInteger(size.width) && Number.isInteger(size.height) && size.width > 0 && size.height > 0 ? { width: size.width, height: size.height } : undefined;
      } catch {
        return undefined;
      }
    },
    async writeSize(hash, size) {
      await replaceCacheFile(sizeFile(hash), Buffer.from(JSON.stringify(size)));
    },
  };
}
