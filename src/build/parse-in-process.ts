import { parseAuthor, parsePage, parsePost, type ParsedSource } from '../content/parse-source.js';
import type { ParseMany } from './content-store.js';

const parsers = { post: parsePost, page: parsePage, author: parseAuthor } as const;

/** Parses on the main thread: for small batches, where starting workers costs more than it saves. */
export const parseInProcess: ParseMany = async (sources, options) =>
  sources.map((s): ParsedSource => parsers[s.kind]({ path: s.path, bytes: s.bytes }, options));
