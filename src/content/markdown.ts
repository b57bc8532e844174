import type { Root as HastRoot, Element, ElementContent, Parent as HastParent } from 'hast';
import type { Root as MdastRoot, Nodes as MdastNodes, Parent as MdastParent } from 'mdast';
import { createRequire } from 'node:module';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified, type Processor } from 'unified';
import { codes } from '../diagnostics/codes.js';
import { error, warning, type Diagnostic } from '../diagnostics/diagnostic.js';
import { slugify } from '../text/slugify.js';
import type { Heading } from '../graph/types.js';
import { mayContainAutolinkLiteral, remarkGfmLite } from './remark-gfm-lite.js';
import { isSafeUrl, unsafeUrlHint } from '../paths/safe-url.js';
import { defaultEmbedHosts } from './embeds.js';
import { auditHtml, htmlSchema } from './sanitize-html.js';
import { placeholderPattern } from './shortcode-call.js';

// The only unified import in the generator. Input and output are plain data so
// this can run in a worker thread.

export interface MarkdownOptions {
  rawHtml: 'drop' | 'sanitize';
  /** Hosts whose <iframe> embeds raw HTML may keep (default: YouTube and Vimeo). */
  embedHosts?: readonly string[];
}

export interface MarkdownInput {
  body: string;
  file: string;
  /** File line of the body's first line, so positions point into the source file. */
  bodyLine: number;
  /** Trusted HTML made by body templates, put in place of their placeholders after sanitising. */
  inserts?: readonly ElementContent[];
}

export interface MarkdownResult {
  html: string;
  headings: Heading[];
  wordCount: number;
  /** Plain text of the first paragraph, for the default summary. */
  firstParagraph: string;
  diagnostics: Diagnostic[];
}

const processors = new Map<string, Processor<MdastRoot, MdastRoot, HastRoot, HastRoot, string>>();

/** Per-file state for the audit step, which runs inside the frozen processor. */
let audit: { file: string; bodyLine: number; embedHosts: readonly string[]; diagnostics: Diagnostic[] } | undefined;
function rehypeAudit() {
  return (tree: HastRoot) => {
    if (audit) auditHtml(tree, audit);
  };
}

// Loaded when a body first needs them: with parse5 and mdast-util-to-markdown (which
// remark-gfm brings and nothing here uses) they are about 130 modules, loaded by
// every CLI run and worker thread that parses a body, and most bodies need neither.
const load = createRequire(import.meta.url);
const remarkGfm = (): typeof import('remark-gfm').default => (load('remark-gfm') as typeof import('remark-gfm')).default;
const rehypeRaw = (): typeof import('rehype-raw').default => (load('rehype-raw') as typeof import('rehype-raw')).default;

/**
 * `rawHtml` picks the pipeline; a body with no `<` cannot hold raw HTML, so it
 * skips rehype-raw's full HTML re-parse (the same tree either way, which
 * test/content/body-templates.test.ts checks).
 */
function processorFor(options: MarkdownOptions, autolinkLiterals: boolean, mayHoldHtml: boolean) {
  const sanitize = options.rawHtml === 'sanitize';
  const key = `${options.rawHtml}|${autolinkLiterals}|${sanitize && mayHoldHtml}`;
  let processor = processors.get(key);
  if (!processor) {
    const base = unified().use(remarkParse).use(autolinkLiterals ? remarkGfm() : remarkGfmLite);
    processor = (
      sanitize && mayHoldHtml
        ? base.use(remarkRehype, { allowDangerousHtml: true }).use(rehypeRaw()).use(rehypeAudit).use(rehypeSanitize, htmlSchema)
        : sanitize
          ? base.use(remarkRehype).use(rehypeAudit).use(rehypeSanitize, htmlSchema)
          : base.use(remarkRehype)
    )
      .use(rehypeStringify)
      .freeze() as unknown as Processor<MdastRoot, MdastRoot, HastRoot, HastRoot, string>;
    processors.set(key, processor);
  }
  return processor;
}

export function renderMarkdown(input: MarkdownInput, options: MarkdownOptions): MarkdownResult {
  const processor = processorFor(options, mayContainAutolinkLiteral(input.body), input.body.includes('<'));
  const diagnostics: Diagnostic[] = [];
  const tooDeep = (line: number, column: number): MarkdownResult => ({
    html: '',
    headings: [],
    wordCount: 0,
    firstParagraph: '',
    diagnostics: [
      error(codes.contentTooDeep, `markdown is nested more than ${maxDepth} levels deep`, {
        file: input.file,
        line,
        column,
        hint: 'reduce the nesting of quotes and lists',
      }),
    ],
  });
  let mdast: MdastRoot;
  try {
    mdast = processor.parse(input.body);
  } catch (e) {
    // Some of unified's tree walks recurse once per nesting level.
    if (e instanceof RangeError) return tooDeep(input.bodyLine, 1);
    throw e;
  }
  const place = (node: MdastNodes) => ({
    file: input.file,
    line: (node.position?.start.line ?? 1) + input.bodyLine - 1,
    column: node.position?.start.column ?? 1,
  });

  const deepest = findTooDeep(mdast);
  if (deepest) return tooDeep(place(deepest).line, place(deepest).column);

  const text = { words: 0, firstParagraph: '' };
  walkMdast(mdast, (node) => {
    if (node.type === 'html' && options.rawHtml === 'drop' && node.value.trim() !== '') {
      diagnostics.push(
        warning(codes.rawHtmlDropped, 'raw HTML in markdown was dropped', {
          ...place(node),
          hint: 'write it as markdown, or set "markdown": {"rawHtml": "sanitize"} in site.config.json to keep safe HTML',
        }),
      );
    }
    if ((node.type === 'link' || node.type === 'image' || node.type === 'definition') && !isSafeUrl(node.url)) {
      diagnostics.push(
        warning(codes.unsafeLink, `unsafe link target removed: ${JSON.stringify(node.url.slice(0, 80))}`, {
          ...place(node),
          hint: unsafeUrlHint,
        }),
      );
      node.url = '';
    }
    if (node.type === 'text' || node.type === 'inlineCode') text.words += countWords(withoutPlaceholders(node.value));
    if (node.type === 'paragraph' && !text.firstParagraph) text.firstParagraph = withoutPlaceholders(plainText(node)).trim();
  });

  audit = { file: input.file, bodyLine: input.bodyLine, embedHosts: options.embedHosts ?? defaultEmbedHosts, diagnostics };
  let hast: HastRoot;
  try {
    hast = processor.runSync(mdast);
  } finally {
    audit = undefined;
  }
  if (input.inserts) replacePlaceholders(hast, input.inserts);
  const headings = addHeadingIds(hast);
  return {
    html: processor.stringify(hast),
    headings,
    wordCount: text.words,
    firstParagraph: text.firstParagraph,
    diagnostics,
  };
}

// unified's transforms recurse per level; real articles never nest this deep.
const maxDepth = 100;

function findTooDeep(root: MdastRoot): MdastNodes | undefined {
  const stack: [MdastNodes, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > maxDepth) return node;
    if ('children' in node) for (const child of node.children) stack.push([child, depth + 1]);
  }
  return undefined;
}

/** Iterative so that deeply nested input cannot overflow the stack. */
function walkMdast(root: MdastRoot, visit: (node: MdastNodes) => void): void {
  const stack: MdastNodes[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    visit(node);
    if ('children' in node) {
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
    }
  }
}

function plainText(node: MdastParent): string {
  let out = '';
  walkMdast(node as MdastRoot, (n) => {
    if (n.type === 'text' || n.type === 'inlineCode') out += n.value;
    else if (n.type === 'break') out += ' ';
  });
  return out.replace(/\s+/g, ' ');
}

/** A figure or video made by a body template is not part of the text. */
function withoutPlaceholders(text: string): string {
  return text.replace(placeholderPattern, '');
}

function countWords(text: string): number {
  const matches = text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu);
  return matches ? matches.length : 0;
}

/**
 * Puts the trusted HTML of body templates where their placeholders are: a
 * placeholder alone in a paragraph replaces the paragraph (a figure, a video),
 * one inside text becomes inline.
 */
function replacePlaceholders(tree: HastRoot, inserts: readonly ElementContent[]): void {
  const visit = (parent: HastParent) => {
    const out: typeof parent.children = [];
    for (const child of parent.children) {
      if (child.type === 'element' && child.tagName === 'p' && child.children.every((c) => c.type === 'text' && /^\s*(\uE000\d+\uE001\s*)+$/.test(c.value))) {
        out.push(...child.children.flatMap((c) => splitPlaceholders((c as { value: string }).value, inserts).filter((n) => n.type !== 'text' || n.value.trim() !== '')));
      } else if (child.type === 'text' && child.value.includes('\uE000')) {
        out.push(...splitPlaceholders(child.value, inserts));
      } else {
        if ('children' in child) visit(child);
        out.push(child);
      }
    }
    parent.children = out;
  };
  visit(tree);
}

function splitPlaceholders(text: string, inserts: readonly ElementContent[]): ElementContent[] {
  const nodes: ElementContent[] = [];
  let cursor = 0;
  for (const m of text.matchAll(placeholderPattern)) {
    if (m.index > cursor) nodes.push({ type: 'text', value: text.slice(cursor, m.index) });
    const insert = inserts[Number(m[1])];
    if (insert) nodes.push(structuredClone(insert));
    cursor = m.index + m[0].length;
  }
  if (cursor < text.length) nodes.push({ type: 'text', value: text.slice(cursor) });
  return nodes;
}

function hastText(node: ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') return node.children.map(hastText).join('');
  return '';
}

/** GitHub-style ids on h2–h6 (anchors for a table of contents), de-duplicated in document order. */
function addHeadingIds(tree: HastRoot): Heading[] {
  const headings: Heading[] = [];
  const used = new Map<string, number>();
  for (const node of tree.children) {
    if (node.type !== 'element' || !/^h[1-6]$/.test(node.tagName)) continue;
    const element = node as Element;
    const text = hastText(element).trim();
    const base = slugify(text) || 'section';
    const seen = used.get(base) ?? 0;
    used.set(base, seen + 1);
    const id = seen === 0 ? base : `${base}-${seen}`;
    element.properties = { ...element.properties, id };
    headings.push({ depth: Number(element.tagName[1]), id, text });
  }
  return headings;
}
