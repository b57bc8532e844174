import { escapeXml, xmlElement } from './escape-xml.js';
import type { FeedDoc, FeedEntry } from './feed-model.js';
import { toRfc822Date } from './format-dates.js';

/** RSS 2.0, with content:encoded for the article HTML and dc:creator for author names (RSS's own author element wants an email). */
export function renderRss(doc: FeedDoc): string {
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    '  <channel>',
    xmlElement('title', doc.title, 4),
    xmlElement('link', doc.homeUrl, 4),
    xmlElement('description', doc.description, 4),
    `    <atom:link href="${escapeXml(doc.selfUrls.rss)}" rel="self" type="application/rss+xml"/>`,
    xmlElement('language', doc.language, 4),
    xmlElement('generator', 'migrant-site', 4),
  ];
  if (doc.updated) lines.push(xmlElement('lastBuildDate', toRfc822Date(doc.updated), 4));
  if (doc.logo) lines.push('    <image>', xmlElement('url', doc.logo, 6), xmlElement('title', doc.title, 6), xmlElement('link', doc.homeUrl, 6), '    </image>');
  for (const entry of doc.entries) lines.push(...renderItem(entry));
  lines.push('  </channel>', '</rss>', '');
  return lines.join('\n');
}

function renderItem(entry: FeedEntry): string[] {
  const lines = [
    '    <item>',
    xmlElement('title', entry.title, 6),
    xmlElement('link', entry.url, 6),
    `      <guid isPermaLink="true">${escapeXml(entry.url)}</guid>`,
    xmlElement('pubDate', toRfc822Date(entry.published), 6),
    ...entry.authors.map((a) => xmlElement('dc:creator', a.name, 6)),
    ...entry.categories.map((c) => xmlElement('category', c, 6)),
  ];
  // description holds HTML, so the plain-text summary is escaped once as HTML text, then as XML.
  if (entry.summary) lines.push(xmlElement('description', escapeHtmlText(entry.summary), 6));
  if (entry.contentHtml !== undefined) lines.push(xmlElement('content:encoded', entry.contentHtml, 6));
  // The file size is unknown here; the RSS Best Practices Profile says to use 0 then.
  if (entry.image?.type) lines.push(`      <enclosure url="${escapeXml(entry.image.url)}" length="0" type="${entry.image.type}"/>`);
  lines.push('    </item>');
  return lines;
}

function escapeHtmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
