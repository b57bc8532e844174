import { codes } from '../diagnostics/codes.js';
import { warning } from '../diagnostics/diagnostic.js';
import { expandShortcode, type BodyOutput } from './shortcode-call.js';

// Hugo shortcodes in a body: `{{< name args >}}`, `{{% name args %}}`, with or
// without spaces, self-closing `/>}}`, paired with `{{< /name >}}`, and the
// comment form `{{</* name */>}}` that Hugo prints literally.

const tagPattern = /\{\{([<%])\s*(?:(\/\*[\s\S]*?\*\/)|(\/)?\s*([^\s>%}"'`]+)([\s\S]*?))\s*(\/)?\s*([>%])\}\}/g;

interface Tag {
  start: number;
  end: number;
  closing: boolean;
  selfClosing: boolean;
  name: string;
  args: string;
  /** Literal text for the comment form. */
  literal?: string;
}

export function hasHugoShortcodes(body: string): boolean {
  return /\{\{[<%]/.test(body);
}

/** Expands every shortcode in `body`; positions are reported against the source file. */
export function expandHugoShortcodes(body: string, file: string, bodyLine: number, output: BodyOutput): string {
  const tags: Tag[] = [];
  for (const m of body.matchAll(tagPattern)) {
    const [text, open, comment, slash, name = '', args = '', selfClose, close] = m;
    if (comment !== undefined) {
      tags.push({ start: m.index, end: m.index + text.length, closing: false, selfClosing: true, name: '', args: '', literal: `{{${open}${comment.slice(2, -2)}${close}}}` });
    } else {
      tags.push({ start: m.index, end: m.index + text.length, closing: !!slash, selfClosing: !!selfClose, name, args });
    }
  }
  const placeOf = (offset: number) => {
    const before = body.slice(0, offset);
    const line = before.split('\n').length;
    return { file, line: line + bodyLine - 1, column: offset - before.lastIndexOf('\n') };
  };

  // Pair each closing tag with the nearest open one of its name.
  const partner = new Map<number, number>();
  const open: number[] = [];
  tags.forEach((tag, i) => {
    if (tag.literal !== undefined || tag.selfClosing) return;
    if (!tag.closing) return void open.push(i);
    const at = open.map((j) => tags[j].name).lastIndexOf(tag.name);
    if (at >= 0) {
      partner.set(open[at], i);
      open.splice(at);
    }
  });

  let out = '';
  let cursor = 0;
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i];
    if (tag.start < cursor) continue;
    out += body.slice(cursor, tag.start);
    cursor = tag.end;
    const place = placeOf(tag.start);
    if (tag.literal !== undefined) {
      out += tag.literal;
      continue;
    }
    if (tag.closing) {
      output.diagnostics.push(warning(codes.bodyTemplate, `closing shortcode {{< /${tag.name} >}} has no opening tag; removed`, { ...place, hint: `remove it, or add {{< ${tag.name} >}} before it` }));
      continue;
    }
    const close = partner.get(i);
    const inner = close === undefined ? undefined : body.slice(tag.end, tags[close].start);
    if (close !== undefined) cursor = tags[close].end;
    const { named, positional } = parseArgs(tag.args);
    const expanded = expandShortcode({ name: tag.name, named, positional, inner, ...place }, output);
    // Keep the line count, so later positions in the body still point at the right line.
    out += expanded + '\n'.repeat(Math.max(0, countLines(body.slice(tag.start, cursor)) - countLines(expanded)));
  }
  return out + body.slice(cursor);
}

function countLines(text: string): number {
  return text.split('\n').length - 1;
}

/** `a "b c" key="v" k2=v2 \`raw\`` → positional and named arguments. */
export function parseArgs(text: string): { named: Record<string, string>; positional: string[] } {
  const named: Record<string, string> = Object.create(null) as Record<string, string>;
  const positional: string[] = [];
  for (const m of text.matchAll(/(?:([A-Za-z_][\w-]*)\s*[=:]\s*)?(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|`([^`]*)`|([^\s"'`]+))/g)) {
    const value = m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : (m[3] ?? m[4] ?? m[5] ?? '');
    if (m[1] !== undefined) named[m[1]] = value;
    else positional.push(value);
  }
  return { named: { ...named }, positional };
}
