import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { article, createTempSite, problemsIn, type TempSite } from '../support/temp-site.js';
import { validateHtml } from '../support/validate-html.js';

// A headline and summary that try to leave the <title>, the meta attributes
// and the JSON-LD script, rendered through the real theme by the real CLI.
const title = `</script><script>alert(1)</script> "Quoted" & 'single' <b>`;
const summary = `"><script>alert(2)</script><!--`;

describe('page meta and JSON-LD with hostile values', () => {
  let site: TempSite;
  let html: string;

  beforeAll(async () => {
    site = createTempSite({
      'content/posts/hostile.md': article({ title: JSON.stringify(title), slug: 'hostile', date: '2026-11-20', summary: JSON.stringify(summary) }),
    });
    const result = await site.main('build', '--now', '2026-11-28T12:00:00Z', '-q');
    expect(problemsIn(result.stderr)).toEqual([]);
    html = site.read('dist/2026/11/hostile/index.html');
  });
  afterAll(() => site.remove());

  it('keeps the JSON-LD inside its script element, with the values intact', () => {
    const scripts = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)];
    expect(scripts).toHaveLength(1);
    const [newsArticle, breadcrumb] = JSON.parse(scripts[0][1]);
    expect(newsArticle.headline).toBe(title);
    expect(newsArticle.description).toBe(summary);
    expect(breadcrumb.itemListElement.at(-1).name).toBe(title);
    expect(scripts[0][1]).not.toMatch(/[<>]/);
  });

  it('escapes the title and the meta attributes', () => {
    const escapedTitle = '&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &quot;Quoted&quot; &amp; &#x27;single&#x27; &lt;b&gt;';
    expect(html).toContain(`<title>${escapedTitle} — Test News</title>`);
    expect(html).toContain(`<meta property="og:title" content="${escapedTitle}">`);
    expect(html).toContain(`<meta name="twitter:description" content="&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;&lt;!--">`);
    expect(html).not.toContain('<script>alert');
  });

  it('leaves a page that still validates', async () => {
    expect(await validateHtml(html)).toEqual([]);
  });
});
