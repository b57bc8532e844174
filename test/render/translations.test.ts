import { describe, expect, it } from 'vitest';
import { checkTranslations } from '../../src/render/check-translations.js';
import { createHelperRegistry, type HelperScope } from '../../src/render/helper-registry.js';
import { formatNumber, lookupChain, messagesVersion, translate, type Translations } from '../../src/render/translations.js';
import { directionOf, languageName, readLanguageTag } from '../../src/text/language.js';

const translations: Translations = {
  en: { share: 'Share', readingTime: { one: '{count} Min Read', other: '{count} Mins Read' }, pageOf: 'Page {page} of {total}', tags: 'Tags' },
  ar: {
    share: 'شارك',
    readingTime: { zero: 'أقل من دقيقة', one: 'دقيقة واحدة', two: 'دقيقتان', few: '{count} دقائق', many: '{count} دقيقة', other: '{count} دقيقة' },
  },
  pt: { share: 'Partilhar' },
  'pt-BR': { share: 'Compartilhar' },
  fa: { pageOf: 'صفحهٔ {page} از {total}' },
};

describe('translate', () => {
  it('chooses plural forms by the language\'s rules: Arabic has six', () => {
    const minutes = (n: number) => translate(translations, 'ar', 'readingTime', { count: n });
    expect([0, 1, 2, 3, 10, 11, 99, 100, 101].map(minutes)).toEqual([
      'أقل من دقيقة',
      'دقيقة واحدة',
      'دقيقتان',
      '3 دقائق',
      '10 دقائق',
      '11 دقيقة',
      '99 دقيقة',
      '100 دقيقة',
      '101 دقيقة',
    ]);
    expect(translate(translations, 'en', 'readingTime', { count: 1 })).toBe('1 Min Read');
    expect(translate(translations, 'en', 'readingTime', { count: 3 })).toBe('3 Mins Read');
  });

  it('writes numbers in the language\'s digits', () => {
    expect(translate(translations, 'fa', 'pageOf', { page: 2, total: 12 })).toBe('صفحهٔ ۲ از ۱۲');
    expect(translate(translations, 'en', 'pageOf', { page: 2, total: 1200 })).toBe('Page 2 of 1,200');
  });

  it('writes each number as the language does, however often it was written before', () => {
    expect([0, -0, 0, 1234.5, 1234.5].map((n) => formatNumber(n, 'en'))).toEqual(['0', '-0', '0', '1,234.5', '1,234.5']);
    expect([1234.5, 7].map((n) => formatNumber(n, 'fa'))).toEqual(['۱٬۲۳۴٫۵', '۷']);
  });

  it('falls back from a region to its language, then to English', () => {
    expect(lookupChain('pt-BR')).toEqual(['pt-BR', 'pt', 'en']);
    expect(translate(translations, 'pt-BR', 'share')).toBe('Compartilhar');
    expect(translate(translations, 'pt-PT', 'share')).toBe('Partilhar');
    expect(translate(translations, 'ar', 'tags')).toBe('Tags');
    // English words keep English plural rules, in the page's digits.
    expect(translate(translations, 'fa', 'readingTime', { count: 1 })).toBe('۱ Min Read');
  });

  it('throws for a key not even English has', () => {
    expect(() => translate(translations, 'ar', 'shaer')).toThrow(/no text for "shaer" in i18n\/en.json/);
  });

  it('has a version per language that changes with any table it falls back through', () => {
    const before = messagesVersion(translations, 'pt-BR');
    expect(messagesVersion({ ...translations, ar: { share: 'انشر' } }, 'pt-BR')).toBe(before);
    expect(messagesVersion({ ...translations, pt: { share: 'Partilha' } }, 'pt-BR')).not.toBe(before);
    expect(messagesVersion({ ...translations, en: { ...translations.en, share: 'Send' } }, 'pt-BR')).not.toBe(before);
  });
});

describe('the t and readingTime helpers', () => {
  const helpers = createHelperRegistry({ baseUrl: 'https://example.org/', language: 'en', timeZone: 'UTC' }, undefined, () => translations);
  const scope = (lang?: string, hash: Record<string, unknown> = {}): HelperScope => ({ hash, lang });

  it('write in the language of the template being rendered, a lang= argument, or the site\'s', () => {
    expect(helpers.t.fn('share', scope('ar'))).toBe('شارك');
    expect(helpers.t.fn('share', scope(undefined))).toBe('Share');
    expect(helpers.t.fn('share', scope('en', { lang: 'ar' }))).toBe('شارك');
    expect(helpers.t.fn('pageOf', scope('en', { page: 3, total: 4 }))).toBe('Page 3 of 4');
    expect(helpers.readingTime.fn({ readingMinutes: 2 }, scope('ar'))).toBe('دقيقتان');
    expect(helpers.formatDate.fn(new Date('2024-11-05T10:00:00Z'), 'long', scope('ar'))).toBe('5 نوفمبر 2024');
    expect(helpers.formatNumber.fn(1234, scope('fa'))).toBe('۱٬۲۳۴');
  });
});

describe('checkTranslations', () => {
  const files = { en: 'theme/i18n/en.json', ar: 'templates/i18n/ar.json', fa: 'theme/i18n/fa.json' };
  const calls = [
    { value: 'share', file: 'templates/partials/share.hbs', line: 3, column: 5 },
    { value: 'tags', file: 'templates/layouts/post.hbs', line: 9, column: 7 },
  ];

  it('warns once per key and language the site publishes in, and once for a language without words', () => {
    const languages = new Map([
      ['en', { file: 'site.config.json' }],
      ['ar', { file: 'content/posts/a.md', line: 5, column: 1 }],
      ['de', { file: 'content/posts/b.md', line: 4, column: 1 }],
    ]);
    const found = checkTranslations({ translations, files }, [...calls, calls[0]!], languages).map((d) => [d.severity, d.file, d.line, d.message]);
    expect(found).toEqual([
      ['warning', 'templates/i18n/ar.json', undefined, 'no "ar" text for "tags": English is shown'],
      ['warning', 'content/posts/b.md', 4, 'the theme has no words in "de": labels on its pages are shown in English'],
    ]);
  });

  it('is an error at the template for a key English lacks, with the key meant', () => {
    const [problem] = checkTranslations({ translations, files }, [{ value: 'shaer', file: 'templates/partials/share.hbs', line: 2, column: 9 }], new Map());
    expect(problem).toMatchObject({ severity: 'error', code: 'MS406', file: 'templates/partials/share.hbs', line: 2, column: 9, hint: 'did you mean "share"?' });
  });
});

describe('language tags', () => {
  it('are canonicalised, and a mistake is named', () => {
    expect(readLanguageTag('EN-gb')).toEqual({ tag: 'en-GB' });
    expect(readLanguageTag('iw')).toEqual({ tag: 'he' });
    expect(readLanguageTag('en_US')).toEqual({ problem: '"en_US" is not a language tag: subtags are joined with "-", not "_"' });
  });

  it('give the direction of their script', () => {
    expect(['ar', 'fa', 'he', 'ur', 'ps', 'ckb', 'yi', 'dv', 'az-Arab', 'ar-EG'].map(directionOf)).toEqual(Array(10).fill('rtl'));
    expect(['en', 'el', 'fr', 'ku', 'ar-Latn', 'zh'].map(directionOf)).toEqual(Array(6).fill('ltr'));
  });

  it('name themselves in their own language', () => {
    expect(['ar', 'el', 'fr', 'fa', 'en'].map(languageName)).toEqual(['العربية', 'Ελληνικά', 'Français', 'فارسی', 'English']);
  });
});
