import { describe, expect, it } from 'vitest';
import { makeConfig } from '../../src/config/make-config.js';
import { contentOptionsOf, parseAuthor } from '../../src/content/parse-source.js';
import { renderBody, type BodyOptions } from '../../src/content/render-body.js';

const options = (over: Partial<BodyOptions> = {}): BodyOptions => ({
  rawHtml: 'sanitize',
  liquid: { site: { title: 'Desk', data: { team: [{ name: 'Ana', role: 'editor' }, { name: 'Tom', role: 'reporter' }] } }, baseUrl: 'https://example.org/news/' },
  ...over,
});
const render = (body: string, over: Partial<BodyOptions> = {}, frontMatter: Record<string, unknown> = { title: 'A post' }) =>
  renderBody({ body, file: 'content/posts/a.md', bodyLine: 5, frontMatter, hugoFile: false }, options(over));
const places = (r: ReturnType<typeof render>) => r.diagnostics.map((d) => `${d.code} ${d.line}:${d.column} ${d.message}`);
const templateSyntax = /\{%|%\}|\{\{|\}\}/;

describe('Liquid in bodies', () => {
  it('renders site values, data files and the Jekyll/Eleventy filters', () => {
    const r = render('{{ site.title }}: {{ site.data.team | where: "role", "editor" | map: "name" | first }} — {{ "/a/" | relative_url }} {{ "/a/" | url }} [x]({{ "a/" | absolute_url }}) {{ "2024-05-01T12:00:00Z" | date: "%Y" }}');
    expect(r.html).toBe('<p>Desk: Ana — /news/a/ /news/a/ <a href="https://example.org/news/a/">x</a> 2024</p>');
    expect(r.diagnostics).toEqual([]);
  });

  it('cannot read files: include with a path, include_relative and layout are refused with a warning at the tag', () => {
    const r = render('one\n\n{% include ../../etc/passwd %}\n\n{% include_relative secrets.txt %}\n\n{% layout "x" %}\n\n{% include "/etc/hosts" %}');
    expect(r.html).toBe('<p>one</p>');
    expect(places(r)).toEqual([
      'MS241 7:1 shortcode or include "../../etc/passwd" refused: names cannot contain paths',
      'MS241 9:1 {% include_relative %} refused: content cannot read files by path',
      'MS241 11:1 {% layout %} refused: content cannot read files by path',
      'MS241 13:1 shortcode or include "/etc/hosts" refused: names cannot contain paths',
    ]);
    expect(r.refs).toEqual([]);
  });

  it('cannot run code or reach prototypes', () => {
    const r = render('[{{ site.constructor }}][{{ site.title.constructor.name }}][{{ "x" | constructor }}][{{ page.__proto__ }}]');
    expect(r.html).toMatch(/^<p>\[\]\[\]/);
    expect(r.html).not.toMatch(/function|Object|String/);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['MS240']);
  });

  it('bounds loops and output: a huge range or nested loops stop with a warning, never hang', () => {
    for (const body of ['{% for i in (1..100000000) %}x{% endfor %}', '{% for a in (1..100000) %}{% for b in (1..100000) %}{% for c in (1..100000) %}x{% endfor %}{% endfor %}{% endfor %}']) {
      const r = render(body);
      expect(r.html.length).toBeLessThan(1_000_000);
      expect(r.html).not.toMatch(templateSyntax);
      expect(r.diagnostics.map((d) => d.code)).toContain('MS240');
    }
  });

  it('an unknown filter or broken tag is removed with a warning at file:line:col naming it', () => {
    const r = render('Intro\n\nPrice: {{ price | money }} and {% if x %}open\n');
    expect(r.html).not.toMatch(templateSyntax);
    expect(places(r)[0]).toBe('MS240 7:8 Liquid tag "{{ price | money }}" cannot be rendered and was removed: undefined filter: money');
    expect(places(r)[1]).toMatch(/^MS240 7:32 Liquid tag "\{% if x %\}" cannot be rendered/);
  });

  it('highlight becomes a fenced code block and raw stays literal', () => {
    const r = render('{% highlight js %}\nlet a = "{{ site.title }}";\n{% endhighlight %}\n\n{% raw %}{{ kept }}{% endraw %}');
    expect(r.html).toBe('<pre><code class="language-js">let a = "Desk";\n</code></pre>\n<p>{{ kept }}</p>');
  });

  it('include, render and custom tags become shortcode references with evaluated arguments', () => {
    const r = render('{% include note.html text="Hi" who=page.title %}\n\n{% render "card", n: 2 %}\n\n{% tip %}*inner*{% endtip %}');
    expect(r.refs.map((x) => (x.kind === 'shortcode' ? [x.name, x.named, x.innerHtml, x.line] : x))).toEqual([
      ['note', { text: 'Hi', who: 'A post' }, '', 5],
      ['card', { n: '2' }, '', 7],
      ['tip', {}, '<p><em>inner</em></p>', 9],
    ]);
    expect(r.html).toBe('<ms-shortcode data-ref="0"></ms-shortcode>\n<ms-shortcode data-ref="1"></ms-shortcode>\n<ms-shortcode data-ref="2"></ms-shortcode>');
  });
});

describe('Hugo shortcodes in bodies', () => {
  it('a name with a path is refused', () => {
    const r = render('{{< ../../x >}}\n\n{{% partials/secret %}}\n\nafter');
    expect(r.html).toBe('<p>after</p>');
    expect(r.diagnostics.map((d) => [d.code, d.line])).toEqual([
      ['MS241', 5],
      ['MS241', 7],
    ]);
  });

  it('reads positional and named arguments with or without spaces, and pairs with inner content', () => {
    const r = render('{{<note "first" second key="a b" k2=c>}}\n\n{{% aside kind=warn %}}\n**x**\n{{% /aside %}}');
    expect(r.refs.map((x) => (x.kind === 'shortcode' ? [x.name, x.positional, x.named, x.innerHtml] : x))).toEqual([
      ['note', ['first', 'second'], { key: 'a b', k2: 'c' }, ''],
      ['aside', [], { kind: 'warn' }, '<p><strong>x</strong></p>'],
    ]);
  });

  it('a closing tag with no opening one is removed with a warning; Go template text is left alone', () => {
    const r = render('{{< /gone >}}\n\nHugo writes {{ .Title }} in layouts.');
    expect(r.html).toBe('<p>Hugo writes {{ .Title }} in layouts.</p>');
    expect(places(r)).toEqual(['MS240 5:1 closing shortcode {{< /gone >}} has no opening tag; removed']);
  });

  it('figure without src and youtube with a bad id are refused with a warning, showing nothing', () => {
    const r = render('{{< figure caption="x" >}}\n\n{{< youtube "x\\" onload=alert(1)" >}}\n\n{{< figure src="javascript:alert(1)" alt="x" >}}');
    expect(r.html).toBe('');
    expect(r.diagnostics.map((d) => d.code)).toEqual(['MS241', 'MS241', 'MS241']);
  });
});

describe('raw HTML, sanitised by default', () => {
  it('removes javascript: from every URL attribute, warning for each element', () => {
    const r = render(
      '<a href=" javascript:alert(1)">a</a> <img src="JaVaScRiPt:x" alt="i"> <video poster="javascript:x" controls></video> <img srcset="javascript:x 1x" alt="s"> <blockquote cite="vbscript:x">q</blockquote> <a href="data:text/html,x">d</a>',
    );
    expect(r.html).not.toMatch(/javascript|vbscript|data:/i);
    expect(r.html).toContain('<img alt="i">');
    expect(r.diagnostics.map((d) => d.message)).toEqual([
      'raw HTML removed: href from <a>',
      'raw HTML removed: src from <img>',
      'raw HTML removed: poster from <video>',
      'raw HTML removed: srcset from <img>',
      'raw HTML removed: cite from <blockquote>',
      'raw HTML removed: href from <a>',
    ]);
  });

  it('keeps figures, tables, details, video, br and tweet blockquotes; drops event handlers, styles and scripts with a warning each', () => {
    const r = render(
      '<figure><img src="/a.png" alt="A" onerror="x()"><figcaption>Cap</figcaption></figure>\n\n<table><tr><td style="color:red">1</td></tr></table>\n\n<details><summary>S</summary>D<br></details>\n\n<video src="/v.mp4" controls></video>\n\n<blockquote class="twitter-tweet"><p>t</p></blockquote>\n\n<script>alert(1)</script>\n\n<marquee>m</marquee>',
    );
    expect(r.html).toContain('<figure><img src="/a.png" alt="A"><figcaption>Cap</figcaption></figure>');
    expect(r.html).toContain('<table><tbody><tr><td>1</td></tr></tbody></table>');
    expect(r.html).toContain('<details><summary>S</summary>D<br></details>');
    expect(r.html).toContain('<video src="/v.mp4" controls></video>');
    expect(r.html).toContain('<blockquote class="twitter-tweet"><p>t</p></blockquote>');
    expect(r.html).toContain('m');
    expect(r.html).not.toMatch(/script|onerror|style|marquee/);
    expect(places(r)).toEqual([
      'MS242 5:9 raw HTML removed: onerror from <img>',
      'MS242 7:12 raw HTML removed: style from <td>',
      'MS242 15:1 raw HTML removed: <script> element and its content',
      'MS242 17:1 raw HTML removed: <marquee> tag (its text is kept)',
    ]);
  });

  it('keeps legitimate link schemes', () => {
    const r = render('[r](rsync://mirror.example.org/x) [f](ftp://ftp.example.org/) [i](irc://irc.example.org/news) [m](mailto:a@b.org) [t](tel:+30123) <a href="magnet:?xt=urn:x">g</a>');
    for (const url of ['rsync://mirror.example.org/x', 'ftp://ftp.example.org/', 'irc://irc.example.org/news', 'mailto:a@b.org', 'tel:+30123', 'magnet:?xt=urn:x']) expect(r.html).toContain(`href="${url}"`);
    expect(r.diagnostics).toEqual([]);
  });

  it('keeps iframes only from embedHosts, sandboxed and lazy; others are removed with a warning', () => {
    const body = '<iframe src="//www.youtube.com/embed/abcdefghijk" width="560" onload="x()"></iframe>\n\n<iframe src="https://evil.example.org/x"></iframe>\n\n<iframe src="https://media.example.org/p/1"></iframe>';
    const r = render(body);
    expect(r.html).toContain('<iframe src="https://www.youtube.com/embed/abcdefghijk" width="560" sandbox="allow-scripts allow-same-origin allow-presentation allow-popups" loading="lazy" allowfullscreen></iframe>');
    expect(r.html).not.toContain('evil');
    expect(r.html).not.toContain('media.example.org');
    expect(places(r)).toEqual([
      'MS242 5:1 raw HTML removed: onload from <iframe>',
      'MS243 7:1 embed removed: <iframe> from "https://evil.example.org/x"',
      'MS243 9:1 embed removed: <iframe> from "https://media.example.org/p/1"',
    ]);
    expect(render(body, { embedHosts: ['media.example.org'] }).html).toContain('src="https://media.example.org/p/1" sandbox=');
  });

  it('keeps the clobber prefix: content ids and names cannot shadow the DOM or repeat the theme ids', () => {
    const r = render('<img name="getElementById" src="/a.png" alt=""> <div id="site-menu">x</div> <a name="main">m</a>');
    expect(r.html).toContain('name="user-content-getElementById"');
    expect(r.html).toContain('id="user-content-site-menu"');
    expect(r.html).toContain('name="user-content-main"');
    expect(r.html).not.toMatch(/(id|name)="(getElementById|site-menu|main)"/);
  });

  it('footnotes keep working links: their ids get the prefix once', () => {
    const { html } = render('Text[^1]\n\n[^1]: Note.');
    expect(html).toContain('<a href="#user-content-fn-1" id="user-content-fnref-1" data-footnote-ref="" aria-describedby="user-content-footnote-label">1</a>');
    expect(html).toContain('<li id="user-content-fn-1">');
    expect(html).toContain('<a href="#user-content-fnref-1" data-footnote-backref=""');
  });

  it('a body without "<" skips the HTML re-parse and gives the same HTML as with it', () => {
    const body = '## Café\n\nText[^n] with *emphasis*, ~~old~~, a [link](https://example.org/a?b=1&c=2) and `code`.\n\n| a | b |\n|:-|-:|\n| 1 | 2 |\n\n- [x] done\n- [ ] open\n\n> quote\n\n```js\nlet a = 1 && 2;\n```\n\n![img](/a.png "title")\n\n[^n]: Note.\n';
    // A leading comment forces the rehype-raw path; comments are not kept.
    expect(render(body).html).toBe(render(`<!-- x -->\n\n${body}`).html.trimStart());
  });

  it('"drop" still drops raw HTML with a warning, while built-in shortcodes keep their trusted HTML', () => {
    const r = render('<b>x</b>\n\n{{< youtube abcdefghijk >}}', { rawHtml: 'drop' });
    expect(r.html).not.toContain('<b>');
    expect(r.html).toContain('<iframe src="https://www.youtube-nocookie.com/embed/abcdefghijk"');
    expect(r.diagnostics.map((d) => d.code)).toEqual(['MS212', 'MS212']);
  });
});

describe('author bios', () => {
  it('leave out post links and shortcode partials with a warning, since nothing resolves them', () => {
    const options = contentOptionsOf(makeConfig({ baseUrl: 'https://example.org/' }));
    const bytes = new TextEncoder().encode('---\nname: Ana\n---\nSee [my story]({% post_url 2020-01-01-story %}).\n\n{% include card.html %}\n');
    const parsed = parseAuthor({ path: 'content/authors/ana.md', bytes }, options);
    expect(parsed.kind === 'author' && parsed.author?.bioHtml).toBe('<p>See <a href="">my story</a>.</p>\n');
    expect(parsed.diagnostics.map((d) => `${d.code} ${d.line}:${d.column}`)).toEqual(['MS241 4:16', 'MS241 6:1']);
  });
});
