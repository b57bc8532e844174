import { codes } from '../diagnostics/codes.js';
import type { Problem } from './problem.js';
import type { BuiltDocument, BuiltSite, Reference } from './read-built-site.js';
import { pageUrlOf, resolveReference } from './resolve-reference.js';

/** An article left out of the build: its source and why. */
export interface Unpublished {
  file: string;
  reason: 'a draft' | 'embargoed';
}

export interface LinkCheckInputs {
  site: BuiltSite;
  baseUrl: string;
  /** Output path of each page → the ids on it. */
  ids: ReadonlyMap<string, ReadonlySet<string>>;
  /** Output path a draft or embargoed article would have → its source. */
  unpublished: ReadonlyMap<string, Unpublished>;
}

export interface ExternalReference {
  url: string;
  document: BuiltDocument;
  reference: Reference;
}

/** Every internal reference must lead to a built file (and an id on it); external ones are returned for --external. */
export function checkLinks({ site, baseUrl, ids, unpublished }: LinkCheckInputs): { problems: Problem[]; external: ExternalReference[] } {
  const problems: Problem[] = [];
  const external: ExternalReference[] = [];
  for (const document of site.documents) {
    const pageUrl = pageUrlOf(document.file, baseUrl);
    for (const reference of document.references) {
      const target = resolveReference(reference.value, pageUrl, baseUrl);
      if (target.kind === 'skip') continue;
      if (target.kind === 'external') {
        external.push({ url: target.url, document, reference });
        continue;
      }
      const shown = target.fragment ? `${target.path}#${target.fragment}` : target.path;
      const add = (code: string, message: string, hint: string) =>
        problems.push({ code, severity: 'error', message, hint, document, offset: reference.offset, itemUrl: reference.itemUrl, needles: needlesOf(reference.value, target.path, shown) });
      const file = target.file && findFile(site.files, target.file);
      const left = target.file && unpublished.get(target.file);
      if (left) add(codes.unpublishedLink, `link to "${target.path}", an article that is ${left.reason} (${left.file})`, 'remove the link, or publish the article first');
      else if (!file) add(codes.brokenLink, `link to "${shown}" leads to no page or file of the site`, 'correct the address, or add the page it should lead to');
      else if (target.fragment && ids.has(file) && !ids.get(file)!.has(target.fragment)) {
        add(codes.missingAnchor, `link to "${shown}": the page has no element with id "${target.fragment}"`, 'link to an id the page has (a heading\'s id comes from its text)');
      }
    }
  }
  return { problems, external };
}

/** The built file a path names; `/a` is served from `a/index.html` by static hosts too. */
function findFile(files: ReadonlySet<string>, file: string): string | undefined {
  if (files.has(file)) return file;
  const index = `${file}/index.html`;
  return files.has(index) ? index : undefined;
}

/** How the link may be written in markdown: as it is in the output, or site-relative. */
function needlesOf(value: string, path: string, shown: string): string[] {
  return [...new Set([`](${value}`, `](${shown}`, `](${path}`, value, shown])];
}
