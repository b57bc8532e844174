import { describe, expect, it } from 'vitest';
import { absolutizeLinks } from '../../src/outputs/absolute-links.js';

const base = 'https://example.org/news/';
const page = 'https://example.org/news/2026/11/x/';
const abs = (html: string) => absolutizeLinks(html, page, base);

describe('absolutizeLinks', () => {
  it('puts the base URL, path included, before site-relative links and image sources', () => {
    expect(abs('<p><a href="/2026/11/y/">y</a><img src="/images/a.png" alt=""></p>')).toBe(
      '<p><a href="https://example.org/news/2026/11/y/">y</a><img src="https://example.org/news/images/a.png" alt=""></p>',
    );
  });

  it('resolves page-relative references and fragments against the article URL', () => {
    expect(abs('<a href="#notes">n</a><img src="img/a.png"><a href="../z/">z</a>')).toBe(
      '<a href="https://example.org/news/2026/11/x/#notes">n</a><img src="https://example.org/news/2026/11/x/img/a.png"><a href="https://example.org/news/2026/11/z/">z</a>',
    );
  });

  it('keeps encoded ampersands encoded when it resolves a relative link', () => {
    expect(abs('<a href="find?a=1&#x26;b=2">q</a>')).toBe('<a href="https://example.org/news/2026/11/x/find?a=1&amp;b=2">q</a>');
    expect(abs('<a href="/find?a=1&#x26;b=2">q</a>')).toBe('<a href="https://example.org/news/find?a=1&#x26;b=2">q</a>');
  });

  it('leaves absolute, protocol-relative and mailto links alone', () => {
    const html = '<a href="https://unhcr.org/">a</a><a href="//cdn.example.net/x.png">b</a><a href="mailto:tips@example.org">c</a>';
    expect(abs(html)).toBe(html);
  });

  it('leaves text that only looks like an attribute alone', () => {
    const html = '<pre><code>&#x3C;img src="/logo.png"></code></pre><p>set href="/x" here</p>';
    expect(abs(html)).toBe(html);
  });
});
