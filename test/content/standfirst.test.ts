import { describe, expect, it } from 'vitest';
import { makeConfig } from '../../src/config/make-config.js';
import { contentOptionsOf, parsePost } from '../../src/content/parse-source.js';

// The standfirst above a story is only ever what an editor wrote: the excerpt
// derived from the first paragraph is for cards, feeds and meta.

const options = contentOptionsOf(makeConfig({ timeZone: 'UTC' }));
const parse = (frontMatter: string, body: string) => {
  const parsed = parsePost({ path: 'content/posts/x.md', bytes: new TextEncoder().encode(`---\ntitle: T\ndate: 2020-01-02\n${frontMatter}---\n${body}\n`) }, options);
  if (parsed.kind !== 'post' || !parsed.post) throw new Error('not parsed');
  return parsed.post;
};
const longParagraph = `${'Boats left the coast at dawn and most reached the island before noon. '.repeat(4)}`.trim();

describe('standfirst', () => {
  it('is absent when the summary is derived from the first paragraph, which still makes the card summary', () => {
    const post = parse('', longParagraph);
    expect(post.standfirst).toBeUndefined();
    expect(post.summary).toMatch(/^Boats left the coast at dawn.*…$/);
  });

  it('is the summary, description or excerpt an editor wrote', () => {
    for (const key of ['summary', 'description', 'excerpt']) {
      const post = parse(`${key}: "Three boats, one morning."\n`, longParagraph);
      expect(post.standfirst).toBe('Three boats, one morning.');
      expect(post.summary).toBe('Three boats, one morning.');
    }
  });

  it('is dropped when the written summary only repeats the first paragraph', () => {
    const post = parse('summary: "Boats   left at dawn."\n', 'Boats left\nat dawn.');
    expect(post.standfirst).toBeUndefined();
    expect(post.summary).toBe('Boats   left at dawn.');
  });
});
