import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { silentLogger } from '../../src/log.js';
import { createSiteBuilder } from '../../src/pipeline/create-site-builder.js';
import { builtInThemeDir, listThemeFiles, templateFolders } from '../../src/render/theme-files.js';
import { article, createTempSite, repoRoot, type TempSite } from '../support/temp-site.js';

// A site folder with only site.config.json and content/ builds with the theme
// shipped inside migrant-site; its own templates/ overrides it file by file.

let site: TempSite;
afterEach(() => site?.remove());

function harbourSite(files: Record<string, string | Uint8Array> = {}): TempSite {
  site = createTempSite(
    {
      'content/posts/ferry.md': article(
        { title: 'Ferry timetable changes', date: '2024-05-02', author: 'lena-ortiz', categories: '[Ports]', tags: '[ferries]' },
        'The winter timetable starts on Monday.',
      ),
      'content/authors/lena-ortiz.md': '---\nname: Lena Ortiz\n---\nLena covers the harbour.\n',
      'content/pages/about.md': '---\ntitle: About\n---\nA small newsroom on the waterfront.\n',
    },
    { config: { title: 'Harbour Notes', search: { enabled: false }, feeds: { formats: ['rss'] } } },
  );
  for (const [path, data] of Object.entries(files)) site.write(path, data);
  return site;
}

async function build(s: TempSite) {
  const { config } = await loadConfig(join(s.root, 'site.config.json'));
  return createSiteBuilder({ root: s.root, config, now: new Date('2024-06-01T00:00:00Z'), logger: silentLogger }).build();
}

const builtIn = (path: string) => readFileSync(join(builtInThemeDir, path), 'utf8');
/** The fingerprinted output path of a theme asset: `css/site` → `assets/css/site.<hash>.css`. */
const asset = (name: string) => site.list().find((f) => f.startsWith(`assets/${name}.`))!;

describe('the built-in theme', () => {
  it('builds a site without templates/ into exactly the pages and assets of the theme, with no diagnostics', async () => {
    const result = await build(harbourSite());
    expect(result.diagnostics).toEqual([]);
    expect(site.exists('templates')).toBe(false);
    // Theme assets carry a hash of their content in the name.
    expect(site.list().map((f) => f.replace(/\.[0-9a-f]{10}\./, '.<hash>.'))).toEqual([
      '2024/05/ferry/index.html',
      '404.html',
      '_headers',
      'about/index.html',
      'assets/css/site.<hash>.css',
      'assets/js/search.<hash>.js',
      'assets/js/site.<hash>.js',
      'author/lena-ortiz/feed.xml',
      'author/lena-ortiz/index.html',
      'authors/index.html',
      'categories/index.html',
      'category/ports/feed.xml',
      'category/ports/index.html',
      'feed.xml',
      'index.html',
      'news-sitemap.xml',
      'robots.txt',
      'sitemap.xml',
      // The social preview of pages without a picture: the site's title card (src/images/title-card.ts).
      'social/site.<hash>.jpg',
      'tag/ferries/index.html',
      'tags/index.html',
    ]);
    expect(site.read('dist/2024/05/ferry/index.html')).toContain('<h1 class="article__title">Ferry timetable changes</h1>');
    expect(site.read('dist/about/index.html')).toContain('A small newsroom on the waterfront.');
    expect(site.read('dist/author/lena-ortiz/index.html')).toContain('Lena Ortiz');
    expect(site.read(`dist/${asset('css/site')}`)).toBe(builtIn('assets/css/site.css'));
  });

  it('takes an overriding partial, layout and asset from the site and the rest from the built-in theme', async () => {
    harbourSite({
      'templates/partials/footer.hbs': '<footer class="harbour-footer">Harbour Notes, printed on the quay</footer>\n',
      'templates/layouts/page.hbs': '<article class="harbour-page"><h1>{{page.title}}</h1>{{{page.html}}}</article>\n',
      'templates/assets/css/site.css': 'body { color: navy; }\n',
    });
    expect((await build(site)).diagnostics).toEqual([]);
    const about = site.read('dist/about/index.html');
    expect(about).toContain('<article class="harbour-page"><h1>About</h1><p>A small newsroom on the waterfront.</p>');
    expect(about).toContain('<footer class="harbour-footer">Harbour Notes, printed on the quay</footer>');
    // The header partial and the base layout are still the built-in ones.
    expect(about).toContain('class="site-header"');
    const post = site.read('dist/2024/05/ferry/index.html');
    expect(post).toContain('<h1 class="article__title">Ferry timetable changes</h1>');
    expect(post).toContain('<footer class="harbour-footer">');
    expect(post).not.toContain('harbour-page');
    expect(site.read(`dist/${asset('css/site')}`)).toBe('body { color: navy; }\n');
    expect(site.read(`dist/${asset('js/site')}`)).toBe(builtIn('assets/js/site.js'));
  });

  it('lets a site layout use a partial that only the site has', async () => {
    harbourSite({
      'templates/layouts/page.hbs': '<article>{{> harbour/tide-note}}{{{page.html}}}</article>\n',
      'templates/partials/harbour/tide-note.hbs': '<p class="tide-note">High tide at {{page.title}}</p>',
    });
    expect((await build(site)).diagnostics).toEqual([]);
    expect(site.read('dist/about/index.html')).toContain('<article><p class="tide-note">High tide at About</p><p>A small newsroom on the waterfront.</p>');
  });

  it('names the site file and its line and column for an error in an override', async () => {
    harbourSite({ 'templates/layouts/post.hbs': '<article>\n{{post.title}}\n    {{shout post.title}}\n</article>\n' });
    const result = await build(site);
    expect(result.summary).toBeUndefined();
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ severity: 'error', code: 'MS401', file: 'templates/layouts/post.hbs', line: 3, column: 5, hint: 'fix the template; see README "Writing templates"' }),
    ]);
    expect(site.exists('dist')).toBe(false);
  });

  it('refuses a template that is not valid UTF-8, naming the file and position, and publishes nothing', async () => {
    harbourSite({ 'templates/partials/footer.hbs': Buffer.concat([Buffer.from('<footer>\n  Caf'), Buffer.from([0xe9]), Buffer.from(' du port</footer>\n')]) });
    const result = await build(site);
    expect(result.summary).toBeUndefined();
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ severity: 'error', code: 'MS404', file: 'templates/partials/footer.hbs', line: 2, column: 6, message: 'template is not valid UTF-8 text' }),
    ]);
    expect(site.exists('dist')).toBe(false);
  });

  it('drops a byte order mark and CRLF line ends from a template', async () => {
    harbourSite({ 'templates/partials/footer.hbs': '\uFEFF<footer class="bom">\r\nQuay</footer>\r\n' });
    expect((await build(site)).diagnostics).toEqual([]);
    const page = site.read('dist/about/index.html');
    expect(page).toContain('<footer class="bom">\nQuay</footer>');
    expect(page).not.toContain('\uFEFF');
  });
});

describe('listThemeFiles', () => {
  it('names built-in files by their path from the site when the theme lies inside it, absolute otherwise', async () => {
    const inRepo = listThemeFiles(repoRoot, 'layouts', false);
    expect(inRepo.find((f) => f.name === 'post.hbs')).toMatchObject({ file: 'theme/layouts/post.hbs', overriddenBy: 'templates/layouts/post.hbs' });
    harbourSite({ 'templates/layouts/post.hbs': 'own' });
    const elsewhere = listThemeFiles(site.root, 'layouts', false);
    expect(elsewhere.find((f) => f.name === 'post.hbs')).toEqual({ name: 'post.hbs', absPath: join(site.root, 'templates/layouts/post.hbs'), file: 'templates/layouts/post.hbs' });
    expect(elsewhere.find((f) => f.name === 'page.hbs')).toMatchObject({ file: join(builtInThemeDir, 'layouts/page.hbs').split('\\').join('/'), overriddenBy: 'templates/layouts/page.hbs' });
    expect(elsewhere.map((f) => f.name)).toEqual([...elsewhere.map((f) => f.name)].sort());
  });
});

describe('templateFolders', () => {
  it('adds the built-in theme only where it is developed: this repository, whose sample site uses it', () => {
    expect(templateFolders(repoRoot)).toEqual(['templates', 'theme']);
    harbourSite();
    expect(templateFolders(site.root)).toEqual(['templates']);
  });
});
