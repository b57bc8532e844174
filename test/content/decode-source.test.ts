import { describe, expect, it } from 'vitest';
import { decodeSource } from '../../src/content/decode-source.js';

const file = 'content/posts/x.md';
const utf8 = (text: string) => new TextEncoder().encode(text);
const bytes = (...parts: (string | number[])[]) =>
  Uint8Array.from(parts.flatMap((part) => (typeof part === 'string' ? [...utf8(part)] : part)));

describe('decodeSource', () => {
  it('returns UTF-8 text unchanged', () => {
    expect(decodeSource(utf8('---\ntitle: Café\n---\nΓειά\n'), file)).toEqual({
      text: '---\ntitle: Café\n---\nΓειά\n',
      diagnostics: [],
    });
  });

  it('strips a leading BOM and normalises CRLF and CR to LF', () => {
    const result = decodeSource(bytes([0xef, 0xbb, 0xbf], '---\r\ntitle: a\r\n---\rbody\r\n'), file);
    expect(result).toEqual({ text: '---\ntitle: a\n---\nbody\n', diagnostics: [] });
  });

  it('refuses a Latin-1 byte and names the file and the position of the bad character', () => {
    const result = decodeSource(bytes('---\ntitle: caf', [0xe9], '\n---\n'), file);
    expect(result.text).toBeUndefined();
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ code: 'MS200', severity: 'error', file, line: 2, column: 11 }),
    ]);
    expect(result.diagnostics[0].message).toBe('file is not valid UTF-8 text');
    expect(result.diagnostics[0].hint).toMatch(/UTF-8/);
  });

  it('counts columns in characters, not bytes, before the bad byte', () => {
    const result = decodeSource(bytes('ab\r\nΓειά ', [0xff]), file);
    expect(result.diagnostics[0]).toMatchObject({ code: 'MS200', line: 2, column: 6 });
  });

  it('points at the start of a multi-byte sequence that is cut short', () => {
    // E2 82 is the start of "€" (E2 82 AC) followed by a plain "x".
    const result = decodeSource(bytes('€ ', [0xe2, 0x82], 'x'), file);
    expect(result.diagnostics[0]).toMatchObject({ code: 'MS200', line: 1, column: 3 });
  });

  it('refuses a file that ends in the middle of a character', () => {
    const result = decodeSource(bytes('title\nok', [0xe2, 0x82]), file);
    expect(result.text).toBeUndefined();
    expect(result.diagnostics[0]).toMatchObject({ code: 'MS200', line: 2, column: 3 });
  });

  it('refuses UTF-16 text at its first byte', () => {
    const result = decodeSource(Uint8Array.from([0xff, 0xfe, 0x2d, 0x00, 0x2d, 0x00]), file);
    expect(result.diagnostics[0]).toMatchObject({ code: 'MS200', line: 1, column: 1 });
  });

  it('refuses NUL bytes with their position', () => {
    const result = decodeSource(bytes('---\ntitle: a', [0], '\n---\n'), file);
    expect(result.text).toBeUndefined();
    expect(result.diagnostics).toEqual([expect.objectContaining({ code: 'MS200', severity: 'error', file, line: 2, column: 9 })]);
    expect(result.diagnostics[0].message).toMatch(/NUL/);
  });

  it('keeps a literal replacement character that was really in the file', () => {
    expect(decodeSource(utf8('a \uFFFD b'), file).text).toBe('a \uFFFD b');
  });

  it('never yields replacement characters for bad bytes', () => {
    const result = decodeSource(bytes('x', [0xc3, 0x28]), file);
    expect(result).toEqual({ diagnostics: [expect.objectContaining({ code: 'MS200', line: 1, column: 2 })] });
  });
});
