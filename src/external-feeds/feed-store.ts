import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

// The last good copy of each external feed, one JSON file per feed name under
// `.cache/migrant-site/external-feeds/`. Unlike the parse cache this is not
// only a speed-up: it is what the widget shows when the feed's site is down.

export interface StoredFeed {
  /** The configured URL it was fetched from; a copy of another URL is not used. */
  url: string;
  /** ISO time of the last successful fetch or revalidation. */
  fetchedAt: string;
  etag?: string;
  lastModified?: string;
  body: string;
}

export interface FeedStore {
  read(name: string, url: string): Promise<StoredFeed | undefined>;
  write(name: string, feed: StoredFeed): Promise<void>;
}

export function createFeedStore(dir: string): FeedStore {
  const fileOf = (name: string) => join(dir, `${name}.json`);
  return {
    async read(name, url) {
      try {
        const data = JSON.parse(await readFile(fileOf(name), 'utf8')) as Partial<StoredFeed>;
        const optionalText = (v: unknown) => v === undefined || typeof v === 'string';
        const valid =
          data.url === url &&
          typeof data.body === 'string' &&
          typeof data.fetchedAt === 'string' &&
          !Number.isNaN(Date.parse(data.fetchedAt)) &&
          optionalText(data.etag) &&
          optionalText(data.lastModified);
        return valid ? (data as StoredFeed) : undefined;
      } catch {
        return undefined;
      }
    },
    async write(name, feed) {
      // Exclusive, uniquely named temp file, then rename: two builds of the same
      // site never write into one file, and a reader sees the old copy or the new.
      const temp = `${fileOf(name)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
      try {
        await mkdir(dir, { recursive: true });
        await writeFile(temp, JSON.stringify(feed), { flag: 'wx' });
        await rename(temp, fileOf(name));
      } catch {
        // Not being able to keep a copy costs only the fallback next time.
        await rm(temp, { force: true });
      }
    },
  };
}
