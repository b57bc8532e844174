import { describe, expect, it } from 'vitest';
import { formatDate, toIsoInZone } from '../../src/render/helpers/format-date.js';
import { jsonForScript } from '../../src/render/helpers/json-for-script.js';
import { shareUrl } from '../../src/render/helpers/share-url.js';
import { toAbsoluteUrl, toSiteUrl } from '../../src/paths/site-urls.js';
import { createHelperRegistry } from '../../src/render/helper-registry.js';

const date = new Date('2024-11-06T23:30:00Z');

describe('formatDate', () => {
  it('formats in the site language and time zone, not the machine\'s', () => {
    expect(formatDate(date, 'long', 'en', 'UTC')).toBe('November 6, 2024');
    expect(formatDate(date, 'long', 'en', 'Europe/Athens')).toBe('November 7, 2024');
    expect(formatDate(date, 'long', 'fr', 'UTC')).toBe('6 novembre 2024');
    expect(formatDate(date, 'short', 'en', 'UTC')).toBe('Nov 6, 2024');
    expect(formatDate(date, 'time', 'en', 'Europe/Athens')).toBe('01:30');
    expect(formatDate(date, 'year', 'en', 'Pacific/Kiritimati')).toBe('2024');
  });

  it('gives ISO dates with the zone offset', () => {
    expect(toIsoInZone(date, 'Europe/Athens')).toBe('2024-11-07T01:30:00+02:00');
    expect(toIsoInZone(date, 'UTC')).toBe('2024-11-06T23:30:00Z');
    expect(toIsoInZone(date, 'America/St_Johns')).toBe('2024-11-06T20:00:00-03:30');
  });

  it('renders nothing for a missing date', () => {
    expect(formatDate(undefined as unknown as Date, 'long', 'en', 'UTC')).toBe('');
  });
});

describe('site URLs', () => {
  it('prefix the base path of the base URL', () => {
    expect(toSiteUrl('/2024/11/x/', 'https://example.org/')).toBe('/2024/11/x/');
    expect(toSiteUrl('/2024/11/x/', 'https://example.org/news/')).toBe('/news/2024/11/x/');
    expect(toSiteUrl('/', 'https://example.org/news/')).toBe('/news/');
    expect(toSiteUrl('https://other.org/a', 'https://example.org/news/')).toBe('https://other.org/a');
    expect(toSiteUrl('mailto:a@b.org', 'https://example.org/news/')).toBe('mailto:a@b.org');
  });

  it('percent-encode non-ASCII once and keep queries and fragments', () => {
    expect(toSiteUrl('/tag/são/', 'https://example.org/news/')).toBe('/news/tag/s%C3%A3o/');
    expect(toSiteUrl('/tag/s%C3%A3o/', 'https://example.org/news/')).toBe('/news/tag/s%C3%A3o/');
    expect(toSiteUrl('/search/?q=a#results', 'https://example.org/')).toBe('/search/?q=a#results');
    expect(toAbsoluteUrl('/a b/', 'https://example.org/')).toBe('https://example.org/a%20b/');
  });

  it('make absolute URLs under the base URL', () => {
    expect(toAbsoluteUrl('/2024/11/x/', 'https://example.org/news/')).toBe('https://example.org/news/2024/11/x/');
  });
});

describe('shareUrl', () => {
  it('encodes the URL and title for each network', () => {
    const url = 'https://example.org/a b/';
    expect(shareUrl('facebook', url, 'T')).toBe('https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fexample.org%2Fa%20b%2F');
    expect(shareUrl('x', url, 'Boats & borders')).toBe('https://x.com/intent/post?url=https%3A%2F%2Fexample.org%2Fa%20b%2F&text=Boats%20%26%20borders');
    expect(shareUrl('whatsapp', 'https://e.org/', 'Hi')).toBe('https://wa.me/?text=Hi%20https%3A%2F%2Fe.org%2F');
    expect(shareUrl('email', 'https://e.org/', 'Hi')).toBe('mailto:?subject=Hi&body=https%3A%2F%2Fe.org%2F');
    expect(() => shareUrl('myspace', url, 'T')).toThrow(/unknown share network "myspace"/);
  });
});

describe('jsonForScript', () => {
  it('cannot close a script element', () => {
    const out = jsonForScript({ title: '</script><script>alert(1)</script>', amp: 'a&b' });
    expect(out).not.toContain('</script>');
    expect(JSON.parse(out)).toEqual({ title: '</script><script>alert(1)</script>', amp: 'a&b' });
  });
});

describe('helper registry', () => {
  const helpers = createHelperRegistry({ baseUrl: 'https://example.org/news/', language: 'en', timeZone: 'UTC' });

  it('has the logic and list helpers templates rely on', () => {
    expect(helpers.eq.fn('a', 'a')).toBe(true);
    expect(helpers.and.fn(1, 0)).toBe(false);
    expect(helpers.or.fn(undefined, [], 'x')).toBe('x');
    expect(helpers.not.fn([])).toBe(true);
    expect(helpers.or.fn(undefined, null)).toBe(null);
    expect(helpers.not.fn('')).toBe(true);
    expect(helpers.after.fn(new Date('2024-12-01'), new Date('2024-11-01'))).toBe(true);
    expect(helpers.after.fn(new Date('2024-10-01'), new Date('2024-11-01'))).toBe(false);
    expect(helpers.after.fn(undefined, new Date())).toBe(false);
    expect(helpers.limit.fn([1, 2, 3], 2)).toEqual([1, 2]);
    expect(helpers.skip.fn([1, 2, 3], 1)).toEqual([2, 3]);
    expect(helpers.limit.fn(undefined, 2)).toEqual([]);
    expect(helpers.plural.fn(1, 'article', 'articles')).toBe('1 article');
    expect(helpers.plural.fn(4, 'article', 'articles')).toBe('4 articles');
    expect(helpers.year.fn(new Date('2026-01-01T00:00:00Z'), { hash: {} })).toBe('2026');
    expect(helpers.shareUrl.fn('facebook', { url: '/x/', title: 'X' })).toBe('https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fexample.org%2Fnews%2Fx%2F');
  });
});
