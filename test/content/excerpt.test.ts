import { describe, expect, it } from 'vitest';
import { toExcerpt, toReadingMinutes } from '../../src/content/excerpt.js';

describe('toExcerpt', () => {
  it('keeps short text as it is, with whitespace folded', () => {
    expect(toExcerpt('  A short\n summary. ')).toBe('A short summary.');
  });

  it('cuts at a word boundary and adds an ellipsis', () => {
    expect(toExcerpt('Boats left the coast at dawn, carrying families north', 30)).toBe('Boats left the coast at dawn…');
  });

  it('cuts inside a very long word when there is no boundary', () => {
    expect(toExcerpt('x'.repeat(50), 10)).toBe(`${'x'.repeat(10)}…`);
  });
});

describe('toReadingMinutes', () => {
  it('rounds to whole minutes and never says zero', () => {
    expect(toReadingMinutes(0, 200)).toBe(1);
    expect(toReadingMinutes(250, 200)).toBe(1);
    expect(toReadingMinutes(700, 200)).toBe(4);
    expect(toReadingMinutes(700, 100)).toBe(7);
  });
});
