import { parseAuthor, parsePage, parsePost, type ContentOptions, type ParsedSource, type SourceText } from '../content/parse-source.js';

// Runs in a worker thread: one batch of sources in, parsed content out.
// Inputs and outputs are plain data (Dates survive structured cloning).

const parsers = { post: parsePost, page: parsePage, author: parseAuthor } as const;

export interface ParseBatch {
  sources: (SourceText & { kind: ParsedSource['kind'] })[];
  options: ContentOptions;
}

export default function parseBatch({ sources, options }: ParseBatch): ParsedSource[] {
  return sources.map((s) => parsers[s.kind]({ path: s.path, bytes: s.bytes }, options));
}
