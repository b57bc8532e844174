import { codes } from '../diagnostics/codes.js';
import type { MarkupElement } from './parse-markup.js';
import type { Problem } from './problem.js';
import type { BuiltDocument } from './read-built-site.js';

// Rules for each built page on its own: a title, a canonical URL, unique ids,
// headings with text, images with alt text.

/** The not-found page is served at any URL, so it has no canonical one. */
const withoutCanonical = new Set(['404.html']);

export function checkPage(page: BuiltDocument): Problem[] {
  const problems: Problem[] = [];
  const add = (code: string, element: MarkupElement | undefined, message: string, hint: string, needles: string[] = [], severity: Problem['severity'] = 'error') =>
    problems.push({ code, severity, message, hint, document: page, offset: element?.offset ?? 0, needles });
  const { elements } = page;

  const title = elements.find((e) => e.name === 'title');
  if (!title?.text.trim()) add(codes.missingTitle, title, 'page has no title', 'give the page a non-empty <title> in its layout');
  if (!withoutCanonical.has(page.file) && !elements.some((e) => e.name === 'link' && /\bcanonical\b/i.test(e.attrs.rel ?? '') && e.attrs.href)) {
    add(codes.missingCanonical, title, 'page has no canonical URL', 'add <link rel="canonical" href="{{absUrl meta.url}}"> to the head (partials/seo.hbs)');
  }
  const ids = new Set<string>();
  for (const e of elements) {
    const id = e.attrs.id;
    if (id !== undefined) {
      if (ids.has(id)) add(codes.duplicateId, e, `id "${id}" is used more than once on the page`, 'ids must be unique: rename one of them (a heading\'s id comes from its text)');
      ids.add(id);
    }
    if (/^h[1-6]$/.test(e.name) && !e.text.trim()) add(codes.emptyHeading, e, `empty <${e.name}> heading`, 'give the heading text, or remove it', [], 'warning');
    if (e.name === 'img' && !e.attrs.alt) {
      add(codes.missingAlt, e, `image "${e.attrs.src ?? ''}" has no alt text`, 'describe the image: ![what it shows](src) in markdown, alt="…" in a template', imageNeedles(e));
      // An empty alt marks a decorative image in a template; in markdown, where nothing else can, it is a missing description.
      if (e.attrs.alt === '') problems[problems.length - 1].onlyInSource = true;
    }
  }
  return problems;
}

function imageNeedles(e: MarkupElement): string[] {
  return e.attrs.src ? [`](${e.attrs.src}`, e.attrs.src] : [];
}

export function idsOf(page: BuiltDocument): Set<string> {
  return new Set(page.elements.flatMap((e) => [e.attrs.id, e.name === 'a' ? e.attrs.name : undefined]).filter((id): id is string => id !== undefined));
}
