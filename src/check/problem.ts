import type { Severity } from '../diagnostics/diagnostic.js';
import type { BuiltDocument } from './read-built-site.js';

/** A problem in the built site, placed in the output; locateProblems moves it to the source when it can. */
export interface Problem {
  code: string;
  severity: Severity;
  message: string;
  hint: string;
  document: BuiltDocument;
  offset: number;
  /** What the author may have written in the article (a link target, an image source), to find it there. */
  needles: string[];
  /** For a link inside a feed item: the URL of the item's article. */
  itemUrl?: string;
  /** Reported only when found in the article's source (written by an author, not by the theme). */
  onlyInSource?: boolean;
}
