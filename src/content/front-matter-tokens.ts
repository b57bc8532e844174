import type { CST } from 'yaml';

export interface TokenRef {
  source: string;
  /** Offset in the YAML text. */
  offset: number;
}

/**
 * Every tag (`!!str`, `!foo`) and alias (`*name`) token in the parsed CST, in
 * source order. The CST keeps them in several places (item props, document
 * start, block scalar props), so this visits every nested object rather than
 * knowing each shape; it uses an explicit stack so deep nesting cannot overflow.
 */
export function findFrontMatterTokens(tokens: Iterable<CST.Token>): { tags: TokenRef[]; aliases: TokenRef[] } {
  const tags: TokenRef[] = [];
  const aliases: TokenRef[] = [];
  const stack: object[] = [...tokens];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const token = item as { type?: unknown; source?: unknown; offset?: unknown };
    if ((token.type === 'tag' || token.type === 'alias') && typeof token.source === 'string' && typeof token.offset === 'number') {
      (token.type === 'tag' ? tags : aliases).push({ source: token.source, offset: token.offset });
    }
    for (const value of Object.values(item)) {
      if (typeof value === 'object' && value !== null) stack.push(value);
    }
  }
  const bySource = (a: TokenRef, b: TokenRef) => a.offset - b.offset;
  return { tags: tags.sort(bySource), aliases: aliases.sort(bySource) };
}
