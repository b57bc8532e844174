import { parseFeed } from '@rowanmanning/feed-parser';
import { XMLValidator } from 'fast-xml-parser';
import { parseFragment } from 'parse5';
import type { ExternalFeedItem } from './types.js';

// RSS 2.0, Atom and RDF through maintained parsers: fast-xml-parser checks
// the document is well-formed XML first, because the feed parser is lenient
// and would turn a truncated download into a feed with half its headlines,
// replacing the good cached copy.

export interface ParsedExternalFeed {
  /** The feed's own title, as plain text ('' when it has none). */
  title: string;
  /** The source site's home page, http(s). */
  siteUrl: string;
  source: string;
  items: ExternalFeedItem[];
}

export class FeedParseError extends Error {
  override name = 'FeedParseError';
}

/** Parses a feed document; `feedUrl` resolves relative links. Throws FeedParseError. */
export function parseExternalFeed(xml: string, feedUrl: string): ParsedExternalFeed {
  const wellFormed = XMLValidator.validate(xml);
  if (wellFormed !== true) throw new FeedParseError(`the feed is not well-formed XML (line ${wellFormed.err.line}: ${wellFormed.err.msg})`);
  let feed: ReturnType<typeof parseFeed>;
  try {
    feed = parseFeed(xml);
  } catch {
    throw new FeedParseError('the document is not an RSS, Atom or RDF feed');
  }
  const siteUrl = webUrl(feed.url ?? '', feedUrl) ?? `${new URL(feedUrl).origin}/`;
  const title = plainText(feed.title ?? '');
  const source = title || new URL(siteUrl).hostname;
  const items = feed.items.flatMap((item): ExternalFeedItem[] => {
    const link = webUrl(item.url ?? '', feedUrl);
    const text = plainText(item.title ?? '');
    const date = item.published ?? item.updated ?? undefined;
    // A headline needs words and a web link; a javascript: or data: link is dropped, not neutralised.
    if (!link || !text) return [];
    return [{ title: text, link, source, ...(date && !Number.isNaN(date.getTime()) ? { date } : {}) }];
  });
  return { title, siteUrl, source, items };
}

/** An absolute http(s) URL, or undefined. */
function webUrl(value: string, base: string): string | undefined {
  try {
    const url = new URL(value.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

type Node = { nodeName: string; value?: string; childNodes?: Node[] };
const invisible = new Set(['script', 'style', 'template', 'noscript']);

/** The text a browser would show for an HTML fragment, whitespace collapsed; scripts and styles say nothing. */
export function plainText(html: string): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeName === '#text') parts.push(node.value ?? '');
    else if (!invisible.has(node.nodeName)) for (const child of node.childNodes ?? []) walk(child);
  };
  walk(parseFragment(html) as unknown as Node);
  return parts.join('').replace(/\s+/g, ' ').trim();
}
