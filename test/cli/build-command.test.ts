import { readFileSync, statSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { article, createTempSite, problemsIn, type TempSite } from '../support/temp-site.js';

const sites: TempSite[] = [];
afterEach(() => sites.splice(0).forEach((s) => s.remove()));

function site(files: Record<string, string>, config: object = {}): TempSite {
  const s = createTempSite(
    {
      'content/authors/ana.md': '---\nname: Ana Reyes\nrole: Reporter\n---\nAna covers the border.\n',
      'content/pages/about.md': '---\ntitle: About us\nslug: about\n---\nWe report on migration.\n',
      ...files,
    },
    // Articles here are named one.md, two.md…: their URLs come from their titles.
    { config: { slugs: 'title', ...config } },
  );
  sites.push(s);
  return s;
}

const now = '--now=2024-11-10T12:00:00Z';
const post = (title: string, extra: Record<string, unknown> = {}, body?: string) =>
  article({ title: JSON.stringify(title), date: '2024-11-06', author: 'ana', categories: '[Greece]', tags: '[asylum]', ...extra }, body);

describe('migrant-site build', () => {
  it('writes the whole site: home, articles at their permalinks, pages, 404, assets and static files', async () => {
    const s = site({
      'content/posts/one.md': post('Boats reach Lesbos', { slug: 'boats-reach-lesbos' }, 'First paragraph about boats.\n\n## Details\n\nMore.'),
      'content/posts/two.md': post('São Paulo shelters fill', { date: '2024-11-07T09:30:00' }),
      'content/static/images/a.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
    });
    const result = await s.main('build', now);
    expect(problemsIn(result.stderr)).toEqual([]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^built \d+ pages \(\d+ files changed\) from 2 posts, 1 tags, 1 categories; 0 warnings; \d+ ms\n$/);
    const files = s.list();
    expect(files).toEqual(
      expect.arrayContaining([
        'index.html',
        '2024/11/boats-reach-lesbos/index.html',
        '2024/11/sao-paulo-shelters-fill/index.html',
        'about/index.html',
        '404.html',
        '_headers',
        'images/a.svg',
      ]),
    );
    const page = s.read('dist/2024/11/boats-reach-lesbos/index.html');
    expect(page).toContain('<h1');
    expect(page).toContain('Boats reach Lesbos');
    expect(page).toContain('<h2 id="details">Details</h2>');
    expect(page).toContain('1 Min Read');
    expect(page).toContain('href="/author/ana/"');
    expect(page).toContain('<html lang="en"');
    expect(s.read('dist/index.html')).toContain('href="/2024/11/sao-paulo-shelters-fill/"');
  });

  it('leaves drafts and future articles out of every output, and says so', async () => {
    const s = site({
      'content/posts/live.md': post('Live story'),
      'content/posts/draft.md': post('Secret draft', { draft: true, tags: '[embargoed-tag]' }),
      'content/posts/later.md': post('Embargoed report', { date: '2024-12-01', tags: '[embargoed-tag]' }),
    });
    const result = await s.main('build', now);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('skipped 1 drafts and 1 future');
    for (const file of s.list()) {
      const text = s.read(`dist/${file}`);
      expect(text, file).not.toContain('Secret draft');
      expect(text, file).not.toContain('Embargoed report');
      expect(text, file).not.toContain('embargoed-tag');
    }
    const withFlags = await s.main('build', now, '--drafts', '--future');
    expect(withFlags.code).toBe(0);
    expect(s.read('dist/2024/11/secret-draft/index.html')).toContain('<span class="badge badge--draft">Draft</span>');
    expect(s.read('dist/2024/12/embargoed-report/index.html')).toContain('<span class="badge badge--scheduled">Scheduled: not yet published</span>');
    expect(s.read('dist/2024/11/live-story/index.html')).not.toContain('class="badge');
  });

  it('reports broken front matter at file:line:col, exits 1 and leaves the previous output untouched', async () => {
    const s = site({ 'content/posts/good.md': post('Good') });
    expect((await s.main('build', now)).code).toBe(0);
    const before = snapshot(s);
    s.write('content/posts/bad.md', '---\ntitle: "Unclosed\ndate: 2024-11-06\n');
    s.write('content/posts/bad-date.md', '---\ntitle: Fine\ndate: 2024-02-30\n---\nText\n');
    const result = await s.main('build', now);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('content/posts/bad.md:1:1 error MS202');
    expect(result.stderr).toMatch(/content\/posts\/bad-date\.md:3:7 error MS201 .*2024-02-30/);
    expect(result.stderr).toContain('hint:');
    expect(snapshot(s)).toEqual(before);
    expect(readdirSync(s.root).filter((f) => f.startsWith('.dist'))).toEqual([]);
  });

  it.each(['../../escaped', '..%2F..%2Fescaped', 'con'])('refuses the slug %s and writes nothing', async (slug) => {
    const s = site({ 'content/posts/evil.md': post('Evil', { slug: JSON.stringify(slug) }) });
    const result = await s.main('build', now);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/content\/posts\/evil\.md:\d+:\d+ error MS307/);
    expect(s.exists('dist')).toBe(false);
    expect(readdirSync(dirname(s.root)).some((f) => f === 'escaped')).toBe(false);
  });

  it('names every source when two articles claim one URL', async () => {
    const s = site({
      'content/posts/a.md': post('Same title'),
      'content/posts/b.md': post('Same title'),
    });
    const result = await s.main('build', now);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/error MS302 2 pages would be written to 2024\/11\/same-title\/index\.html: content\/posts\/a\.md, content\/posts\/b\.md/);
  });

  it('exits 2 with the line and column of a config problem', async () => {
    const s = site({});
    s.write('site.config.json', '{\n  "title": "T",\n  "baseUrl": "https://e.org/",\n  "language": "en",\n  "timeZone": "UTC",\n  "outdir": "public"\n}\n');
    const result = await s.main('build', now);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("site.config.json:6:3 error MS103");
    expect(result.stderr).toContain("did you mean 'outDir'?");
  });

  it('builds byte-identical output twice and under any machine time zone', async () => {
    const s = site({
      'content/posts/a.md': post('Late night', { date: '2024-11-06T23:30:00' }),
      'content/posts/b.md': post('Early morning', { date: '2024-11-07T00:30:00' }),
    }, { timeZone: 'Europe/Athens' });
    expect((await s.main('build', now)).code).toBe(0);
    const first = snapshot(s);
    // A separate process per zone: TZ is read when the process starts. The build above ran in this process's zone;
    // these two lie far west of UTC, with daylight saving (UTC−8/−7), and at the eastern edge (UTC+14).
    for (const tz of ['America/Los_Angeles', 'Pacific/Kiritimati']) {
      expect((await s.runWith({ TZ: tz }, 'build', now, '--out', `out-${tz.replace('/', '-')}`)).code).toBe(0);
      expect(snapshot(s, `out-${tz.replace('/', '-')}`)).toEqual(first);
    }
  });

  it('keeps unchanged files untouched on a rebuild', async () => {
    const s = site({ 'content/posts/a.md': post('Steady'), 'content/posts/b.md': post('Changing') });
    expect((await s.main('build', now)).code).toBe(0);
    const steady = join(s.root, 'dist/2024/11/steady/index.html');
    const mtime = statSync(steady).mtimeMs;
    await new Promise((r) => setTimeout(r, 20));
    s.write('content/posts/b.md', post('Changing', {}, 'New body.'));
    const result = await s.main('build', now);
    expect(result.code).toBe(0);
    expect(statSync(steady).mtimeMs).toBe(mtime);
    expect(s.read('dist/2024/11/changing/index.html')).toContain('New body.');
  });

  it('prefixes every internal link with the base URL path', async () => {
    const s = site({ 'content/posts/a.md': post('Under a path') });
    expect((await s.main('build', now, '--base-url', 'https://example.org/news')).code).toBe(0);
    const page = s.read('dist/2024/11/under-a-path/index.html');
    expect(page).toMatch(/href="\/news\/assets\/css\/site\.[0-9a-f]{10}\.css"/);
    expect(page).toContain('href="https://example.org/news/2024/11/under-a-path/"');
    expect(page).not.toMatch(/(href|src)="\/(?!news\/)/);
  });
});

function snapshot(s: TempSite, dir = 'dist'): Record<string, string> {
  return Object.fromEntries(s.list(dir).map((f) => [f, readFileSync(join(s.root, dir, f), 'utf8')]));
}
