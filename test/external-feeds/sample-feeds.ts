// Small feeds of each format for the external-feed tests (original text).

export const rss = (headline = 'Coastguard logs fewer winter crossings') => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
  <channel>
    <title>Harbour Wire</title>
    <link>https://harbour-wire.example/</link>
    <description>Port and coast news</description>
    <item>
      <title>${headline}</title>
      <link>https://harbour-wire.example/2026/11/crossings</link>
      <pubDate>Mon, 30 Nov 2026 23:30:00 GMT</pubDate>
    </item>
    <item>
      <title>Ferry strike &amp;amp; the island economy</title>
      <link>https://harbour-wire.example/2026/11/ferry-strike</link>
      <pubDate>Sun, 29 Nov 2026 08:00:00 GMT</pubDate>
    </item>
    <item>
      <title>Third headline, over the limit</title>
      <link>https://harbour-wire.example/2026/11/third</link>
    </item>
  </channel>
</rss>
`;

export const atom = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title type="html">Labour &amp;amp; Jobs &lt;em&gt;Desk&lt;/em&gt;</title>
  <link rel="alternate" href="https://labour-desk.example/"/>
  <id>urn:labour-desk</id>
  <updated>2026-11-28T10:00:00Z</updated>
  <entry>
    <title>Seasonal visas reopen for farm workers</title>
    <link rel="alternate" href="https://labour-desk.example/visas"/>
    <id>urn:labour-desk:visas</id>
    <updated>2026-11-28T10:00:00Z</updated>
  </entry>
</feed>
`;

export const rdf = `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://remittance-notes.example/">
    <title>Remittance Notes</title>
    <link>https://remittance-notes.example/</link>
    <description>Money sent home</description>
  </channel>
  <item rdf:about="https://remittance-notes.example/fees">
    <title>Transfer fees fall on the Gulf corridor</title>
    <link>https://remittance-notes.example/fees</link>
    <dc:date>2026-11-27T06:15:00Z</dc:date>
  </item>
</rdf:RDF>
`;

/** A javascript: link, a script in a title, markup and double-encoded entities. */
export const hostile = `<?xml version="1.0"?>
<rss version="2.0">
  <channel>
    <title>Rough Feed</title>
    <link>javascript:alert('site')</link>
    <item>
      <title>Click me</title>
      <link>javascript:alert(1)</link>
    </item>
    <item>
      <title>&lt;script&gt;alert(2)&lt;/script&gt;&lt;b&gt;Shelter&lt;/b&gt; beds &amp;amp; cots</title>
      <link>https://rough.example/shelter</link>
    </item>
    <item>
      <title>Data link</title>
      <link>data:text/html,hi</link>
    </item>
  </channel>
</rss>
`;

/** Cut off mid-item, as a dropped connection leaves it. */
export const malformed = rss().slice(0, 300);
