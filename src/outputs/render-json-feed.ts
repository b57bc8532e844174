import type { FeedDoc, FeedEntry } from './feed-model.js';
import { toW3cDate } from './format-dates.js';

/** JSON Feed 1.1 (https://jsonfeed.org/version/1.1). */
export function renderJsonFeed(doc: FeedDoc): string {
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: doc.title,
    home_page_url: doc.homeUrl,
    feed_url: doc.selfUrls.json,
    description: doc.description,
    language: doc.language,
    authors: [doc.publisher],
    items: doc.entries.map(toItem),
  };
  return `${JSON.stringify(feed, null, 2)}\n`;
}

function toItem(entry: FeedEntry): Record<string, unknown> {
  return {
    id: entry.url,
    url: entry.url,
    title: entry.title,
    // An item needs content_html or content_text; without full content the summary stands in.
    ...(entry.contentHtml !== undefined ? { content_html: entry.contentHtml } : { content_text: entry.summary }),
    ...(entry.summary ? { summary: entry.summary } : {}),
    ...(entry.image ? { image: entry.image.url } : {}),
    date_published: toW3cDate(entry.published),
    date_modified: toW3cDate(entry.updated),
    ...(entry.authors.length ? { authors: entry.authors } : {}),
    ...(entry.categories.length ? { tags: entry.categories } : {}),
  };
}
