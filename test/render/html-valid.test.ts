import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, runMain } from '../support/temp-site.js';
import { validateHtml } from '../support/validate-html.js';

// The repository's own site, built by the CLI, checked with html-validate's
// recommended rules (see .htmlvalidate.json for the few the theme departs from):
// - no-redundant-role: role="list" on lists styled without bullets keeps Safari/VoiceOver announcing them as lists;
// - long-title: "Headline — Site" titles are long by nature, and search engines shorten them themselves;
// - no-trailing-whitespace: indentation left by template blocks, insignificant in HTML.
// doctype-style and aria-label-misuse are configured, not off: lower-case <!doctype html>, and names on lists.
const pages = {
  home: 'index.html',
  post: '2026/11/greek-islands-winter-crossings-patrols-shift/index.html',
  'right-to-left post with a translation': '2026/11/bekaa-syrian-families-return-ar/index.html',
  page: 'about/index.html',
  tag: 'tag/asylum/index.html',
  category: 'category/europe/index.html',
  author: 'author/amina-yusuf/index.html',
  'tags index': 'tags/index.html',
  'categories index': 'categories/index.html',
  'authors index': 'authors/index.html',
  search: 'search/index.html',
  'not found': '404.html',
};

describe('the theme writes valid HTML', () => {
  let out: string;

  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'migrant-site-html-'));
    const { code } = await runMain(repoRoot, ['build', '--config', join(repoRoot, 'site.config.json'), '--out', join(out, 'site'), '--now', '2026-11-28T12:00:00Z', '--offline', '-q']);
    expect(code).toBe(0);
  });
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it.each(Object.entries(pages))('on the %s page', async (_kind, file) => {
    expect(await validateHtml(readFileSync(join(out, 'site', file), 'utf8'))).toEqual([]);
  });
});
