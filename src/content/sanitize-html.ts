import type { Element, ElementContent, Properties, Root as HastRoot, RootContent } from 'hast';
import { defaultSchema, type Options as Schema } from 'rehype-sanitize';
import { codes } from '../diagnostics/codes.js';
import { warning, type Diagnostic } from '../diagnostics/diagnostic.js';
import { isSafeUrl, unsafeUrlHint } from '../paths/safe-url.js';
import { embedHostOf, embedProperties } from './embeds.js';

// Raw HTML in markdown, the way GitHub keeps it: an allowlist of elements and
// attributes (rehype-sanitize's schema, widened for the figures, videos and
// embeds archives carry). rehype-sanitize enforces the schema but says nothing
// about what it removed, so auditHtml walks the tree first, removes the same
// things itself and reports each one at its line, and gives ids and names the
// `user-content-` prefix, so content can never clobber the theme's DOM
// (`<img name="getElementById">`, `id="site-menu"`); rehype-sanitize then runs
// as the backstop. Heading ids are added after this, unprefixed, for anchors.

const extraTags = ['figure', 'figcaption', 'video', 'audio', 'track', 'iframe', 'mark', 'small', 'cite', 'abbr', 'time', 'caption', 'colgroup', 'col', 'u', 'center'];

export const htmlSchema: Schema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []), ...extraTags],
  strip: ['script', 'style'],
  attributes: {
    ...defaultSchema.attributes,
    img: [...(defaultSchema.attributes?.img ?? []), 'srcSet', 'sizes', 'loading'],
    video: ['src', 'poster', 'controls', 'loop', 'muted', 'playsInline', 'preload'],
    audio: ['src', 'controls', 'loop', 'preload'],
    source: ['src', 'srcSet', 'type', 'media', 'sizes'],
    track: ['src', 'kind', 'label', 'srcLang', 'default'],
    iframe: ['src', 'title', 'allow', 'allowFullScreen', 'sandbox', 'loading', 'referrerPolicy', 'frameBorder'],
    blockquote: [...(defaultSchema.attributes?.blockquote ?? []), ['className', 'twitter-tweet', 'instagram-media']],
    time: ['dateTime'],
  },
  // Schemes are checked by auditHtml against the one list in paths/safe-url.ts,
  // which keeps legitimate ones (rsync:, ftp:, tel:) that GitHub's list drops.
  protocols: {},
  // auditHtml adds the prefix, once: footnote ids from remark-rehype already carry it.
  clobberPrefix: '',
};

const clobberPrefix = 'user-content-';
const clobbering = new Set(defaultSchema.clobber);

const urlProperties = ['href', 'src', 'cite', 'longDesc', 'poster', 'action', 'formAction'];
const allowedTags = new Set(htmlSchema.tagNames);
const strippedTags = new Set(htmlSchema.strip);

export interface AuditContext {
  file: string;
  bodyLine: number;
  embedHosts: readonly string[];
  diagnostics: Diagnostic[];
}

/** Removes (and reports) what the schema does not allow, and makes allowed embeds safe. Mutates `tree`. */
export function auditHtml(tree: HastRoot, context: AuditContext): void {
  tree.children = auditChildren(tree.children, [], context) as RootContent[];
}

function auditChildren(children: readonly RootContent[], ancestors: string[], context: AuditContext): RootContent[] {
  const out: RootContent[] = [];
  for (const child of children) {
    if (child.type !== 'element') {
      out.push(child);
      continue;
    }
    const place = { file: context.file, line: (child.position?.start.line ?? 1) + context.bodyLine - 1, column: child.position?.start.column };
    const tag = child.tagName;
    if (tag === 'iframe') {
      const host = embedHostOf(String(child.properties.src ?? ''), context.embedHosts);
      if (!host) {
        context.diagnostics.push(
          warning(codes.embedRemoved, `embed removed: <iframe> from ${JSON.stringify(String(child.properties.src ?? '').slice(0, 80))}`, {
            ...place,
            hint: 'embeds are kept only from hosts listed in "markdown": {"embedHosts": [...]} in site.config.json',
          }),
        );
        continue;
      }
      child.properties = { ...pickAllowed(child, place, context), ...embedProperties(child.properties) };
      child.children = [];
      out.push(child);
      continue;
    }
    if (strippedTags.has(tag)) {
      context.diagnostics.push(warning(codes.rawHtmlRemoved, `raw HTML removed: <${tag}> element and its content`, { ...place, hint: 'pages never run scripts or styles from articles' }));
      continue;
    }
    const required = htmlSchema.ancestors?.[tag];
    if (!allowedTags.has(tag) || (required && !ancestors.some((a) => required.includes(a)))) {
      context.diagnostics.push(
        warning(codes.rawHtmlRemoved, `raw HTML removed: <${tag}> tag (its text is kept)`, { ...place, hint: 'use markdown or an allowed element (see README "Raw HTML")' }),
      );
      out.push(...auditChildren(child.children as RootContent[], ancestors, context));
      continue;
    }
    child.properties = pickAllowed(child, place, context);
    child.children = auditChildren(child.children as RootContent[], [...ancestors, tag], context) as ElementContent[];
    out.push(child);
  }
  return out;
}

/** The properties of `element` the schema allows, reporting the others once per element. */
function pickAllowed(element: Element, place: { file: string; line: number; column?: number }, context: AuditContext): Properties {
  const kept: Properties = {};
  const removed: string[] = [];
  for (const [name, value] of Object.entries(element.properties)) {
    const allowedValue = allowedPropertyValue(element.tagName, name, value);
    if (allowedValue === undefined) removed.push(name);
    else if (clobbering.has(name)) kept[name] = withClobberPrefix(allowedValue);
    // An HTML re-parse turns a `data-*` flag into "", so bodies with and without raw HTML serialise alike.
    else kept[name] = allowedValue === true && /^data[A-Z]/.test(name) ? '' : allowedValue;
  }
  if (removed.length > 0) {
    const unsafe = removed.filter((n) => urlProperties.includes(n));
    context.diagnostics.push(
      warning(
        unsafe.length > 0 ? codes.unsafeLink : codes.rawHtmlRemoved,
        `raw HTML removed: ${removed.map(attributeName).join(', ')} from <${element.tagName}>`,
        { ...place, hint: unsafe.length > 0 ? unsafeUrlHint : 'event handlers, styles and unknown attributes are not kept' },
      ),
    );
  }
  return kept;
}

function allowedPropertyValue(tag: string, name: string, value: Properties[string]): Properties[string] | undefined {
  const definitions = [...(htmlSchema.attributes?.[tag] ?? []), ...(htmlSchema.attributes?.['*'] ?? [])];
  for (const definition of definitions) {
    if (definition === name) return urlProperties.includes(name) || name === 'srcSet' ? safeUrlValue(name, value) : value;
    if (Array.isArray(definition) && definition[0] === name) {
      const allowed = definition.slice(1);
      if (allowed.length === 0) return value;
      const values = Array.isArray(value) ? value : [value];
      const kept = values.filter((v) => allowed.some((a) => (a instanceof RegExp ? a.test(String(v)) : a === v)));
      if (kept.length === 0) return undefined;
      return Array.isArray(value) ? (kept as (string | number)[]) : kept[0];
    }
  }
  return undefined;
}

function safeUrlValue(name: string, value: Properties[string]): Properties[string] | undefined {
  const text = String(value ?? '');
  if (name === 'srcSet') return text.split(',').every((candidate) => isSafeUrl(candidate.trim().split(/\s+/)[0] ?? '')) ? value : undefined;
  return isSafeUrl(text) ? value : undefined;
}

/** `onClick` → `onclick`, `dataFoo` → `data-foo`: the attribute as the author wrote it. */
function attributeName(property: string): string {
  if (property.startsWith('data') && /^data[A-Z]/.test(property)) return `data-${property.slice(4).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
  return property.toLowerCase();
}

function withClobberPrefix(value: Properties[string]): Properties[string] {
  const prefix = (v: string) => (v.startsWith(clobberPrefix) ? v : clobberPrefix + v);
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? prefix(v) : v));
  return typeof value === 'string' ? prefix(value) : value;
}
