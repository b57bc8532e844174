import { request, type ClientRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveSite, type RunningServer } from '../../src/dev/serve-site.js';
import type { Logger } from '../../src/log.js';
import { copyFixture, type FixtureCopy } from '../support/fixture-site.js';

// Issue 10, defect 3: the search index, refreshed after a rebuild, told pages
// to "reload", which also cleared the error overlay while the site was still
// broken, and pages opened then saw no error. Now the refresh waits for a good
// build, and only a good build clears the error.

interface Stream {
  messages: { type: string }[];
  /** Resolves when a message of this type has arrived (after `from` messages). */
  next(type: string, from?: number): Promise<number>;
  close(): void;
}

// What the server logged, shown when a wait gives up: a failure says what happened instead of only "timed out".
const log: string[] = [];
const logger: Logger = { info: (m) => log.push(`info ${m}`), debug() {}, warn: (m) => log.push(`warn ${m}`), error: (m) => log.push(`error ${m}`) };

/** Opens the event stream; resolves once the server has registered it, so no message sent after that is missed. */
function listen(url: string): Promise<Stream> {
  const messages: { type: string }[] = [];
  const waiters: (() => void)[] = [];
  const { hostname, port, pathname } = new URL(`${url}__migrant/events`);
  return new Promise((connected, failed) => {
    const req: ClientRequest = request({ host: hostname, port, path: pathname }, (res) => {
      let buffer = '';
      res.on('data', (chunk) => {
        buffer += chunk;
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          const data = /^data: (.*)$/m.exec(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
          if (data) messages.push(JSON.parse(data[1]));
        }
        for (const wake of waiters.splice(0)) wake();
      });
      connected({
        messages,
        async next(type, from = 0) {
          // Far above any rebuild here, below the test's limit: giving up names what did arrive.
          const giveUp = Date.now() + 90_000;
          for (;;) {
            const at = messages.findIndex((m, i) => i >= from && m.type === type);
            if (at >= 0) return at;
            if (Date.now() > giveUp) throw new Error(`no "${type}" after message ${from}; got ${JSON.stringify(messages.map((m) => m.type))}; server log:\n${log.join('\n')}`);
            await new Promise<void>((wake) => {
              waiters.push(wake);
              setTimeout(wake, 1000).unref();
            });
          }
        },
        close: () => req.destroy(),
      });
    });
    req.on('error', failed);
    req.end();
  });
}

describe('serve --watch live messages', () => {
  let site: FixtureCopy;
  let running: RunningServer;
  beforeAll(async () => {
    site = copyFixture('newsroom');
    running = (await serveSite({ configPath: `${site.root}/site.config.json`, now: new Date('2024-11-10T12:00:00Z'), logger, port: 0, host: '127.0.0.1', watch: true, workers: 0, report: () => undefined }))!;
    await running.idle();
  }, 120_000);
  afterAll(async () => {
    await running?.close();
    site?.cleanup();
  });

  it('keeps the error for every page until a good build, and refreshes search only after it', async () => {
    const open = await listen(running.url);
    // A good edit schedules a search refresh; the breaking edit lands before it runs.
    site.edit('content/posts/lesbos-arrivals.md', (t) => t.replace('Calm weather', 'Calm seas'));
    await open.next('reload');
    site.edit('content/posts/lesbos-arrivals.md', (t) => t.replace('title: Arrivals rise on Lesbos', 'title: "Arrivals rise on Lesbos'));
    const failedAt = await open.next('error');
    await running.idle();

    expect(open.messages.slice(failedAt + 1).map((m) => m.type)).toEqual([]);
    const late = await listen(running.url);
    await late.next('error');
    expect(late.messages[0]).toMatchObject({ type: 'error', text: expect.stringMatching(/content\/posts\/lesbos-arrivals\.md:\d+:\d+ error MS\d+/) });

    site.edit('content/posts/lesbos-arrivals.md', (t) => t.replace('title: "Arrivals rise on Lesbos', 'title: Arrivals surge on Lesbos'));
    const fixedAt = await open.next('fixed', failedAt);
    await open.next('reload', fixedAt);
    await running.idle();
    await open.next('search', fixedAt);
    open.close();
    late.close();
  }, 120_000);
});
