import type { SiteConfig } from '../config/schema.js';
import { codes } from '../diagnostics/codes.js';
import { error, warning, type Diagnostic } from '../diagnostics/diagnostic.js';
import { didYouMean } from '../text/did-you-mean.js';
import { compareCodeUnits, compareNames } from './compare-names.js';
import { keyPlace } from './key-place.js';
import { expandPermalink } from './permalink.js';
import { checkSlug, slugify } from '../text/slugify.js';
import { termKey } from './term-key.js';
import type { Author, AuthorNode, PostNode } from './types.js';

export interface Authors {
  /** Every author, with or without published posts, by name. */
  authors: AuthorNode[];
  /** By identity key of the id (see termKey). */
  byKey: Map<string, AuthorNode>;
  diagnostics: Diagnostic[];
}

const IDS_LISTED = 20;

/**
 * Author pages and each post's `authors` (published posts, graph order, so every
 * author's `posts` come out newest first). An author id that is already a clean slug
 * is its own slug; otherwise it is slugified. A name with no author file becomes
 * a byline author (name, page, posts; no bio) unless `content.requireAuthorFiles`.
 */
export function buildAuthors(authors: readonly Author[], posts: readonly PostNode[], config: SiteConfig): Authors {
  const diagnostics: Diagnostic[] = [];
  const byKey = new Map<string, AuthorNode>();
  const unusable = new Set<string>();
  for (const author of authors) {
    const slug = slugify(author.id) === author.id ? author.id : slugify(author.id);
    const problem = slug === '' ? 'it has no letters or digits' : checkSlug(slug);
    if (problem) {
      diagnostics.push(error(codes.badSlug, `author id "${author.id}" cannot be a URL: ${problem}`, { file: author.sourcePath, hint: 'rename the author file to a plain name such as "maria-lopez.md"' }));
      unusable.add(termKey(author.id));
      continue;
    }
    const key = termKey(author.id);
    const twin = byKey.get(key);
    if (twin) {
      // Amina-X.md and amina-x.md are one author to articles (ids match ignoring case), so one would vanish silently.
      diagnostics.push(
        error(codes.authorTwins, `author files ${twin.sourcePath} and ${author.sourcePath} name the same author`, {
          file: author.sourcePath,
          hint: 'author ids are matched ignoring case and accents: merge the two files into one',
        }),
      );
      continue;
    }
    const url = expandPermalink(config.permalinks.author, { slug, timeZone: config.timeZone });
    byKey.set(key, { ...author, slug, url, posts: [] });
  }
  const known = [...byKey.values()].map((a) => a.id).sort(compareCodeUnits);
  const findFile = fileAuthorFinder([...byKey.values()]);
  const bylines = new Map<string, AuthorNode>();
  /** An author written as free text with no file: a byline with its own page, unless the site asks for files. */
  const byline = (name: string, post: PostNode): AuthorNode | undefined => {
    if (config.content.requireAuthorFiles) {
      diagnostics.push(error(codes.unknownAuthor, `unknown author "${name}"`, { ...keyPlace(post, 'authors', 'author'), hint: knownHint(known) }));
      return undefined;
    }
    const slug = slugify(name);
    const problem = slug === '' ? 'it has no letters or digits' : checkSlug(slug);
    if (problem) {
      diagnostics.push(error(codes.badSlug, `author "${name}" cannot be a URL: ${problem}`, { ...keyPlace(post, 'authors', 'author'), hint: 'write the author\'s name, e.g. author: Ana Ruiz' }));
      return undefined;
    }
    const near = didYouMean(name, known);
    if (near !== undefined) {
      diagnostics.push(warning(codes.unknownAuthor, `author "${name}" has no file in content/authors/; shown as a byline`, { ...keyPlace(post, 'authors', 'author'), hint: `did you mean "${near}"?` }));
    }
    let node = bylines.get(slug);
    if (!node) {
      const url = expandPermalink(config.permalinks.author, { slug, timeZone: config.timeZone });
      node = { id: slug, sourcePath: post.sourcePath, name: name.trim(), social: {}, bioHtml: '', slug, url, posts: [] };
      bylines.set(slug, node);
    } else if (node.name === slug && name.trim() !== slug) {
      // "Joel Okoro" reads better than the id-like "joel-okoro" another post wrote.
      node.name = name.trim();
    }
    const link = post.authorLinks?.[name];
    if (link && !node.social.website) node.social = { ...node.social, website: link };
    return node;
  };
  for (const post of posts) {
    post.authors = [];
    for (const id of post.authorIds) {
      const key = termKey(id);
      if (unusable.has(key)) continue;
      const author = byKey.get(key) ?? findFile(id) ?? byline(id, post);
      if (!author || post.authors.includes(author)) continue;
      post.authors.push(author);
      author.posts.push(post);
    }
  }
  for (const node of bylines.values()) if (!byKey.has(termKey(node.id))) byKey.set(termKey(node.id), node);
  const byName = compareNames(config.language);
  const sorted = [...new Set(byKey.values())].sort((a, b) => byName(a.name, b.name) || compareCodeUnits(a.id, b.id));
  return { authors: sorted, byKey, diagnostics };
}

/** An author file for a name as written in a byline: "Amina Yusuf" finds amina-yusuf.md, by file name or by its `name:`. */
function fileAuthorFinder(files: readonly AuthorNode[]): (name: string) => AuthorNode | undefined {
  const bySlug = new Map(files.map((a) => [a.slug, a]));
  const byName = new Map(files.map((a) => [termKey(a.name), a]));
  return (name) => bySlug.get(slugify(name)) ?? byName.get(termKey(name));
}

function knownHint(known: readonly string[]): string {
  if (known.length === 0) return 'add an author file whose name is this id';
  const listed = known.slice(0, IDS_LISTED).map((id) => `"${id}"`).join(', ');
  return `use a known author id: ${listed}${known.length > IDS_LISTED ? ', …' : ''}`;
}
