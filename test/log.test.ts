import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/log.js';

function stream(isTTY: boolean): Writable & { text: string; isTTY: boolean } {
  const s = new Writable({
    write(chunk, _encoding, done) {
      s.text += String(chunk);
      done();
    },
  }) as Writable & { text: string; isTTY: boolean };
  s.text = '';
  s.isTTY = isTTY;
  return s;
}

describe('createLogger progress', () => {
  it('draws a bar on a terminal and clears it before the next message', () => {
    const err = stream(true);
    const out = stream(false);
    const logger = createLogger({ err, out, progressDelayMs: 0 });
    logger.progress!('render', 32, 64);
    logger.info('built 64 pages');
    expect(err.text).toBe(`\rrender   [${'#'.repeat(15)}${'-'.repeat(15)}] 32/64\u001b[K\r\u001b[K`);
    expect(out.text).toBe('built 64 pages\n');
  });

  it('prints plain lines elsewhere (CI logs), and nothing for quick builds or with --quiet', () => {
    const ci = stream(false);
    createLogger({ err: ci, progressDelayMs: 0 }).progress!('parse', 64, 64);
    expect(ci.text).toBe('parse 64/64\n');
    const quick = stream(true);
    createLogger({ err: quick }).progress!('parse', 1, 2);
    expect(quick.text).toBe('');
    expect(createLogger({ quiet: true }).progress).toBeUndefined();
  });
});
