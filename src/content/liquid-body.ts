import { createRequire } from 'node:module';
import type { Context, Emitter, Liquid, TagToken, Template, TopLevelToken } from 'liquidjs';
import { codes } from '../diagnostics/codes.js';
import { warning } from '../diagnostics/diagnostic.js';
import { toAbsoluteUrl, toSiteUrl } from '../paths/site-urls.js';
import { slugify } from '../text/slugify.js';
import { parseArgs } from './hugo-shortcodes.js';
import { expandShortcode, fencedCode, refuse, type BodyOutput } from './shortcode-call.js';

// Liquid in article bodies, as Jekyll and Eleventy render it before markdown.
// liquidjs is made for untrusted templates (no code, only data and filters);
// on top of that this engine has no file system (an empty in-memory template
// map: `include`, `render` and `layout` become partial lookups by name or are
// refused), reads own properties only, and is bounded in parse size, render
// time and memory. A tag it cannot render is removed with a warning at its
// place, so readers never see `{%` or `{{`.

export interface LiquidSite {
  /** Config values (`site.title`), `site.url`, `site.baseurl`, and `site.data.<file>`. */
  site: Record<string, unknown>;
  /** The site's base URL, `https://example.org/news/`. */
  baseUrl: string;
}

export interface LiquidInput {
  body: string;
  file: string;
  bodyLine: number;
  frontMatter: Record<string, unknown>;
}

const limits = { parseLimit: 2_000_000, renderLimit: 2_000, memoryLimit: 20_000_000 };
const maxOutput = (body: string) => Math.max(1_000_000, body.length * 20);

class LimitError extends Error {}

function isLimit(cause: unknown): boolean {
  return cause instanceof LimitError || /limit exceeded/i.test(cause instanceof Error ? cause.message : '');
}
const maxRetries = 50;

interface RenderState {
  output: BodyOutput;
  file: string;
  bodyLine: number;
}

// The state of the body being rendered; renders are synchronous, one at a time per thread.
let current: RenderState | undefined;

function placeOf(token: TagToken) {
  const [line, column] = token.getPosition();
  return { file: current!.file, line: line + current!.bodyLine - 1, column };
}

/** Arguments of a tag: quoted values as written, bare words evaluated as Liquid values (`k=page.x`). */
function tagArgs(text: string, ctx: Context, liquid: Liquid): { named: Record<string, string>; positional: string[] } {
  const { named, positional } = parseArgs(text);
  const quoted = new Set([...text.matchAll(/([A-Za-z_][\w-]*)\s*[=:]\s*["'`]/g)].map((m) => m[1]));
  for (const key of Object.keys(named)) {
    if (quoted.has(key) || /^-?\d/.test(named[key])) continue;
    const value: unknown = liquid.evalValueSync(named[key], ctx);
    named[key] = value === undefined || value === null ? '' : String(value);
  }
  return { named, positional };
}

/** Collects the templates up to `{% end<name> %}`; throws if there is none. */
function parseBlock(token: TagToken, remain: TopLevelToken[], liquid: Liquid): Template[] {
  const templates: Template[] = [];
  let closed = false;
  const stream = liquid.parser
    .parseStream(remain)
    .on('template', (t: Template) => templates.push(t))
    .on(`tag:end${token.name}`, () => {
      closed = true;
      stream.stop();
    })
    .on('end', () => {
      if (!closed) throw new Error(`tag {% ${token.name} %} is not closed with {% end${token.name} %}`);
    });
  stream.start();
  return templates;
}

/**
 * The engine, loaded on first use: liquidjs costs a few hundred milliseconds to
 * load in each worker thread, and most archives have bodies without Liquid.
 */
function createLiquid(): { liquid: Liquid; customTag: Parameters<Liquid['registerTag']>[1] } {
  const { AssignTag, Liquid, Tag } = createRequire(import.meta.url)('liquidjs') as typeof import('liquidjs');

  class HighlightTag extends Tag {
    private templates: Template[];
    private language: string;
    constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
      super(token, remain, liquid);
      this.language = token.args.trim().split(/\s+/)[0] ?? '';
      this.templates = parseBlock(token, remain, liquid);
    }
    *render(ctx: Context, emitter: Emitter): Generator<unknown, void, string> {
      const code = yield this.liquid.renderer.renderTemplates(this.templates, ctx);
      emitter.write(fencedCode(code, this.language));
    }
  }

  /** `{% post_url 2010-07-21-name %}`, `{% link _posts/2016-07-26-name.md %}`: a reference the render stage turns into the post's URL. */
  class LinkTag extends Tag {
    render(ctx: Context, emitter: Emitter): void {
      const raw = this.token.args.trim();
      const target = /^\{\{.*\}\}$/.test(raw) ? String(this.liquid.parseAndRenderSync(raw, ctx)) : raw.replace(/^["']|["']$/g, '');
      emitter.write(expandShortcode({ name: this.token.name, named: {}, positional: [target], ...placeOf(this.token) }, current!.output));
    }
  }

  /** `{% include name.html k=v %}`, `{% render 'name' %}`, and any custom tag (`{% youtube id %}`, paired `{% note %}…{% endnote %}`): a shortcode call. */
  class ShortcodeTag extends Tag {
    private templates?: Template[];
    constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
      super(token, remain, liquid);
      const paired = remain.some((t) => 'name' in t && (t as TagToken).name === `end${token.name}`);
      if (paired) this.templates = parseBlock(token, remain, liquid);
    }
    *render(ctx: Context, emitter: Emitter): Generator<unknown, void, string> {
      const isInclude = ['include', 'include_cached', 'render'].includes(this.token.name);
      let args = this.token.args.trim();
      let name = this.token.name;
      if (isInclude) {
        const first = /^(?:"([^"]*)"|'([^']*)'|(\S+))/.exec(args);
        name = (first?.[1] ?? first?.[2] ?? first?.[3] ?? '').replace(/\.(html|liquid|md|njk)$/, '');
        args = args.slice(first?.[0].length ?? 0).replace(/^\s*,/, '');
      }
      const { named, positional } = tagArgs(args, ctx, this.liquid);
      const inner = this.templates ? yield this.liquid.renderer.renderTemplates(this.templates, ctx) : undefined;
      emitter.write(expandShortcode({ name, named, positional, inner, ...placeOf(this.token) }, current!.output));
    }
  }

  /** Tags that would read files by path or wrap the page in a layout: never from content. */
  class RefusedTag extends Tag {
    render(): string {
      return refuse(current!.output, placeOf(this.token), `{% ${this.token.name} %} refused: content cannot read files by path`, 'use {% include name %} with a partial in templates/shortcodes/');
    }
  }

  const liquid = new Liquid({
    // No file system at all: lookups go to this empty map, and every name-based tag is overridden below.
    templates: {},
    ownPropertyOnly: true,
    strictFilters: true,
    jekyllInclude: true,
    ...limits,
  });
  liquid.registerTag('highlight', HighlightTag);
  for (const name of ['link', 'post_url']) liquid.registerTag(name, LinkTag);
  for (const name of ['include', 'include_cached', 'render']) liquid.registerTag(name, ShortcodeTag);
  for (const name of ['include_relative', 'layout', 'block']) liquid.registerTag(name, RefusedTag);
  liquid.registerTag('set', AssignTag);
  // Jekyll's relative_url and Eleventy's url put the site's path in front of a site path.
  const siteUrl = (path: unknown) => toSiteUrl(String(path ?? ''), site().baseUrl);
  liquid.registerFilter('relative_url', siteUrl);
  liquid.registerFilter('url', siteUrl);
  liquid.registerFilter('absolute_url', (path: unknown) => toAbsoluteUrl(String(path ?? ''), site().baseUrl));
  for (const name of ['safe', 'markdownify', 'strip_newlines_safe']) liquid.registerFilter(name, (v: unknown) => v);
  liquid.registerFilter('jsonify', (v: unknown) => JSON.stringify(v));
  liquid.registerFilter('slugify', (v: unknown) => slugify(String(v ?? '')));
  liquid.registerFilter('date_to_xmlschema', (v: unknown) => toDate(v)?.toISOString() ?? '');
  liquid.registerFilter('date_to_string', (v: unknown) => formatDate(v, 'short'));
  liquid.registerFilter('date_to_long_string', (v: unknown) => formatDate(v, 'long'));
  return { liquid, customTag: ShortcodeTag };
}

function toDate(v: unknown): Date | undefined {
  const d = v instanceof Date ? v : new Date(String(v));
  return Number.isNaN(+d) ? undefined : d;
}

function formatDate(v: unknown, month: 'short' | 'long'): string {
  const d = toDate(v);
  return d ? `${d.getUTCDate()} ${d.toLocaleString('en', { month, timeZone: 'UTC' })} ${d.getUTCFullYear()}` : '';
}

let engine: ReturnType<typeof createLiquid> | undefined;
let siteState: LiquidSite | undefined;
const site = () => siteState!;

/** Tags the engine does not know are custom shortcodes (Eleventy's `{% youtube %}`, a Jekyll plugin's tag). */
function registerCustomTags({ liquid, customTag }: NonNullable<typeof engine>, body: string): void {
  for (const m of body.matchAll(/\{%-?\s*([A-Za-z_][\w-]*)/g)) {
    const name = m[1];
    if (name.startsWith('end') || Object.hasOwn(liquid.tags, name)) continue;
    liquid.registerTag(name, customTag);
  }
}

export function hasLiquid(body: string): boolean {
  return body.includes('{%') || body.includes('{{');
}

/** Renders the Liquid in a body; returns the markdown it produced. */
export function renderLiquid(input: LiquidInput, siteInfo: LiquidSite, output: BodyOutput): string {
  engine ??= createLiquid();
  const { liquid } = engine;
  let source = input.body;
  const scope = { ...input.frontMatter, page: input.frontMatter, site: siteInfo.site };
  for (let attempt = 0; attempt <= maxRetries; attempt++) {
    registerCustomTags(engine, source);
    const saved = { inserts: output.inserts.length, refs: output.refs.length, diagnostics: output.diagnostics.length };
    current = { output, file: input.file, bodyLine: input.bodyLine };
    siteState = siteInfo;
    try {
      const rendered = String(liquid.parseAndRenderSync(source, scope));
      if (rendered.length > maxOutput(input.body)) throw new LimitError(`output of ${rendered.length} characters is over the limit of ${maxOutput(input.body)}`);
      return rendered;
    } catch (cause) {
      output.inserts.length = saved.inserts;
      output.refs.length = saved.refs;
      output.diagnostics.length = saved.diagnostics;
      const failed = failedTag(cause, source);
      output.diagnostics.push(
        warning(codes.bodyTemplate, `Liquid ${failed ? `tag ${JSON.stringify(failed.text.slice(0, 60))}` : 'template'} cannot be rendered and was removed: ${reason(cause)}`, {
          file: input.file,
          line: (failed?.line ?? 1) + input.bodyLine - 1,
          column: failed?.column ?? 1,
          hint: 'fix the tag, wrap literal {{ }} or {% %} in {% raw %}…{% endraw %}, or remove it',
        }),
      );
      // Past a limit the whole body's templates are suspect: stop rather than retry each tag.
      if (!failed || isLimit(cause)) break;
      // Blanked, not cut, so the places of later tags stay where the file has them.
      source = source.slice(0, failed.start) + failed.text.replace(/[^\n]/g, ' ') + source.slice(failed.end);
    } finally {
      current = undefined;
    }
  }
  return stripTemplateSyntax(source);
}

interface FailedTag {
  start: number;
  end: number;
  text: string;
  line: number;
  column: number;
}

/** The `{% … %}` or `{{ … }}` that made liquidjs fail, from the token it blames. */
function failedTag(cause: unknown, source: string): FailedTag | undefined {
  const token = (cause as { token?: { begin?: number; end?: number; input?: string } }).token;
  if (!token || token.input !== source || token.begin === undefined || token.end === undefined) return undefined;
  // Tokens of a filter or value sit inside their {{ }} / {% %}: widen to the delimiters.
  const open = Math.max(source.lastIndexOf('{{', token.begin), source.lastIndexOf('{%', token.begin));
  const start = open >= 0 && open <= token.begin ? open : token.begin;
  const closer = source.slice(start, start + 2) === '{{' ? '}}' : '%}';
  const closeAt = source.indexOf(closer, Math.max(token.end - 2, start + 2));
  const end = closeAt >= 0 ? closeAt + 2 : token.end;
  const before = source.slice(0, start);
  return { start, end, text: source.slice(start, end), line: before.split('\n').length, column: start - before.lastIndexOf('\n') };
}

function reason(cause: unknown): string {
  const message = cause instanceof Error ? cause.message : String(cause);
  return message.replace(/, line:\d+, col:\d+$/, '').split('\n')[0];
}

/** Last resort when no tag can be blamed: no template syntax reaches readers. */
function stripTemplateSyntax(source: string): string {
  return source.replace(/\{%[\s\S]*?%\}|\{\{[\s\S]*?\}\}/g, '');
}
