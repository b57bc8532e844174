import Handlebars from 'handlebars';
import { codes } from '../diagnostics/codes.js';
import { error, SiteError, type Diagnostic } from '../diagnostics/diagnostic.js';
import { memoize } from '../text/memoize.js';
import type { HelperDef, HelperScope } from './helper-registry.js';

// The only handlebars import. Each engine is an isolated Handlebars.create()
// environment: no global helpers or partials leak between builds.

export interface TemplateSource {
  /** `post`, `widgets/dont-miss`. */
  name: string;
  /** Relative to the site root, for diagnostics (a built-in theme file outside the site: absolute). */
  file: string;
  source: string;
  /** For a built-in theme file, the site file that would override it: adding or removing that file changes the page. */
  overriddenBy?: string;
  /** Why the file could not be read as text; the template is then left out. */
  unreadable?: Diagnostic;
  /** The template as the engine that read it compiled it (TemplateEngine.sources): a worker thread loads this instead of compiling again. */
  compiled?: CompiledTemplate;
}

/**
 * A template parsed and precompiled: plain data, so it crosses to a worker
 * thread. Valid only for the helper names it was compiled with (Handlebars
 * compiles a call of a known helper differently from a property read).
 */
export interface CompiledTemplate {
  helperNames: string;
  /** Handlebars.precompile()'s JavaScript. */
  spec: string;
  partials: PartialUse[];
  /** Calls whose first argument is written as a string, by helper (see TemplateEngine.literalCalls); a Map, since helper names come from template text. */
  literalCalls: Map<string, Omit<LiteralCall, 'file'>[]>;
}

export interface TemplateSet {
  layouts: TemplateSource[];
  partials: TemplateSource[];
  /** `templates/shortcodes/<name>.hbs`: what a body's `{{< name >}}` or `{% include name %}` shows. */
  shortcodes?: TemplateSource[];
}

export interface TemplateEngine {
  /** The templates it was compiled from, each with its compiled form: a worker thread loads the same set to render the same pages, without compiling it again. */
  sources: TemplateSet;
  hasLayout(name: string): boolean;
  /** Renders a layout; throws SiteError naming the template and the page. */
  render(layout: string, context: object, page: string): string;
  /**
   * Template files a layout reads, itself and every partial it reaches, and
   * the site files that would override the built-in ones (for incremental rebuilds).
   */
  filesOf(layout: string): string[];
  /** A shortcode partial's HTML, or undefined when the site has none of that name; throws SiteError naming the template. */
  renderShortcode(name: string, context: object, page: string): string | undefined;
  /** A text in the theme's words, in `lang`, as `{{t key}}` writes it there. */
  text(key: string, params: Record<string, unknown>, lang: string): string;
  /** Every call of `helper` whose first argument is written as a string (`{{t "share"}}`), with its place, in file order. */
  literalCalls(helper: string): LiteralCall[];
}

export interface LiteralCall {
  /** The first argument as written. */
  value: string;
  file: string;
  line: number;
  column: number;
}

export function createTemplateEngine(set: TemplateSet, helpers: Record<string, HelperDef>): { engine?: TemplateEngine; diagnostics: Diagnostic[] } {
  const env = Handlebars.create();
  const diagnostics: Diagnostic[] = [];
  const knownHelpers = Object.fromEntries(Object.keys(helpers).map((name) => [name, true]));
  for (const [name, def] of Object.entries(helpers)) {
    env.registerHelper(name, (...args: unknown[]) => {
      // Handlebars' options argument comes last: a scoped helper gets its HelperScope in its place, others nothing.
      if (def.scoped) args[args.length - 1] = scopeOf(args[args.length - 1] as Handlebars.HelperOptions);
      else args.pop();
      const result = def.fn(...args);
      return def.raw ? new env.SafeString(String(result)) : result;
    });
  }

  const partialNames = new Set(set.partials.map((p) => p.name));
  const usedPartials = new Map<string, string[]>();
  const calls: { file: string; compiled: CompiledTemplate }[] = [];
  const helperNames = Object.keys(knownHelpers).sort().join(',');
  const withCompiled = new Map<TemplateSource, TemplateSource>();

  const compile = (t: TemplateSource) => {
    if (t.unreadable) {
      diagnostics.push(t.unreadable);
      return undefined;
    }
    try {
      const { compiled, spec } = t.compiled?.helperNames === helperNames ? { compiled: t.compiled, spec: evaluate(t.compiled.spec) } : precompiled(helperNames, t.source);
      withCompiled.set(t, { ...t, compiled });
      const { partials } = compiled;
      for (const p of partials) {
        if (!partialNames.has(p.name)) {
          diagnostics.push(
            error(codes.templateSyntax, `missing partial "${p.name}"`, {
              file: t.file,
              line: p.line,
              column: p.column + 1,
              hint: `create templates/partials/${p.name}.hbs or fix the name`,
            }),
          );
        }
      }
      usedPartials.set(t.file, partials.map((p) => p.name));
      calls.push({ file: t.file, compiled });
      return env.template(spec) as HandlebarsTemplateDelegate;
    } catch (cause) {
      diagnostics.push(templateError(t, cause));
      return undefined;
    }
  };

  for (const p of set.partials) {
    const template = compile(p);
    if (template) env.registerPartial(p.name, template);
  }
  const layouts = new Map<string, HandlebarsTemplateDelegate>();
  for (const l of set.layouts) {
    const template = compile(l);
    if (template) layouts.set(l.name, template);
  }
  const shortcodes = new Map<string, { template: HandlebarsTemplateDelegate; source: TemplateSource }>();
  for (const t of set.shortcodes ?? []) {
    const template = compile(t);
    if (template) shortcodes.set(t.name, { template, source: t });
  }
  if (diagnostics.length > 0) return { diagnostics };

  const partialByName = new Map(set.partials.map((p) => [p.name, p]));
  const layoutByName = new Map(set.layouts.map((l) => [l.name, l]));
  const filesOf = (layout: string): string[] => {
    const seen = new Set<string>();
    const visit = (t: TemplateSource | undefined) => {
      if (!t || seen.has(t.file)) return;
      seen.add(t.file);
      if (t.overriddenBy) seen.add(t.overriddenBy);
      for (const name of usedPartials.get(t.file) ?? []) visit(partialByName.get(name));
    };
    visit(layoutByName.get(layout));
    return [...seen].sort();
  };

  const compiledSet = (list: TemplateSource[]) => list.map((t) => withCompiled.get(t) ?? t);
  return {
    diagnostics,
    engine: {
      sources: { layouts: compiledSet(set.layouts), partials: compiledSet(set.partials), shortcodes: set.shortcodes && compiledSet(set.shortcodes) },
      hasLayout: (name) => layouts.has(name),
      text: (key, params, lang) => String(helpers.t!.fn(key, { hash: params, lang } satisfies HelperScope)),
      literalCalls: (helper) => calls.flatMap(({ file, compiled }) => (compiled.literalCalls.get(helper) ?? []).map((call) => ({ ...call, file }))),
      filesOf,
      renderShortcode(name, context, page) {
        const shortcode = shortcodes.get(name);
        if (!shortcode) return undefined;
        try {
          return shortcode.template(context);
        } catch (cause) {
          const d = templateError(shortcode.source, cause);
          throw new SiteError({ ...d, code: codes.templateRender, message: `${d.message} (while rendering ${page})` }, { cause });
        }
      },
      render(layout, context, page) {
        const template = layouts.get(layout);
        if (!template) {
          throw new SiteError(error(codes.missingLayout, `layout "${layout}" not found`, { file: page, hint: `create templates/layouts/${layout}.hbs` }));
        }
        try {
          return template(context);
        } catch (cause) {
          const d = templateError(layoutByName.get(layout)!, cause);
          throw new SiteError({ ...d, code: codes.templateRender, message: `${d.message} (while rendering ${page})` }, { cause });
        }
      },
    },
  };
}

/** What a scoped helper learns from where it is called: its named arguments and the language of the template being rendered. */
function scopeOf(options: Handlebars.HelperOptions | undefined): HelperScope {
  const root = options?.data?.root as { lang?: unknown } | undefined;
  return { hash: options?.hash ?? {}, lang: typeof root?.lang === 'string' ? root.lang : undefined };
}

/** Every call whose first argument is a string literal, by helper name, in file order. */
function findLiteralCalls(node: unknown, found = new Map<string, Omit<LiteralCall, 'file'>[]>()): Map<string, Omit<LiteralCall, 'file'>[]> {
  if (!node || typeof node !== 'object') return found;
  const n = node as { type?: string; path?: { original?: unknown }; params?: { type: string; value: unknown }[]; loc?: { start: { line: number; column: number } } };
  const first = n.params?.[0];
  const helper = n.path?.original;
  if ((n.type === 'MustacheStatement' || n.type === 'SubExpression' || n.type === 'BlockStatement') && typeof helper === 'string' && first?.type === 'StringLiteral' && n.loc) {
    const call = { value: String(first.value), line: n.loc.start.line, column: n.loc.start.column + 1 };
    const calls = found.get(helper);
    if (calls) calls.push(call);
    else found.set(helper, [call]);
  }
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) value.forEach((child) => findLiteralCalls(child, found));
    else if (value && typeof value === 'object' && 'type' in value) findLiteralCalls(value, found);
  }
  return found;
}

export interface PartialUse {
  name: string;
  line: number;
  column: number;
}

/**
 * A template parsed and precompiled, up front, so syntax and unknown-helper
 * errors surface now, not at page 500 (Handlebars.compile would compile
 * lazily at first use; loading the precompiled spec is what it does
 * internally, done once). Kept by source and helper names, all it depends on:
 * every build, a worker thread and `serve --watch` after a config change make
 * a new engine from mostly the same templates, and this is most of the cost.
 * The spec is kept evaluated: it holds no environment (each engine's
 * env.template() binds its own helpers and partials to it), and evaluating
 * its source again for every engine was a tenth of a small site's build.
 * A worker thread gets the compiled form from the main thread instead
 * (TemplateSource.compiled): compiling the built-in theme cost each thread
 * about 0.3 CPU-seconds, most of it the compiler's own start.
 */
const precompiled = memoize(
  (helperNames: string, source: string): { compiled: CompiledTemplate; spec: TemplateSpecification } => {
    const ast = Handlebars.parse(source);
    const knownHelpers = Object.fromEntries(helperNames.split(',').map((name) => [name, true]));
    const spec = String(Handlebars.precompile(ast, { knownHelpers, knownHelpersOnly: true, preventIndent: true }));
    return { compiled: { helperNames, spec, partials: findPartials(ast), literalCalls: findLiteralCalls(ast) }, spec: evaluate(spec) };
  },
  { limit: 2000 },
);

function evaluate(spec: string): TemplateSpecification {
  return new Function(`return ${spec}`)() as TemplateSpecification;
}

function findPartials(node: unknown, found: PartialUse[] = []): PartialUse[] {
  if (!node || typeof node !== 'object') return found;
  const n = node as { type?: string; name?: { type: string; original: string }; loc?: { start: { line: number; column: number } } };
  if ((n.type === 'PartialStatement' || n.type === 'PartialBlockStatement') && n.name?.type === 'PathExpression' && n.loc) {
    found.push({ name: n.name.original, line: n.loc.start.line, column: n.loc.start.column });
  }
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) value.forEach((child) => findPartials(child, found));
    else if (value && typeof value === 'object' && 'type' in value) findPartials(value, found);
  }
  return found;
}

function templateError(t: TemplateSource, cause: unknown): Diagnostic {
  const e = cause as { message?: string; lineNumber?: number; column?: number };
  const message = String(e.message ?? cause);
  const parseLine = /Parse error on line (\d+)/.exec(message);
  const line = e.lineNumber ?? (parseLine ? Number(parseLine[1]) : undefined);
  const column = e.column !== undefined ? e.column + 1 : undefined;
  const firstLine = message.split('\n')[0].replace(/ - \d+:\d+$/, '');
  const detail = parseLine ? message.split('\n').slice(-1)[0] : firstLine;
  const hint = t.overriddenBy
    ? `a file of the built-in theme: override it with your own ${t.overriddenBy}; see README "The built-in theme"`
    : 'fix the template; see README "Writing templates"';
  return error(codes.templateSyntax, detail, { file: t.file, line, column, hint });
}
