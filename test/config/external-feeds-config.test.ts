import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/config/validate-config.js';
import { configText, problems } from './config-text.js';

describe('config: externalFeeds', () => {
  it('fills in the defaults: 5 headlines, 5 s, 2 MB, refresh every 15 min', () => {
    const { config } = validateConfig(configText({ externalFeeds: { feeds: { wire: { url: 'https://wire.example/rss' } } } }), 'site.config.json');
    expect(config!.externalFeeds).toEqual({ refreshMinutes: 15, timeoutSeconds: 5, maxBytes: 2_000_000, feeds: { wire: { url: 'https://wire.example/rss', limit: 5 } } });
  });

  it('suggests the key a typo meant inside a feed', () => {
    expect(problems(configText({ externalFeeds: { feeds: { wire: { url: 'https://wire.example/rss', lmit: 3 } } } }))).toEqual([
      { code: 'MS103', message: 'externalFeeds.feeds.wire.lmit: unknown key', line: 10, column: 9, hint: "did you mean 'limit'?" },
    ]);
  });

  it('names the allowed option keys for an unknown one', () => {
    expect(problems(configText({ externalFeeds: { refresh: 5 } }))).toEqual([
      { code: 'MS103', message: 'externalFeeds.refresh: unknown key', line: 7, column: 5, hint: 'remove it; allowed keys here: refreshMinutes, timeoutSeconds, maxBytes, feeds' },
    ]);
  });

  it('refuses feed URLs that are not http(s), feed names that templates cannot reach, and limits out of range', () => {
    const found = problems(
      configText({ externalFeeds: { feeds: { wire: { url: 'javascript:alert(1)' }, 'my-feed': { url: 'https://wire.example/rss' }, jobs: { url: 'ftp://wire.example/rss', limit: 0 } } } }),
    );
    expect(found.map((p) => [p.message, p.hint])).toEqual([
      ['externalFeeds.feeds.wire.url: "javascript:alert(1)" is not a web address', 'write a full http(s) address such as "https://example.org/"'],
      ['externalFeeds.feeds["my-feed"]: invalid name', 'feed names are letters and digits'],
      ['externalFeeds.feeds.jobs.url: "ftp://wire.example/rss" is not a web address', 'write a full http(s) address such as "https://example.org/"'],
      ['externalFeeds.feeds.jobs.limit: must be greater than 0, got 0', 'use a number greater than 0'],
    ]);
  });
});
