import { escapeXml, xmlElement } from './escape-xml.js';
import type { FeedDoc, FeedEntry, FeedPerson } from './feed-model.js';
import { toW3cDate } from './format-dates.js';

// Atom requires a feed-level <updated>; an empty feed gets a fixed date rather than the build's clock.
const epoch = new Date(0);

/** Atom 1.0. The feed's author is the publication, so entries without a byline still validate. */
export function renderAtom(doc: FeedDoc): string {
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(doc.language)}">`,
    xmlElement('id', doc.selfUrls.atom, 2),
    xmlElement('title', doc.title, 2),
    xmlElement('subtitle', doc.description, 2),
    xmlElement('updated', toW3cDate(doc.updated ?? epoch), 2),
    link('alternate', 'text/html', doc.homeUrl, 2),
    link('self', 'application/atom+xml', doc.selfUrls.atom, 2),
    ...person('author', doc.publisher, 2),
    xmlElement('generator', 'migrant-site', 2),
  ];
  if (doc.logo) lines.push(xmlElement('logo', doc.logo, 2));
  for (const entry of doc.entries) lines.push(...renderEntry(entry));
  lines.push('</feed>', '');
  return lines.join('\n');
}

function renderEntry(entry: FeedEntry): string[] {
  const lines = [
    '  <entry>',
    xmlElement('id', entry.url, 4),
    xmlElement('title', entry.title, 4),
    link('alternate', 'text/html', entry.url, 4),
    xmlElement('published', toW3cDate(entry.published), 4),
    xmlElement('updated', toW3cDate(entry.updated), 4),
    ...entry.authors.flatMap((a) => person('author', a, 4)),
    ...entry.categories.map((c) => `    <category term="${escapeXml(c)}"/>`),
  ];
  if (entry.summary) lines.push(xmlElement('summary', entry.summary, 4));
  if (entry.contentHtml !== undefined) lines.push(`    <content type="html">${escapeXml(entry.contentHtml)}</content>`);
  if (entry.image?.type) lines.push(link('enclosure', entry.image.type, entry.image.url, 4));
  lines.push('  </entry>');
  return lines;
}

function link(rel: string, type: string, href: string, indent: number): string {
  return `${' '.repeat(indent)}<link rel="${rel}" type="${type}" href="${escapeXml(href)}"/>`;
}

function person(element: string, p: FeedPerson, indent: number): string[] {
  const pad = ' '.repeat(indent);
  return [`${pad}<${element}>`, xmlElement('name', p.name, indent + 2), xmlElement('uri', p.url, indent + 2), `${pad}</${element}>`];
}
