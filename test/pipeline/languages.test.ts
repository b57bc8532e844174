import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { silentLogger } from '../../src/log.js';
import { createSiteBuilder } from '../../src/pipeline/create-site-builder.js';
import { copyFixture, type FixtureCopy } from '../support/fixture-site.js';

// A newsroom publishing in the languages of the people it covers: an Arabic
// article with its English translation and a Greek article with a very long
// headline, on an English site (test/fixtures/languages).

let site: FixtureCopy;
afterEach(() => site?.cleanup());

async function build(edit?: (s: FixtureCopy) => void) {
  site = copyFixture('languages', { ownTemplates: false });
  edit?.(site);
  const { config } = await loadConfig(join(site.root, 'site.config.json'));
  const result = await createSiteBuilder({ root: site.root, config, now: new Date('2024-12-01T00:00:00Z'), logger: silentLogger }).build();
  const problems = result.diagnostics.map((d) => `${d.file ?? ''}:${d.line ?? ''}:${d.column ?? ''} ${d.severity} ${d.code} ${d.message}`);
  return { result, problems };
}

const read = (path: string) => site.read(`dist/${path}`);
const element = (html: string, start: string) => html.slice(html.indexOf(start), html.indexOf('>', html.indexOf(start)) + 1);
const greekSlug = 'η-ελλάδα-εξετάζει-νέους-κανόνες-για-τις-αιτήσεις';

describe('a site with articles in Arabic, English and Greek', () => {
  it('marks each article with its language and direction, in its own words, and keeps the page chrome in the site language', async () => {
    const { problems } = await build();
    expect(problems.filter((p) => / error /.test(p))).toEqual([]);
    const arabic = read('2024/11/مخيم-على-الحدود-يستعد-للشتاء/index.html');
    expect(element(arabic, '<html')).toBe('<html lang="en" dir="ltr">');
    expect(element(arabic, '<article class="article"')).toBe('<article class="article" lang="ar" dir="rtl" data-pagefind-body>');
    // Labels inside the article are Arabic, dates in Arabic, reading time by Arabic plural rules; the site header stays English.
    expect(arabic).toContain('<span>نُشر في <time datetime="2024-11-05T10:00:00+02:00" data-pagefind-meta="date">5 نوفمبر 2024</time></span>');
    expect(arabic).toContain('<span>دقيقة قراءة واحدة</span>');
    expect(arabic).toContain('<p class="kicker">شارك</p>');
    expect(arabic).toContain('<p class="kicker" id="post-tags">الوسوم</p>');
    expect(arabic).toContain('<p class="byline">بقلم <a href="/author/lina-haddad/" rel="author" dir="auto">Lina Haddad</a>');
    expect(arabic).toContain('<a class="skip-link" href="#main">Skip to content</a>');
    expect(arabic).toContain('"inLanguage":"ar"');

    const greek = read(`2024/11/${greekSlug}/index.html`);
    expect(element(greek, '<article class="article"')).toBe('<article class="article" lang="el" dir="ltr" data-pagefind-body>');
    expect(greek).toContain('<span>Δημοσιεύτηκε <time');
    // Greek capitals drop their accents when the browser uppercases with lang="el": the label is inside the Greek article.
    expect(greek).toContain(`<a class="label kicker" href="/category/${encodeURIComponent('μετανάστευση')}/" dir="auto">Μετανάστευση</a>`);
  });

  it('links translations to each other: hreflang links with x-default, a language switcher, both ways', async () => {
    await build();
    const arabic = read('2024/11/مخيم-على-الحدود-يستعد-للشتاء/index.html');
    const english = read('2024/11/a-border-camp-gets-ready-for-winter/index.html');
    const alternates = [
      '<link rel="alternate" hreflang="ar" href="https://example.org/2024/11/%D9%85%D8%AE%D9%8A%D9%85-%D8%B9%D9%84%D9%89-%D8%A7%D9%84%D8%AD%D8%AF%D9%88%D8%AF-%D9%8A%D8%B3%D8%AA%D8%B9%D8%AF-%D9%84%D9%84%D8%B4%D8%AA%D8%A7%D8%A1/">',
      '<link rel="alternate" hreflang="en" href="https://example.org/2024/11/a-border-camp-gets-ready-for-winter/">',
      '<link rel="alternate" hreflang="x-default" href="https://example.org/2024/11/a-border-camp-gets-ready-for-winter/">',
    ];
    for (const page of [arabic, english]) expect(page.match(/<link rel="alternate" hreflang="[^"]+" href="[^"]+">/g)).toEqual(alternates);
    expect(arabic).toContain('<a href="/2024/11/a-border-camp-gets-ready-for-winter/" hreflang="en" lang="en" dir="auto" rel="alternate">English</a>');
    expect(english).toContain('hreflang="ar" lang="ar" dir="auto" rel="alternate">العربية</a>');
    expect(english).toContain('<p class="kicker kicker--muted">Also in:</p>');
    const untranslated = read(`2024/11/${greekSlug}/index.html`);
    expect(untranslated).not.toContain('<link rel="alternate" hreflang=');
    expect(untranslated).not.toContain('class="translations"');
  });

  it('isolates titles of another language in lists, marked with their language', async () => {
    await build();
    const home = read('index.html');
    expect(home).toMatch(/<a class="card__link" href="\/2024\/11\/[^"]+\/" lang="ar" dir="auto">مخيم على الحدود يستعد للشتاء<\/a>/);
    expect(home).toMatch(/<a class="card__link" href="\/2024\/11\/a-border-camp-gets-ready-for-winter\/" dir="auto">A border camp gets ready for winter<\/a>/);
  });

  it('shortens a long headline slug at a word boundary under 100 bytes, with a warning at the title', async () => {
    const { problems } = await build();
    expect(new TextEncoder().encode(greekSlug).length).toBeLessThan(100);
    expect(problems).toContainEqual(expect.stringMatching(new RegExp(`^content/posts/island-asylum-rules.md:2:1 warning MS247 the address "${greekSlug}…" is 2\\d\\d bytes long`)));
  });

  it('writes a feed per language beside the site feed', async () => {
    await build();
    const arabicFeed = read('ar/feed.xml');
    expect(arabicFeed).toContain('<language>ar</language>');
    expect(arabicFeed).toContain('<title>مخيم على الحدود يستعد للشتاء</title>');
    expect(arabicFeed).not.toContain('A border camp');
    expect(read('el/feed.xml')).toContain('<language>el</language>');
    expect(read('feed.xml').match(/<item>/g)).toHaveLength(3);
    expect(read('index.html')).toContain('<link rel="alternate" type="application/rss+xml" hreflang="ar" title="Border Notes (العربية, RSS)" href="https://example.org/ar/feed.xml">');
  });

  it('puts dir="rtl" on <html> for a right-to-left site language, and speaks it in the chrome', async () => {
    // Articles without lang: are in the site's language, so the English translation says what it is.
    await build((s) => {
      s.edit('site.config.json', (t) => t.replace('"language": "en"', '"language": "ar"'));
      s.edit('content/posts/camp-winter.md', (t) => t.replace('translationKey:', 'lang: en\ntranslationKey:'));
    });
    const home = read('index.html');
    expect(element(home, '<html')).toBe('<html lang="ar" dir="rtl">');
    expect(home).toContain('<a class="skip-link" href="#main">انتقل إلى المحتوى</a>');
    const english = read('2024/11/a-border-camp-gets-ready-for-winter/index.html');
    expect(element(english, '<article class="article"')).toBe('<article class="article" lang="en" dir="ltr" data-pagefind-body>');
  });

  it('titles the index, search, not-found and later list pages in an Arabic site\'s words: <title>, og:title and heading', async () => {
    await build((s) => {
      s.edit('site.config.json', (t) => t.replace('"language": "en"', '"language": "ar", "postsPerPage": 1').replace('"search": { "enabled": false }', '"search": { "enabled": true }'));
      s.edit('content/posts/camp-winter.md', (t) => t.replace('translationKey:', 'lang: en\ntranslationKey:'));
    });
    const titles = (path: string) => {
      const html = read(path);
      return [html.match(/<title>([^<]*)<\/title>/)?.[1], html.match(/<meta property="og:title" content="([^"]*)">/)?.[1], html.match(/<h1[^>]*>([^<]*)<\/h1>/)?.[1]];
    };
    expect(titles('tags/index.html')).toEqual(['الوسوم — Border Notes', 'الوسوم', 'الوسوم']);
    expect(titles('categories/index.html')).toEqual(['الأقسام — Border Notes', 'الأقسام', 'الأقسام']);
    expect(titles('authors/index.html')).toEqual(['الكتّاب — Border Notes', 'الكتّاب', 'الكتّاب']);
    expect(titles('search/index.html')).toEqual(['البحث — Border Notes', 'البحث', 'البحث']);
    expect(titles('404.html')[0]).toBe('الصفحة غير موجودة — Border Notes');
    expect(titles('page/2/index.html')[0]).toBe('Border Notes: الصفحة 2');
    expect(titles('author/lina-haddad/page/2/index.html')).toEqual(['Lina Haddad: الصفحة 2 — Border Notes', 'Lina Haddad: الصفحة 2', 'Lina Haddad']);
    const search = read('search/index.html');
    expect(search).toContain('<label for="search-q">ابحث في المقالات</label>');
    expect(search).toContain('<button type="submit">بحث</button>');
    expect(search).toContain('يحتاج البحث إلى جافاسكريبت');
    expect(search).not.toMatch(/Search|JavaScript|every article/);
  });

  it('takes a site\'s own translation file in place of the built-in one; a missing text falls back to English with one warning per key', async () => {
    const { problems } = await build((s) => s.write('templates/i18n/ar.json', JSON.stringify({ share: 'انشر', readingTime: { one: 'دقيقة', other: '{count} دقائق' } })));
    const arabic = read('2024/11/مخيم-على-الحدود-يستعد-للشتاء/index.html');
    expect(arabic).toContain('<p class="kicker">انشر</p>');
    expect(arabic).toContain('<p class="kicker" id="post-tags">Tags</p>');
    const missing = problems.filter((p) => p.includes('MS406'));
    expect(missing).toContain('templates/i18n/ar.json:: warning MS406 no "ar" text for "tags": English is shown');
    expect(missing.filter((p) => p.includes('"tags"'))).toHaveLength(1);
    // Page titles are looked up without a template naming them: they are checked too.
    expect(missing).toContain('templates/i18n/ar.json:: warning MS406 no "ar" text for "pagedTitle": English is shown');
    expect(missing.some((p) => p.includes('"share"'))).toBe(false);
  });

  it('warns once for a language the theme has no words in, at the lang: line', async () => {
    const { problems } = await build((s) => s.edit('content/posts/island-asylum-rules.md', (t) => t.replace('lang: el', 'lang: de')));
    expect(problems.filter((p) => p.includes('MS406'))).toEqual([
      'content/posts/island-asylum-rules.md:5:1 warning MS406 the theme has no words in "de": labels on its pages are shown in English',
    ]);
  });

  it('stops at a text key the theme does not have, naming the template line and the key meant', async () => {
    const { result, problems } = await build((s) => s.write('templates/partials/share.hbs', '<p class="kicker">{{t "shaer"}}</p>\n'));
    expect(result.summary).toBeUndefined();
    expect(problems).toContain('templates/partials/share.hbs:1:19 error MS406 no text "shaer" in the theme\'s i18n/en.json');
    expect(result.diagnostics.find((d) => d.code === 'MS406')?.hint).toBe('did you mean "share"?');
  });

  it('refuses two articles of one language with one translationKey, at the second key', async () => {
    const { problems } = await build((s) => s.edit('content/posts/island-asylum-rules.md', (t) => t.replace('lang: el', 'lang: ar\ntranslationKey: camp-winter')));
    expect(problems).toContainEqual(expect.stringMatching(/^content\/posts\/island-asylum-rules.md:6:1 error MS321 content\/posts\/camp-winter-ar.md and content\/posts\/island-asylum-rules.md are both the "ar" article of translationKey "camp-winter"$/));
  });
});
