import { describe, expect, it } from 'vitest';
import { memoize } from '../../src/text/memoize.js';

describe('memoize', () => {
  it('makes each value once per distinct arguments, and starts over at its limit', () => {
    const made: string[] = [];
    const join = memoize((a: string, b: number) => (made.push(`${a}${b}`), { a, b }), { limit: 2 });
    expect(join('x', 1)).toBe(join('x', 1));
    expect(join('x', 1)).not.toBe(join('x1', 0) as unknown);
    expect(made).toEqual(['x1', 'x10']);
    join('y', 2);
    join('x', 1);
    expect(made).toEqual(['x1', 'x10', 'y2', 'x1']);
  });
});
