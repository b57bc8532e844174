import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { codes } from '../diagnostics/codes.js';
import { mapLimited } from '../write/map-limited.js';
import type { ExternalReference } from './check-links.js';
import type { Problem } from './problem.js';

// `check --external`: each distinct URL is fetched once, a few at a time, with
// a timeout. Good answers are cached for a week so repeated checks stay quick
// and polite; failures are asked again next time.

export interface ExternalCheckOptions {
  cacheFile: string;
  /** The clock, for the cache's age. */
  now: number;
  timeoutMs?: number;
  concurrency?: number;
  fetch?: typeof fetch;
}

interface Answer {
  ok: boolean;
  status: string;
  at: number;
}

const week = 7 * 24 * 3600 * 1000;

export async function checkExternalLinks(references: ExternalReference[], options: ExternalCheckOptions): Promise<Problem[]> {
  const first = new Map<string, ExternalReference>();
  for (const r of references) if (!first.has(r.url)) first.set(r.url, r);
  const cache = await loadAnswers(options.cacheFile);
  const ask = options.fetch ?? fetch;
  const urls = [...first.keys()];
  const answers = await mapLimited(urls, options.concurrency ?? 4, async (url) => {
    const known = cache[url];
    if (known?.ok && options.now - known.at < week) return known;
    const answer = { ...(await fetchStatus(ask, url, options.timeoutMs ?? 10_000)), at: options.now };
    cache[url] = answer;
    return answer;
  });
  await saveAnswers(options.cacheFile, cache);
  return urls.flatMap((url, i) => {
    if (answers[i].ok) return [];
    const { document, reference } = first.get(url)!;
    return [{
      code: codes.externalLink,
      severity: 'warning' as const,
      message: `external link "${url}" failed: ${answers[i].status}`,
      hint: 'check the address in a browser; update or remove the link if it moved or is gone',
      document,
      offset: reference.offset,
      itemUrl: reference.itemUrl,
      needles: [`](${reference.value}`, reference.value],
    }];
  });
}

async function fetchStatus(ask: typeof fetch, url: string, timeoutMs: number): Promise<Omit<Answer, 'at'>> {
  try {
    let response = await ask(url, { method: 'HEAD', redirect: 'follow', signal: AbortSignal.timeout(timeoutMs) });
    // Some servers refuse HEAD; ask for the page itself before calling the link broken.
    if (response.status === 405 || response.status === 403 || response.status === 501) {
      response = await ask(url, { method: 'GET', redirect: 'follow', signal: AbortSignal.timeout(timeoutMs) });
      await response.body?.cancel();
    }
    return { ok: response.status < 400, status: `HTTP ${response.status}` };
  } catch (e) {
    const reason = e instanceof Error && e.name === 'TimeoutError' ? `no answer within ${timeoutMs / 1000} s` : e instanceof Error ? (e.cause instanceof Error ? e.cause.message : e.message) : String(e);
    return { ok: false, status: reason };
  }
}

async function loadAnswers(file: string): Promise<Record<string, Answer>> {
  try {
    const data = JSON.parse(await readFile(file, 'utf8')) as unknown;
    return data && typeof data === 'object' ? Object.assign(Object.create(null) as Record<string, Answer>, data) : Object.create(null);
  } catch {
    return Object.create(null) as Record<string, Answer>;
  }
}

async function saveAnswers(file: string, answers: Record<string, Answer>): Promise<void> {
  const temp = `${file}.${process.pid}.tmp`;
  await mkdir(dirname(file), { recursive: true });
  await writeFile(temp, JSON.stringify(answers));
  await rename(temp, file);
}
