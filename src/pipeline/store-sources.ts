import type { SourceFile } from '../content/scan-content.js';

// Which content files the content store reads and hashes itself; the others
// in content/ are copied, or read as site data. A module of its own so that
// the fingerprint check can ask without loading the parsers.

const markdownKinds = new Set(['post', 'page', 'author']);

export const isMarkdownSource = (file: SourceFile): boolean => markdownKinds.has(file.kind);

export function isPopularity(file: SourceFile): boolean {
  return file.kind === 'data' && /^popularity\.(json|csv)$/.test(file.within);
}

export const isStoreSource = (file: SourceFile): boolean => isMarkdownSource(file) || isPopularity(file);
