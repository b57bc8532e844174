import { describe, expect, it } from 'vitest';
import { SiteError } from '../../src/diagnostics/diagnostic.js';
import { createHelperRegistry } from '../../src/render/helper-registry.js';
import { createTemplateEngine, type TemplateSet } from '../../src/render/template-engine.js';

const helpers = createHelperRegistry({ baseUrl: 'https://example.org/news/', language: 'en', timeZone: 'UTC' });

function engineFor(layouts: Record<string, string>, partials: Record<string, string> = {}) {
  const set: TemplateSet = {
    layouts: Object.entries(layouts).map(([name, source]) => ({ name, file: `templates/layouts/${name}.hbs`, source })),
    partials: Object.entries(partials).map(([name, source]) => ({ name, file: `templates/partials/${name}.hbs`, source })),
  };
  return createTemplateEngine(set, helpers);
}

describe('createTemplateEngine', () => {
  it('renders layouts with partials and helpers, escaping values', () => {
    const { engine } = engineFor({ post: '<h1>{{title}}</h1>{{> widgets/byline}}<a href="{{url path}}">x</a>' }, { 'widgets/byline': 'By {{author}}' });
    expect(engine!.render('post', { title: '<b>&', author: 'Ana', path: '/a/' }, 'content/posts/a.md')).toBe('<h1>&lt;b&gt;&amp;</h1>By Ana<a href="/news/a/">x</a>');
  });

  it('lists the template files a layout reads, for incremental rebuilds', () => {
    const { engine } = engineFor({ post: '{{> a}}', home: 'x' }, { a: '{{> b}}', b: 'b', unused: 'u' });
    expect(engine!.filesOf('post')).toEqual(['templates/layouts/post.hbs', 'templates/partials/a.hbs', 'templates/partials/b.hbs']);
    expect(engine!.filesOf('home')).toEqual(['templates/layouts/home.hbs']);
  });

  it('reports an unclosed block with the file and line', () => {
    const { engine, diagnostics } = engineFor({ post: 'a\n{{#if x}}\nb' });
    expect(engine).toBeUndefined();
    expect(diagnostics).toMatchObject([{ code: 'MS401', file: 'templates/layouts/post.hbs', line: 3 }]);
  });

  it('reports an unknown helper with line and column', () => {
    const { diagnostics } = engineFor({ post: 'a\n  {{shout title}}' });
    expect(diagnostics).toMatchObject([{ code: 'MS401', file: 'templates/layouts/post.hbs', line: 2, column: 3 }]);
    expect(diagnostics[0].message).toContain('shout');
  });

  it('compiles a template seen before to the same result in a new engine, with each engine\'s own helpers and partials', () => {
    const source = '<h1>{{title}}</h1>{{> byline}}';
    expect(engineFor({ post: source }, { byline: 'By {{author}}' }).engine!.render('post', { title: 'A', author: 'Ana' }, 'p')).toBe('<h1>A</h1>By Ana');
    expect(engineFor({ post: source }, { byline: 'Par {{author}}' }).engine!.render('post', { title: 'B', author: 'Léa' }, 'p')).toBe('<h1>B</h1>Par Léa');
    // Known to one helper set, unknown to another: the compiled template depends on both.
    const other = createTemplateEngine({ layouts: [{ name: 'post', file: 'templates/layouts/post.hbs', source: '{{url path}}' }], partials: [] }, {});
    expect(other.diagnostics).toMatchObject([{ code: 'MS401', file: 'templates/layouts/post.hbs' }]);
    expect(engineFor({ post: '{{url path}}' }).engine!.render('post', { path: '/a/' }, 'p')).toBe('/news/a/');
  });

  it('loads the compiled templates it is given (a worker thread\'s), for the same helpers only', () => {
    const { engine } = engineFor({ post: '<h1>{{title}}</h1>{{> byline}}<a href="{{url path}}">x</a>' }, { byline: 'By {{author}}' });
    const sources = engine!.sources;
    expect(sources.layouts[0].compiled).toMatchObject({ partials: [{ name: 'byline' }] });
    // Compiled forms that no longer match their text show which one the engine loaded.
    const stale = (t: TemplateSet['layouts'][number]) => ({ ...t, source: 'stale text' });
    const loaded = createTemplateEngine({ layouts: sources.layouts.map(stale), partials: sources.partials.map(stale) }, helpers);
    expect(loaded.engine!.render('post', { title: 'A', author: 'Ana', path: '/a/' }, 'p')).toBe('<h1>A</h1>By Ana<a href="/news/a/">x</a>');
    expect(loaded.engine!.filesOf('post')).toEqual(['templates/layouts/post.hbs', 'templates/partials/byline.hbs']);
    // Another helper set compiles the text again: `url` there is no helper but a missing one.
    expect(createTemplateEngine({ layouts: sources.layouts, partials: sources.partials }, {}).diagnostics).toMatchObject([{ code: 'MS401', file: 'templates/layouts/post.hbs' }]);
  });

  it('lists literal helper calls by helper name, whatever the name (no prototype keys)', () => {
    const named = { constructor: { fn: (x: unknown) => x }, t: { fn: (x: unknown) => x } };
    const { engine, diagnostics } = createTemplateEngine({ layouts: [{ name: 'post', file: 'templates/layouts/post.hbs', source: '{{constructor "x"}}\n{{t "share"}}' }], partials: [] }, named);
    expect(diagnostics).toEqual([]);
    expect(engine!.literalCalls('constructor')).toEqual([{ value: 'x', line: 1, column: 1, file: 'templates/layouts/post.hbs' }]);
    expect(engine!.literalCalls('t')).toEqual([{ value: 'share', line: 2, column: 1, file: 'templates/layouts/post.hbs' }]);
    expect(engine!.literalCalls('toString')).toEqual([]);
  });

  it('reports a template error every time it is compiled, not only the first', () => {
    for (let i = 0; i < 2; i++) expect(engineFor({ post: 'a\n{{#if x}}\nb' }).diagnostics).toMatchObject([{ code: 'MS401', line: 3 }]);
  });

  it('reports a missing partial where it is used', () => {
    const { diagnostics } = engineFor({ post: 'x\n\n   {{> sidebar}}' });
    expect(diagnostics).toEqual([
      expect.objectContaining({ code: 'MS401', message: 'missing partial "sidebar"', file: 'templates/layouts/post.hbs', line: 3, column: 4, hint: 'create templates/partials/sidebar.hbs or fix the name' }),
    ]);
  });

  it('never exposes prototype properties', () => {
    const { engine } = engineFor({ p: '[{{constructor}}][{{__proto__}}][{{lookup this "constructor"}}][{{title.constructor.name}}]' });
    expect(engine!.render('p', { title: 'x' }, 'page')).toBe('[][][][]');
  });

  it('names the template and the page when rendering fails', () => {
    const { engine } = engineFor({ post: '{{shareUrl "myspace" post}}' });
    const attempt = () => engine!.render('post', { post: { url: '/a/', title: 'A' } }, 'content/posts/a.md');
    expect(attempt).toThrow(SiteError);
    try {
      attempt();
    } catch (e) {
      expect((e as SiteError).diagnostics[0]).toMatchObject({ code: 'MS402', file: 'templates/layouts/post.hbs' });
      expect((e as SiteError).diagnostics[0].message).toContain('while rendering content/posts/a.md');
    }
  });

  it('refuses a layout that does not exist', () => {
    const { engine } = engineFor({ post: 'x' });
    expect(engine!.hasLayout('constructor')).toBe(false);
    expect(() => engine!.render('constructor', {}, 'content/posts/a.md')).toThrow(/layout "constructor" not found/);
  });

  it('names a built-in template by its theme path and lists the site file that would override it', () => {
    const theme = '/opt/migrant-site/theme';
    const set: TemplateSet = {
      layouts: [{ name: 'post', file: `${theme}/layouts/post.hbs`, overriddenBy: 'templates/layouts/post.hbs', source: '{{> byline}}\n  {{shareUrl "myspace" post}}' }],
      partials: [
        { name: 'byline', file: 'templates/partials/byline.hbs', source: '{{> name}}' },
        { name: 'name', file: `${theme}/partials/name.hbs`, overriddenBy: 'templates/partials/name.hbs', source: 'Ana' },
      ],
    };
    const { engine } = createTemplateEngine(set, helpers);
    expect(engine!.filesOf('post')).toEqual([
      `${theme}/layouts/post.hbs`,
      `${theme}/partials/name.hbs`,
      'templates/layouts/post.hbs',
      'templates/partials/byline.hbs',
      'templates/partials/name.hbs',
    ]);
    try {
      engine!.render('post', { post: { url: '/a/', title: 'A' } }, 'content/posts/a.md');
      expect.unreachable();
    } catch (e) {
      expect((e as SiteError).diagnostics[0]).toMatchObject({
        code: 'MS402',
        file: `${theme}/layouts/post.hbs`,
        hint: 'a file of the built-in theme: override it with your own templates/layouts/post.hbs; see README "The built-in theme"',
      });
    }
  });

  it('reports an unreadable template once, without a missing-partial error where it is used', () => {
    const unreadable = { severity: 'error' as const, code: 'MS404', message: 'template is not valid UTF-8 text', file: 'templates/partials/a.hbs', line: 1, column: 2 };
    const { engine, diagnostics } = createTemplateEngine(
      { layouts: [{ name: 'post', file: 'templates/layouts/post.hbs', source: '{{> a}}' }], partials: [{ name: 'a', file: 'templates/partials/a.hbs', source: '', unreadable }] },
      helpers,
    );
    expect(engine).toBeUndefined();
    expect(diagnostics).toEqual([unreadable]);
  });
});
