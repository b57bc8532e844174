import { describe, expect, it } from 'vitest';
import { FeedParseError, parseExternalFeed, plainText } from '../../src/external-feeds/parse-external-feed.js';
import { atom, hostile, malformed, rdf, rss } from './sample-feeds.js';

const feedUrl = 'https://feeds.example/x.xml';

describe('parseExternalFeed', () => {
  it('reads RSS 2.0: site, source, headlines with links and dates', () => {
    const feed = parseExternalFeed(rss(), feedUrl);
    expect(feed).toMatchObject({ title: 'Harbour Wire', siteUrl: 'https://harbour-wire.example/', source: 'Harbour Wire' });
    expect(feed.items.map((i) => [i.title, i.link, i.date?.toISOString(), i.source])).toEqual([
      ['Coastguard logs fewer winter crossings', 'https://harbour-wire.example/2026/11/crossings', '2026-11-30T23:30:00.000Z', 'Harbour Wire'],
      ['Ferry strike & the island economy', 'https://harbour-wire.example/2026/11/ferry-strike', '2026-11-29T08:00:00.000Z', 'Harbour Wire'],
      ['Third headline, over the limit', 'https://harbour-wire.example/2026/11/third', undefined, 'Harbour Wire'],
    ]);
  });

  it('reads Atom, with an HTML title as its text', () => {
    const feed = parseExternalFeed(atom, feedUrl);
    expect(feed.title).toBe('Labour & Jobs Desk');
    expect(feed.items).toEqual([{ title: 'Seasonal visas reopen for farm workers', link: 'https://labour-desk.example/visas', date: new Date('2026-11-28T10:00:00Z'), source: 'Labour & Jobs Desk' }]);
  });

  it('reads RDF (RSS 1.0) with Dublin Core dates', () => {
    const feed = parseExternalFeed(rdf, feedUrl);
    expect(feed.items).toEqual([{ title: 'Transfer fees fall on the Gulf corridor', link: 'https://remittance-notes.example/fees', date: new Date('2026-11-27T06:15:00Z'), source: 'Remittance Notes' }]);
  });

  it('drops items whose link is not http(s), and keeps only the visible text of titles', () => {
    const feed = parseExternalFeed(hostile, feedUrl);
    expect(feed.siteUrl).toBe('https://feeds.example/');
    expect(feed.items.map((i) => [i.title, i.link])).toEqual([['Shelter beds & cots', 'https://rough.example/shelter']]);
  });

  it('resolves relative links against the feed, and names the host when the feed has no title', () => {
    const feed = parseExternalFeed('<rss version="2.0"><channel><item><title>A</title><link>/a</link></item></channel></rss>', feedUrl);
    expect(feed).toMatchObject({ source: 'feeds.example', items: [{ title: 'A', link: 'https://feeds.example/a', source: 'feeds.example' }] });
  });

  it('refuses a truncated document rather than reading half a feed', () => {
    expect(() => parseExternalFeed(malformed, feedUrl)).toThrow(FeedParseError);
    expect(() => parseExternalFeed(malformed, feedUrl)).toThrow(/^the feed is not well-formed XML \(line \d+: /);
  });

  it('refuses a well-formed document that is not a feed', () => {
    expect(() => parseExternalFeed('<html><body><p>Maintenance</p></body></html>', feedUrl)).toThrow('the document is not an RSS, Atom or RDF feed');
  });
});

describe('plainText', () => {
  it('keeps what a reader would see: tags removed, scripts and styles silent, entities decoded, spaces collapsed', () => {
    expect(plainText('<script>alert(1)</script><style>b{}</style><b>Boats</b>\n  &amp;  <i>ferries</i>')).toBe('Boats & ferries');
    expect(plainText('1 < 2 &lt;tag&gt;')).toBe('1 < 2 <tag>');
  });
});
