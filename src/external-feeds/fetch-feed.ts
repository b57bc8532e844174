import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Readable } from 'node:stream';
import { bareHost, explicitPrivateHost, guardedLookup, isPrivateAddress, PrivateAddressError } from './address-policy.js';

// One feed over HTTP, with the limits a build needs from someone else's
// server: one deadline for the whole fetch, a size cap, few redirects, each
// hop checked again, and conditional headers so an unchanged feed costs a 304.

export interface FeedRequest {
  url: string;
  timeoutMs: number;
  maxBytes: number;
  userAgent: string;
  etag?: string;
  lastModified?: string;
}

export type FeedResponse =
  | { kind: 'body'; body: string; etag?: string; lastModified?: string }
  | { kind: 'not-modified' };

/** Why a feed could not be fetched, in words for a warning. */
export class FeedFetchError extends Error {
  override name = 'FeedFetchError';
}

export const maxRedirects = 5;
const redirectStatuses = new Set([301, 302, 303, 307, 308]);

export async function fetchFeed(req: FeedRequest): Promise<FeedResponse> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), req.timeoutMs);
  try {
    const configured = new URL(req.url);
    const privateHost = explicitPrivateHost(configured);
    let url = configured;
    for (let hop = 0; ; hop++) {
      const response = await requestOnce(url, req, bareHost(url).toLowerCase() === privateHost, controller.signal);
      const status = response.statusCode ?? 0;
      if (redirectStatuses.has(status)) {
        response.resume();
        if (hop === maxRedirects) throw new FeedFetchError(`more than ${maxRedirects} redirects`);
        url = redirectTarget(url, response.headers.location);
        continue;
      }
      if (status === 304 && (req.etag || req.lastModified)) {
        response.resume();
        return { kind: 'not-modified' };
      }
      if (status !== 200) {
        response.resume();
        throw new FeedFetchError(`the server answered HTTP ${status}`);
      }
      const bytes = await readCapped(response, req.maxBytes);
      return { kind: 'body', body: decodeText(bytes, response.headers['content-type']), etag: header(response, 'etag'), lastModified: header(response, 'last-modified') };
    }
  } catch (e) {
    if (controller.signal.aborted) throw new FeedFetchError(`no complete answer within ${req.timeoutMs / 1000} s`);
    if (e instanceof FeedFetchError) throw e;
    if (e instanceof PrivateAddressError) throw new FeedFetchError(e.message);
    throw new FeedFetchError(describeNetworkError(e as NodeJS.ErrnoException));
  } finally {
    clearTimeout(timer);
  }
}

function requestOnce(url: URL, req: FeedRequest, allowPrivate: boolean, signal: AbortSignal): Promise<IncomingMessage> {
  const literal = bareHost(url);
  // An IP literal is connected to without a lookup, so it is checked here.
  if (!allowPrivate && isIP(literal) && isPrivateAddress(literal)) return Promise.reject(new PrivateAddressError(literal, literal));
  const headers: Record<string, string> = {
    'user-agent': req.userAgent,
    accept: 'application/rss+xml, application/atom+xml, application/rdf+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5',
    'accept-encoding': 'gzip, deflate, br',
  };
  if (req.etag) headers['if-none-match'] = req.etag;
  if (req.lastModified) headers['if-modified-since'] = req.lastModified;
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    request(url, { headers, signal, agent: false, lookup: guardedLookup(allowPrivate) }, resolve).on('error', reject).end();
  });
}

function redirectTarget(from: URL, location: string | undefined): URL {
  if (!location) throw new FeedFetchError('a redirect without a Location header');
  let next: URL;
  try {
    next = new URL(location, from);
  } catch {
    throw new FeedFetchError(`a redirect to an invalid address (${location})`);
  }
  if (next.protocol !== 'http:' && next.protocol !== 'https:') throw new FeedFetchError(`a redirect to a non-web address (${next.protocol})`);
  return next;
}

/** The body, decompressed, refused as soon as it passes the cap (a small gzip can expand enormously). */
async function readCapped(response: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(response.headers['content-length']);
  const tooLarge = () => new FeedFetchError(`the response is larger than the ${maxBytes}-byte limit (externalFeeds.maxBytes)`);
  if (declared > maxBytes) {
    response.destroy();
    throw tooLarge();
  }
  const stream = decoded(response);
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      size += (chunk as Buffer).length;
      if (size > maxBytes) throw tooLarge();
      chunks.push(chunk as Buffer);
    }
  } finally {
    if (size > maxBytes) {
      stream.destroy();
      response.destroy();
    }
  }
  return Buffer.concat(chunks);
}

function decoded(response: IncomingMessage): Readable {
  const encoding = header(response, 'content-encoding')?.toLowerCase();
  const decoder = encoding === 'gzip' || encoding === 'x-gzip' ? createGunzip() : encoding === 'br' ? createBrotliDecompress() : encoding === 'deflate' ? createInflate() : undefined;
  if (!decoder) return response;
  response.on('error', (e) => decoder.destroy(e));
  return response.pipe(decoder);
}

/** Text in the charset the server or the XML declaration names; UTF-8 otherwise. */
function decodeText(bytes: Buffer, contentType: string | undefined): string {
  const label =
    /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType ?? '')?.[1] ??
    /^(?:\uFEFF)?<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)["']/.exec(bytes.subarray(0, 256).toString('latin1'))?.[1] ??
    'utf-8';
  try {
    return new TextDecoder(label).decode(bytes);
  } catch {
    return new TextDecoder().decode(bytes);
  }
}

const networkErrors: Record<string, string> = {
  ENOTFOUND: 'the host name could not be resolved (no network, or a wrong address)',
  EAI_AGAIN: 'the host name could not be resolved (no network, or a wrong address)',
  ECONNREFUSED: 'the server refused the connection',
  ECONNRESET: 'the server closed the connection',
  EHOSTUNREACH: 'the server cannot be reached',
  ENETUNREACH: 'the network cannot be reached',
};

function describeNetworkError(e: NodeJS.ErrnoException): string {
  const known = e.code ? networkErrors[e.code] : undefined;
  return known ? `${known} (${e.code})` : e.message || String(e.code);
}

function header(response: IncomingMessage, name: string): string | undefined {
  const value = response.headers[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}
