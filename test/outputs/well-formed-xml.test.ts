import { describe, expect, it } from 'vitest';
import { xmlProblems } from '../support/well-formed-xml.js';

// The check the feed and sitemap tests rely on must fail on the bugs that made us hand-write the feeds.
describe('xmlProblems', () => {
  it.each(['<b c="x<y"/>', '<a>&nbsp;</a>', '<a>x & y</a>', '<a><b></a></b>', '<a/><a/>', '<x:a/>', '<a>\u0001</a>'])('finds the error in %j', (xml) => {
    expect(xmlProblems(xml)).not.toEqual([]);
  });

  it('accepts a well-formed feed fragment', () => {
    expect(xmlProblems('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>A &amp; B &lt;c&gt;</title></feed>')).toEqual([]);
  });
});
