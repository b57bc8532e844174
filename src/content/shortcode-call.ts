import type { Element, ElementContent } from 'hast';
import { codes } from '../diagnostics/codes.js';
import { warning, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { BodyRef } from '../graph/types.js';
import { isSafeUrl } from '../paths/safe-url.js';
import { validVideoId, videoEmbed } from './embeds.js';

// One shortcode call, whichever syntax wrote it (Hugo `{{< name … >}}`, a
// Liquid tag `{% name … %}` or `{% include name … %}`), turned into markdown
// text for the body: built-ins become markdown or a placeholder for trusted
// HTML made here; links and site partials become references the render stage
// resolves (it knows the URLs and the templates).

export interface ShortcodeCall {
  name: string;
  named: Record<string, string>;
  positional: string[];
  /** The text between an opening and a closing tag, if paired. */
  inner?: string;
  file: string;
  line: number;
  column: number;
}

/** What a body's templates produced besides text; filled as calls are expanded. */
export interface BodyOutput {
  /** Trusted HTML, put in place of `\uE000<index>\uE001` after sanitising. */
  inserts: ElementContent[];
  refs: BodyRef[];
  diagnostics: Diagnostic[];
  /** Front matter values, for `{{< param >}}`. */
  params: Record<string, unknown>;
  /** Markdown → sanitised HTML, for the inner content of a partial's call. */
  renderInner(markdown: string, line: number): string;
}

export const placeholderPattern = /\uE000(\d+)\uE001/g;

/** Partial names are looked up in a map, never used as paths. */
export const shortcodeName = /^[A-Za-z0-9][\w-]*$/;

export function insert(output: BodyOutput, element: ElementContent): string {
  output.inserts.push(element);
  return `\uE000${output.inserts.length - 1}\uE001`;
}

export function linkRef(output: BodyOutput, tag: string, target: string, place: { file: string; line: number; column: number }): string {
  output.refs.push({ kind: 'link', tag, target, ...place });
  return `ms-ref:${output.refs.length - 1}`;
}

export function refuse(output: BodyOutput, call: Pick<ShortcodeCall, 'file' | 'line' | 'column'>, message: string, hint: string): string {
  output.diagnostics.push(warning(codes.bodyTemplateRefused, message, { file: call.file, line: call.line, column: call.column, hint }));
  return '';
}

/** A fenced code block whose fence is longer than any backtick run inside. */
export function fencedCode(code: string, language: string): string {
  const longest = Math.max(2, ...[...code.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const lang = /^[\w+#.-]*$/.test(language) ? language : '';
  return `\n\n${fence}${lang}\n${code.replace(/^\n+|\s+$/g, '')}\n${fence}\n\n`;
}

export function expandShortcode(call: ShortcodeCall, output: BodyOutput): string {
  const place = { file: call.file, line: call.line, column: call.column };
  const arg = (name: string, index?: number) => call.named[name] ?? (index === undefined ? undefined : call.positional[index]);
  switch (call.name) {
    case 'figure':
      return figure(call, output);
    case 'youtube':
    case 'vimeo': {
      const id = arg('id', 0) ?? '';
      if (!validVideoId(call.name, id)) {
        return refuse(output, call, `${call.name} shortcode: ${JSON.stringify(id.slice(0, 40))} is not a ${call.name} video id`, 'give the id from the video URL, e.g. {{< youtube dQw4w9WgXcQ >}}');
      }
      return insert(output, videoEmbed(call.name, id, arg('title') ?? ''));
    }
    case 'ref':
    case 'relref':
    case 'link':
    case 'post_url':
      return linkRef(output, call.name, arg('path', 0) ?? '', place);
    case 'param': {
      const value = lookup(output.params, arg('name', 0) ?? '');
      if (value === undefined || typeof value === 'object') return refuse(output, call, `param shortcode: front matter has no value "${arg('name', 0) ?? ''}"`, 'add the key to the front matter, or remove the shortcode');
      return String(value);
    }
    case 'highlight':
      return fencedCode(call.inner ?? '', arg('lang', 0) ?? '');
    default:
      if (!shortcodeName.test(call.name)) {
        return refuse(output, call, `shortcode or include "${call.name.slice(0, 80)}" refused: names cannot contain paths`, 'name a partial templates/shortcodes/<name>.hbs, letters, digits, - and _ only');
      }
      output.refs.push({
        kind: 'shortcode',
        name: call.name,
        named: call.named,
        positional: call.positional,
        innerHtml: call.inner === undefined ? '' : output.renderInner(call.inner, call.line),
        ...place,
      });
      return insert(output, { type: 'element', tagName: 'ms-shortcode', properties: { dataRef: String(output.refs.length - 1) }, children: [] });
  }
}

function figure(call: ShortcodeCall, output: BodyOutput): string {
  const { src = '', alt, caption, title, link, width, height } = call.named;
  if (!src || !isSafeUrl(src)) return refuse(output, call, `figure shortcode: ${src ? 'unsafe' : 'missing'} src`, 'give src="/images/photo.jpg"');
  const img: Element = { type: 'element', tagName: 'img', properties: { src, alt: alt ?? caption ?? title ?? '', loading: 'lazy', ...(width ? { width } : {}), ...(height ? { height } : {}) }, children: [] };
  const linked: Element = link && isSafeUrl(link) ? { type: 'element', tagName: 'a', properties: { href: link }, children: [img] } : img;
  const text = [title, caption].filter(Boolean).join(' — ');
  const children: ElementContent[] = [linked];
  if (text) children.push({ type: 'element', tagName: 'figcaption', properties: {}, children: [{ type: 'text', value: text }] });
  if (alt === undefined && !caption && !title) {
    output.diagnostics.push(warning(codes.bodyTemplate, 'figure shortcode has no alt text', { file: call.file, line: call.line, column: call.column, hint: 'add alt="…" describing the image for readers who cannot see it' }));
  }
  return insert(output, { type: 'element', tagName: 'figure', properties: {}, children });
}

function lookup(params: Record<string, unknown>, path: string): unknown {
  let value: unknown = params;
  for (const key of path.split('.')) {
    if (!value || typeof value !== 'object' || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}
