import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/config/validate-config.js';
import { configText, problems } from './config-text.js';

describe('validateConfig: checks beyond the schema', () => {
  it('refuses an unknown time zone and suggests a close one', () => {
    expect(problems(configText({ timeZone: 'Europe/Athen' }))).toEqual([
      { code: 'MS102', message: 'timeZone: "Europe/Athen" is not a known time zone', line: 5, column: 15, hint: "did you mean 'Europe/Athens'?" },
    ]);
    expect(problems(configText({ timeZone: 'Mars/Olympus' }))[0].hint).toBe(
      'use an IANA time zone name such as "Europe/Athens" or "UTC"',
    );
  });

  it('refuses a language tag Intl cannot read', () => {
    expect(problems(configText({ language: 'en-US-US' }))).toEqual([
      {
        code: 'MS102',
        message: 'language: "en-US-US" is not a valid language tag',
        line: 4,
        column: 15,
        hint: 'use a BCP 47 language tag such as "en" or "en-GB"',
      },
    ]);
  });

  it('refuses unknown permalink tokens and suggests the intended one', () => {
    expect(problems(configText({ permalinks: { post: '/{year}/{slug}/', tag: '/tag/{slg}/' } }))).toEqual([
      {
        code: 'MS102',
        message: 'permalinks.post: unknown token {year}',
        line: 7,
        column: 13,
        hint: 'post permalinks may use only {slug}, {yyyy}, {mm}, {dd}, {category}',
      },
      { code: 'MS102', message: 'permalinks.tag: unknown token {slg}', line: 8, column: 12, hint: "did you mean '{slug}'?" },
    ]);
  });

  it('allows date and category tokens only in post permalinks', () => {
    expect(problems(configText({ permalinks: { page: '/{yyyy}/{slug}/' } }))[0]).toMatchObject({
      message: 'permalinks.page: unknown token {yyyy}',
      hint: 'page permalinks may use only {slug}',
    });
  });

  it('requires slashes at both ends, {slug}, and no climbing segments', () => {
    expect(problems(configText({ permalinks: { post: 'news/{yyyy}', author: '/../{slug}/' } })).map((d) => d.message)).toEqual([
      'permalinks.post: must start and end with "/"',
      'permalinks.post: must contain {slug}',
      'permalinks.author: must not contain "." or ".." segments',
    ]);
    expect(problems(configText({ permalinks: { post: 'news/{slug}' } }))[0].hint).toBe('write it as "/news/{slug}/"');
  });

  it('names a category parent cycle, including a category that is its own parent', () => {
    const terms = { Europe: { parent: 'Greece' }, Greece: { parent: 'Europe' }, Asylum: { parent: 'Asylum' } };
    expect(problems(configText({ taxonomies: { categories: { terms } } }))).toEqual([
      {
        code: 'MS102',
        message: 'taxonomies.categories.terms.Europe.parent: categories form a cycle: Europe → Greece → Europe',
        line: 10,
        column: 21,
        hint: 'remove "parent" from one of these categories',
      },
      {
        code: 'MS102',
        message: 'taxonomies.categories.terms.Asylum.parent: categories form a cycle: Asylum → Asylum',
        line: 16,
        column: 21,
        hint: 'remove "parent" from one of these categories',
      },
    ]);
  });

  it('lets a parent that is not listed become a top-level term, unless categories are strict', () => {
    const terms = { Greece: { parent: 'Europe' } };
    const loose = validateConfig(configText({ taxonomies: { categories: { terms } } }), 'site.config.json');
    expect(loose.diagnostics).toEqual([]);
    expect(loose.config?.taxonomies.categories.terms).toEqual({ Greece: { parent: 'Europe' } });

    const strictTerms = { Europe: {}, Greece: { parent: 'Europ' } };
    expect(problems(configText({ taxonomies: { categories: { strict: true, terms: strictTerms } } }))).toEqual([
      {
        code: 'MS102',
        message: 'taxonomies.categories.terms.Greece.parent: "Europ" is not a listed category',
        line: 12,
        column: 21,
        hint: "did you mean 'Europe'?",
      },
    ]);
  });

  it('refuses script links in menus, even with whitespace hidden in the scheme', () => {
    const footer = [{ label: 'Tip', url: 'JaVa\tscript:alert(1)' }];
    expect(problems(configText({ menus: { footer } }))).toEqual([
      {
        code: 'MS102',
        message: 'menus.footer[0].url: links with the "javascript:" scheme are not allowed',
        line: 10,
        column: 16,
        hint: 'links may use any scheme except script-capable ones (javascript:, vbscript:, data:), or a relative URL',
      },
    ]);
  });

  it('keeps menu links with legitimate schemes such as rsync:, ftp: and irc:', () => {
    const footer = ['rsync://mirror.example.org/archive/', 'ftp://ftp.example.org/', 'irc://irc.example.org/news', 'tel:+351000000'].map((url) => ({ label: 'x', url }));
    const result = validateConfig(configText({ menus: { footer } }), 'site.config.json');
    expect(result.diagnostics).toEqual([]);
    expect(result.config?.menus.footer.map((l) => l.url)).toEqual(footer.map((l) => l.url));
  });

  it('refuses a query or fragment in baseUrl', () => {
    expect(problems(configText({ baseUrl: 'https://example.org/?utm=x' }))).toMatchObject([
      { code: 'MS102', message: 'baseUrl: must not contain a query or fragment', line: 3, column: 14 },
    ]);
  });
});

describe('validateConfig: defaults and normalisation', () => {
  it('applies every default to a minimal config', () => {
    const { config, diagnostics } = validateConfig(configText(), 'site.config.json');
    expect(diagnostics).toEqual([]);
    expect(config).toMatchObject({
      title: 'Migration News',
      baseUrl: 'https://example.org/',
      outDir: 'dist',
      postsPerPage: 10,
      description: '',
      permalinks: {
        post: '/{yyyy}/{mm}/{slug}/',
        page: '/{slug}/',
        tag: '/tag/{slug}/',
        category: '/category/{slug}/',
        author: '/author/{slug}/',
      },
      menus: { header: [], footer: [] },
      markdown: { rawHtml: 'sanitize', embedHosts: ['www.youtube.com', 'youtube.com', 'www.youtube-nocookie.com', 'youtube-nocookie.com', 'player.vimeo.com'] },
      taxonomies: { categories: { strict: false, terms: {} }, tags: { descriptions: {} } },
      related: { limit: 5, threshold: 0.1, includeNewer: true, maxShare: 0.5, weights: { tags: 1, categories: 0.5, authors: 0.2, date: 0.1 } },
      lists: {},
      readingWordsPerMinute: 200,
    });
    expect(config?.newsletter).toBeUndefined();
  });

  it('keeps nested defaults next to the keys a config sets', () => {
    const { config } = validateConfig(
      configText({ permalinks: { post: '/news/{slug}/' }, lists: { trending: { source: 'popularity', window: '7d' } } }),
      'site.config.json',
    );
    expect(config?.permalinks).toMatchObject({ post: '/news/{slug}/', tag: '/tag/{slug}/' });
    expect(config?.lists.trending).toEqual({ source: 'popularity', window: '7d', filter: {}, limit: 5 });
  });

  it('ends baseUrl with a slash and writes the language tag in canonical case', () => {
    const { config } = validateConfig(configText({ baseUrl: 'https://example.org/news', language: 'en-gb' }), 'site.config.json');
    expect(config?.baseUrl).toBe('https://example.org/news/');
    expect(config?.language).toBe('en-GB');
  });
});
