import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The first template syntax (Liquid, Hugo shortcodes, unresolved body
 * references) a reader would see in a built site's pages and feeds, outside
 * code blocks and scripts, as `file: …context…`; undefined when there is none.
 * `shownOnPurpose` removes text the articles show literally on purpose.
 */
export function findTemplateSyntax(distDir: string, shownOnPurpose?: RegExp): string | undefined {
  const files = (readdirSync(distDir, { recursive: true }) as string[]).filter((f) => /\.(html|xml|json)$/.test(f));
  for (const file of files) {
    const raw = readFileSync(join(distDir, file), 'utf8');
    // Feeds carry article HTML escaped (XML) or as JSON strings: read it as HTML.
    const html = file.endsWith('.json') ? feedItemsHtml(raw) : file.endsWith('.xml') ? decodeXml(raw) : raw;
    let shown = html.replace(/<pre[\s\S]*?<\/pre>|<code>[\s\S]*?<\/code>|<script[\s\S]*?<\/script>/g, '');
    if (shownOnPurpose) shown = shown.replace(shownOnPurpose, '');
    const found = /\{%|%\}|\{\{|\}\}|ms-ref:|<ms-shortcode|\uE000/.exec(shown);
    if (found) return `${file}: …${shown.slice(found.index - 200, found.index + 200)}…`;
  }
  return undefined;
}

/** The article HTML of a JSON feed; other JSON files (the search index) carry no article markup. */
function feedItemsHtml(raw: string): string {
  const items = (JSON.parse(raw) as { items?: { content_html?: string }[] }).items ?? [];
  return items.map((item) => item.content_html ?? '').join('\n');
}

function decodeXml(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}
