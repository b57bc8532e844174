import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { createLogger } from '../../src/log.js';
import { runBuild } from '../../src/pipeline/run-build.js';
import { copyFixture, type FixtureCopy } from '../support/fixture-site.js';
import { findTemplateSyntax } from '../support/template-syntax.js';

// Bodies written for Jekyll, Hugo and Eleventy, copied as found: each page
// shows what the original generator published, and no page shows template syntax.

let site: FixtureCopy;
let diagnostics: Diagnostic[];
const page = (url: string) => readFileSync(join(site.root, 'dist', url, 'index.html'), 'utf8');
const article = (html: string) => /<article[\s\S]*<\/article>/.exec(html)?.[0] ?? html;

beforeAll(async () => {
  site = copyFixture('archive-bodies');
  const quiet = createLogger({ quiet: true, out: { write: () => true } as unknown as NodeJS.WritableStream, err: { write: () => true } as unknown as NodeJS.WritableStream });
  const result = await runBuild({ configPath: join(site.root, 'site.config.json'), now: new Date('2026-11-30T12:00:00Z'), logger: quiet, workers: 0, cache: false });
  diagnostics = result.diagnostics;
}, 120_000);
afterAll(() => site.cleanup());

describe('an archive of Jekyll, Hugo and Eleventy bodies', () => {
  it('builds with no errors and no warnings', () => {
    expect(diagnostics.map((d) => `${d.file}:${d.line}: ${d.message}`)).toEqual([]);
  });

  it('Jekyll: download links and checksums from site.data.releases, post_url, link, include, highlight, raw', () => {
    const html = article(page('2019/03/field-notes-2-1-released'));
    expect(html).toContain('<a href="https://downloads.example.org/fieldnotes/2.1.0/fieldnotes-2.1.0.tar.gz">fieldnotes-2.1.0.tar.gz</a> — SHA-256 <code>3f1c9a7e0b2d4c6f8a1e3b5d7c9f0a2b4d6e8f1a3c5e7b9d0f2a4c6e8b1d3f5a</code>');
    expect(html).toContain('<a href="/blog/files/fieldnotes-2.1.0.zip">fieldnotes-2.1.0.zip</a> — SHA-256 <code>9b8a7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b</code>');
    expect(html).toContain('<a href="https://downloads.example.org/fieldnotes/2.0.0/fieldnotes-2.0.0.tar.gz">2.0.0</a> (November 2018)');
    expect(html).toContain('Version 2.1.0 of the field-notes app');
    expect(html).toContain('<a href="/blog/2018/11/welcome-to-the-harbour-desk/">our first post</a>');
    expect(html).toContain('<a href="/blog/about-the-archive/">about page</a>');
    expect(html).toContain('<aside class="note"><strong>Check the checksum</strong> Compare the SHA-256 sum before installing.</aside>');
    expect(html).toContain('<pre><code class="language-shell">sha256sum fieldnotes-2.1.0.tar.gz\n</code></pre>');
    expect(html).toContain('use {{ note.title }} for each note');
  });

  it('Jekyll: site values and legitimate link schemes (tel:, irc:)', () => {
    const html = article(page('2018/11/welcome-to-the-harbour-desk'));
    expect(html).toContain('This is the first post of Harbour Desk');
    expect(html).toContain('<a href="tel:+302251000000">+30 22510 00000</a>');
    expect(html).toContain('<a href="irc://irc.example.org/harbour">the channel</a>');
  });

  it('Hugo: figure, youtube, vimeo, ref/relref, param, highlight, a site shortcode with markdown inside, the comment form', () => {
    const html = article(page('2020/06/hugo-river-crossing-photo-essay'));
    // The figure's picture is sized like any other (src/images/): resized copies under the base path, its width and height.
    expect(html).toMatch(
      /<figure><picture><source type="image\/avif" srcset="\/blog\/images\/delta\.48w\.[0-9a-f]{10}\.avif 48w" sizes="[^"]+"><source type="image\/webp" srcset="[^"]+"[^>]*><img src="\/blog\/images\/delta\.48w\.[0-9a-f]{10}\.jpg" srcset="[^"]+" sizes="[^"]+" width="48" height="32" alt="Reeds along the Evros delta at dawn" [^>]*><\/picture><figcaption>The delta at dawn<\/figcaption><\/figure>/,
    );
    expect(html).toContain('We walked for three days for “River crossing, a photo essay”.');
    expect(html).toContain('<a href="/blog/2019/03/field-notes-2-1-released/">release notes</a>');
    expect(html).toContain('<a href="/blog/2018/11/welcome-to-the-harbour-desk/">the welcome post</a>');
    expect(html).toContain('<iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ" sandbox="allow-scripts allow-same-origin allow-presentation allow-popups" loading="lazy" allowfullscreen title="YouTube video"></iframe>');
    expect(html).toContain('<iframe src="https://player.vimeo.com/video/76979871"');
    expect(html).toContain('<pre><code class="language-go">func crossing() string { return "dawn" }\n</code></pre>');
    expect(html).toContain('<blockquote class="pullquote"><p>The river <em>decides</em> when you cross.</p><footer>A ferryman</footer></blockquote>');
    expect(html).toContain('Hugo authors write {{&#x3C; figure src="x.jpg" >}}.');
  });

  it('Eleventy: Nunjucks-style set, filters, a youtube shortcode, a paired shortcode and include', () => {
    const html = article(page('2021/09/eleventy-harbour-diary'));
    expect(html).toContain('Notes from Mytilene, written for an Eleventy site about harbour diary, week one.');
    expect(html).toContain('<iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"');
    expect(html).toContain('<div class="callout"><p class="callout-title">Tide table</p><p>High water at <strong>06:10</strong>.</p></div>');
    expect(html).toContain('<a href="/blog/about/">about page</a>');
    expect(html).toContain('<a href="https://archive.example.org/blog/feed.xml">feed</a>');
    expect(html).toContain('<aside class="note"><strong>Diary</strong> Entries are short.</aside>');
  });

  it('leaves no template syntax in any page or feed outside code the article shows', () => {
    expect((readdirSync(join(site.root, 'dist'), { recursive: true }) as string[]).filter((f) => /\.(html|xml|json)$/.test(f)).length).toBeGreaterThan(5);
    // The two places the articles show template syntax on purpose ({% raw %} and Hugo's comment form).
    expect(findTemplateSyntax(join(site.root, 'dist'), /use \{\{ note\.title \}\}|write \{\{(&#x3C;|&lt;|<) figure src=("|&quot;)x\.jpg("|&quot;) (>|&gt;)\}\}/g)).toBeUndefined();
  });
});

