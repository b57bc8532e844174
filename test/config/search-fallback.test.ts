import { describe, expect, it } from 'vitest';
import { makeConfig } from '../../src/config/make-config.js';
import { searchFallbackForm } from '../../src/config/search-fallback.js';
import { contentSecurityPolicy } from '../../src/outputs/headers.js';

// search.fallback: the search page's form without JavaScript asks a web search, restricted to the site.

describe('searchFallbackForm', () => {
  it('restricts DuckDuckGo to the host and Google to the host and path', () => {
    expect(searchFallbackForm('duckduckgo', 'https://example.org/news/')).toEqual({ name: 'DuckDuckGo', action: 'https://duckduckgo.com/', fields: [{ name: 'sites', value: 'example.org' }] });
    expect(searchFallbackForm('google', 'https://example.org/news/')).toEqual({ name: 'Google', action: 'https://www.google.com/search', fields: [{ name: 'as_sitesearch', value: 'example.org/news' }] });
    expect(searchFallbackForm('google', 'https://example.org/').fields).toEqual([{ name: 'as_sitesearch', value: 'example.org' }]);
  });

  it('lets the form post to the engine under the Content-Security-Policy, and only when it is set', () => {
    const formAction = (search: object) => contentSecurityPolicy(makeConfig({ search })).split('; ').find((d) => d.startsWith('form-action'));
    expect(formAction({ fallback: 'duckduckgo' })).toBe("form-action 'self' https://duckduckgo.com");
    expect(formAction({})).toBe("form-action 'self'");
    expect(formAction({ enabled: false, fallback: 'google' })).toBe("form-action 'self'");
  });

  it('accepts only the known engines', () => {
    expect(() => makeConfig({ search: { fallback: 'altavista' as 'google' } })).toThrow();
  });
});
