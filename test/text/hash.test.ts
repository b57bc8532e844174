import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashOf } from '../../src/text/hash.js';

// Saved caches and build states are keyed on hashOf: its value for a list of parts must not change with how it is computed.

describe('hashOf', () => {
  it('is the SHA-1 of each part followed by a NUL, for strings as for bytes', () => {
    const reference = createHash('sha1').update('Λέσβος').update('\0').update('asylum').update('\0').digest('base64');
    expect(hashOf('Λέσβος', 'asylum')).toBe(reference);
    expect(hashOf(new TextEncoder().encode('Λέσβος'), 'asylum')).toBe(reference);
  });

  it('tells apart lists that join to the same text', () => {
    expect(hashOf('ab', 'c')).not.toBe(hashOf('a', 'bc'));
    expect(hashOf()).not.toBe(hashOf(''));
  });
});
