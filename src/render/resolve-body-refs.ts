import { codes } from '../diagnostics/codes.js';
import { warning, type Diagnostic } from '../diagnostics/diagnostic.js';
import { bodyRefMarkers, type BodyRef, type PageNode, type PostNode, type SiteGraph } from '../graph/types.js';
import { toSiteUrl } from '../paths/site-urls.js';
import type { TemplateEngine } from './template-engine.js';

// The render half of body templates. Parsing (in workers, cached) cannot know
// other posts' URLs or run Handlebars, so it leaves references in the HTML:
// `ms-ref:<n>` where a link's URL goes, `<ms-shortcode data-ref="<n>">` where a
// partial goes. Here they become the target's URL and the partial's HTML,
// before pages, feeds and the search index read the body; a page's signature
// then covers the result (see pipeline/route-signatures.ts).

// A partial's output may hold the inner content's own references.
const maxDepth = 8;

type BodyNode = PostNode | PageNode;

/** Replaces the references in every post and page body; returns a warning for each one that cannot be resolved. */
export function resolveBodyRefs(nodes: readonly BodyNode[], graph: SiteGraph, engine: TemplateEngine, baseUrl: string): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const targets = indexTargets([...graph.posts, ...graph.pages]);
  for (const node of nodes) {
    const refs = node.bodyRefs;
    if (!refs) continue;
    const resolve = (html: string, depth: number): string =>
      html.replace(bodyRefMarkers, (_, shortcodeIndex: string | undefined, linkIndex: string | undefined) => {
        const ref = refs[Number(shortcodeIndex ?? linkIndex)];
        if (!ref) return '';
        if (ref.kind === 'link') return escapeAttribute(linkUrl(ref, targets, baseUrl, diagnostics));
        if (shortcodeIndex === undefined || depth >= maxDepth) return '';
        const html = engine.renderShortcode(ref.name, shortcodeContext(ref, node), node.sourcePath);
        if (html === undefined) {
          diagnostics.push(
            warning(codes.shortcodeMissing, `shortcode "${ref.name}" has no template; nothing is shown in its place`, {
              file: ref.file,
              line: ref.line,
              column: ref.column,
              hint: `create templates/shortcodes/${ref.name}.hbs (its arguments are {{args}} by position and {{named.key}} by name, its content {{{inner}}})`,
            }),
          );
          return '';
        }
        return resolve(html, depth + 1);
      });
    node.html = resolve(node.html, 0);
  }
  return diagnostics;
}

function shortcodeContext(ref: Extract<BodyRef, { kind: 'shortcode' }>, node: BodyNode) {
  // Named arguments also at the top level, as Jekyll's {{ include.key }} and Hugo's .Get "key" read them.
  return { ...ref.named, named: ref.named, args: ref.positional, inner: ref.innerHtml, include: ref.named, page: { title: node.title, url: node.url } };
}

/** Source files by the names a link may use: `posts/2010-07-21-name`, `2010-07-21-name`, a bundle's folder name. */
function indexTargets(nodes: readonly BodyNode[]): Map<string, BodyNode[]> {
  const index = new Map<string, BodyNode[]>();
  const add = (key: string, node: BodyNode) => index.set(key, [...(index.get(key) ?? []), node]);
  for (const node of nodes) {
    const path = node.sourcePath.replace(/^content\//, '').replace(/\.[^/.]+$/, '').replace(/\/_?index$/, '');
    add(path, node);
    const base = path.replace(/^.*\//, '');
    if (base !== path) add(base, node);
  }
  return index;
}

function linkUrl(ref: Extract<BodyRef, { kind: 'link' }>, targets: Map<string, BodyNode[]>, baseUrl: string, diagnostics: Diagnostic[]): string {
  const [path, fragment] = ref.target.split('#', 2);
  const key = path
    .trim()
    .replace(/^\/+|\/+$/g, '')
    .replace(/^(content|_posts|_drafts)\//, '')
    .replace(/\.[^/.]+$/, '')
    .replace(/\/_?index$/, '');
  const found = key ? targets.get(key) ?? targets.get(key.replace(/^.*\//, '')) : undefined;
  if (!found) {
    diagnostics.push(
      warning(codes.bodyLinkTarget, `${ref.tag} "${ref.target}": no post or page has that file name; the link leads nowhere`, {
        file: ref.file,
        line: ref.line,
        column: ref.column,
        hint: 'use the file name of a post in content/posts/ (for post_url without extension, e.g. 2024-05-01-title)',
      }),
    );
    return '#';
  }
  if (found.length > 1) {
    diagnostics.push(
      warning(codes.bodyLinkTarget, `${ref.tag} "${ref.target}" matches ${found.length} files (${found.map((n) => n.sourcePath).join(', ')}); linking the first`, {
        file: ref.file,
        line: ref.line,
        column: ref.column,
        hint: 'give more of the path, e.g. posts/2024/name',
      }),
    );
  }
  // Jekyll's post_url gives the path without the site's base path (posts write {{ site.baseurl }}{% post_url … %}); link, ref and relref include it.
  const url = ref.tag === 'post_url' ? found[0].url : toSiteUrl(found[0].url, baseUrl);
  return url + (fragment ? `#${fragment}` : '');
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
