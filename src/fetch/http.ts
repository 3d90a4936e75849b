/**
 * One HTTP(S) GET as a crawler needs it, on node:http / node:https: a connect timeout (DNS, TCP
 * and TLS) and a total timeout, redirects followed by hand (at most N, loops caught), the body
 * decoded from gzip, deflate or Brotli and capped while it streams (a 50 MB page is cut off at
 * the cap, never held whole), a User-Agent that says who is asking, and conditional GET
 * (If-None-Match / If-Modified-Since out, 304 and the new ETag / Last-Modified back).
 *
 * Every failure is a FetchError that names the URL and says in one line what happened; nothing
 * else escapes. The module knows nothing of articles or feeds: callers decode what it returns.
 */
import http, { type IncomingHttpHeaders, type IncomingMessage, type OutgoingHttpHeaders } from 'node:http';
import https from 'node:https';
import { pipeline, type Readable } from 'node:stream';
import { formatBytes } from '../bytes.js';
import { decoderChain } from './content-encoding.js';
import { FetchError } from './errors.js';
import { defaultUserAgent } from './user-agent.js';

/** The logging calls the fetcher makes; a pino logger fits, and so does a test's recorder. */
export interface FetchLog {
  debug(fields: object, message: string): void;
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
}

export interface FetchOptions {
  /** The whole exchange: connecting, every redirect, the headers and the body. */
  timeoutMs?: number;
  /** Each new connection: DNS lookup, TCP connect and TLS handshake. */
  connectTimeoutMs?: number;
  /** Cap on the decoded body; the download stops as soon as it is passed. */
  maxBytes?: number;
  maxRedirects?: number;
  userAgent?: string;
  accept?: string;
  /** Validators of an earlier answer, for a conditional GET (answered 304 when unchanged). */
  etag?: string | null;
  lastModified?: string | null;
  /** Cancels the request (a daemon shutting down). */
  signal?: AbortSignal;
  log?: FetchLog;
}

export interface FetchResult {
  /** The URL asked for. */
  requestedUrl: string;
  /** Where the answer came from, after redirects. */
  url: string;
  /** Each URL redirected to, in order. */
  redirects: string[];
  status: number;
  /** 304: the resource is unchanged since the validators sent; `body` is empty. */
  notModified: boolean;
  contentType: string | null;
  /** The validators to send next time (the server's, else those that were sent). */
  etag: string | null;
  lastModified: string | null;
  /** The decoded body. */
  body: Buffer;
  elapsedMs: number;
}

export const FETCH_DEFAULTS = {
  timeoutMs: 30_000,
  connectTimeoutMs: 10_000,
  maxBytes: 10 * 1024 * 1024,
  maxRedirects: 5,
  accept: 'text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5',
} as const;

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const silent: FetchLog = { debug() {}, info() {}, warn() {} };
// Keep-alive: a crawl asks the same hosts again and again; idle sockets do not keep the process up.
const agents = { 'http:': new http.Agent({ keepAlive: true }), 'https:': new https.Agent({ keepAlive: true }) };

const seconds = (ms: number): string => `${+(ms / 1000).toFixed(1)} s`;

function parseHttpUrl(value: string, base?: URL): URL | null {
  try {
    const url = new URL(value, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

function header(headers: IncomingHttpHeaders, name: string): string | null {
  const value = headers[name];
  return (Array.isArray(value) ? value[0] : value) ?? null;
}

/** Retry-After as milliseconds: delta seconds or an HTTP date. */
function retryAfterMs(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/** Sends one GET; resolves with the response head, after the connect timeout has been met. */
function send(url: URL, headers: OutgoingHttpHeaders, connectTimeoutMs: number, signal: AbortSignal, name: string): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const transport = url.protocol === 'https:' ? https : http;
    const request = transport.request(url, { method: 'GET', headers, signal, agent: agents[url.protocol as 'http:' | 'https:'] });
    let connectTimer: NodeJS.Timeout | null = setTimeout(() => {
      request.destroy(new FetchError('connect-timeout', name, `no connection to ${url.host} within ${seconds(connectTimeoutMs)}`));
    }, connectTimeoutMs);
    const connected = (): void => {
      if (connectTimer) clearTimeout(connectTimer);
      connectTimer = null;
    };
    request.on('socket', (socket) => {
      // A kept-alive socket is connected already; a new one is once TCP (and TLS) are up.
      if (socket.connecting) socket.once(url.protocol === 'https:' ? 'secureConnect' : 'connect', connected);
      else connected();
    });
    request.on('response', (response) => {
      connected();
      resolve(response);
    });
    request.on('error', (error) => {
      connected();
      reject(error);
    });
    request.end();
  });
}

/** The body, decoded and capped; the response is destroyed the moment the cap is passed. */
async function readBody(response: IncomingMessage, maxBytes: number, name: string): Promise<Buffer> {
  const encoding = header(response.headers, 'content-encoding');
  const declaredLength = Number(header(response.headers, 'content-length') ?? NaN);
  const tooLarge = (): FetchError => new FetchError('too-large', name, `larger than the ${formatBytes(maxBytes)} size cap; download stopped`);
  if (!encoding && declaredLength > maxBytes) {
    response.destroy();
    throw tooLarge();
  }
  const decoders = decoderChain(encoding);
  if (decoders === null) {
    response.destroy();
    throw new FetchError('decoding', name, `unsupported Content-Encoding "${encoding}"`);
  }
  let decodeError: unknown = null;
  for (const decoder of decoders) decoder.once('error', (error) => (decodeError ??= error));
  // pipeline() passes an error of any stage on to the last one, which the loop below reads.
  const body = decoders.reduce<Readable>((source, decoder) => pipeline(source, decoder, () => {}), response);
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of body) {
      total += (chunk as Buffer).length;
      if (total > maxBytes) throw tooLarge();
      chunks.push(chunk as Buffer);
    }
  } catch (error) {
    response.destroy();
    if (error instanceof FetchError) throw error;
    if (decodeError !== null && error === decodeError) {
      throw new FetchError('decoding', name, `body is not valid ${encoding} (${(error as Error).message})`);
    }
    throw error;
  }
  return Buffer.concat(chunks, total);
}

/** Any error of an exchange as a FetchError: the abort's own reason, or a network failure. */
function asFetchError(error: unknown, name: string, signal: AbortSignal): FetchError {
  if (signal.aborted && signal.reason instanceof FetchError) return signal.reason;
  if (error instanceof FetchError) return error;
  const err = error as NodeJS.ErrnoException;
  const what = err.code === 'ECONNREFUSED' ? 'connection refused'
    : err.code === 'ENOTFOUND' || err.code === 'EAI_AGAIN' ? 'host not found'
    : err.code === 'ECONNRESET' ? 'connection reset by the server'
    : err.message;
  return new FetchError('network', name, what);
}

function requestHeaders(options: FetchOptions): OutgoingHttpHeaders {
  const headers: OutgoingHttpHeaders = {
    'user-agent': options.userAgent ?? defaultUserAgent(),
    accept: options.accept ?? FETCH_DEFAULTS.accept,
    'accept-encoding': 'gzip, deflate, br',
  };
  if (options.etag) headers['if-none-match'] = options.etag;
  if (options.lastModified) headers['if-modified-since'] = options.lastModified;
  return headers;
}

/** Where a redirect leads, unless that is no http(s) URL, a URL seen before or one hop too many. */
function redirectTarget(location: string, from: URL, seen: Set<string>, hops: number, maxRedirects: number, name: string): URL {
  const next = parseHttpUrl(location, from);
  if (!next) throw new FetchError('bad-url', name, `redirected to "${location}", not an http(s) URL`);
  if (seen.has(next.href)) throw new FetchError('redirect-loop', name, `redirect loop: back to ${next.href} after ${hops + 1} redirect(s)`);
  if (hops >= maxRedirects) throw new FetchError('too-many-redirects', name, `more than ${maxRedirects} redirects (the last to ${next.href})`);
  return next;
}

interface Exchange {
  requested: string;
  options: FetchOptions;
  connectTimeoutMs: number;
  signal: AbortSignal;
  log: FetchLog;
  elapsed: () => number;
}

/** Requests, follows redirects, reads the final answer. */
async function exchange({ requested, options, connectTimeoutMs, signal, log, elapsed }: Exchange): Promise<FetchResult> {
  let url = parseHttpUrl(requested);
  if (!url) throw new FetchError('bad-url', requested, 'not an http:// or https:// URL');
  const headers = requestHeaders(options);
  const maxRedirects = options.maxRedirects ?? FETCH_DEFAULTS.maxRedirects;
  const seen = new Set([url.href]);
  const redirects: string[] = [];
  for (;;) {
    const response = await send(url, headers, connectTimeoutMs, signal, requested);
    const status = response.statusCode ?? 0;
    const location = header(response.headers, 'location');
    if (REDIRECTS.has(status) && location) {
      response.resume();
      url = redirectTarget(location, url, seen, redirects.length, maxRedirects, requested);
      log.debug({ url: requested, status, location: url.href }, 'redirect');
      seen.add(url.href);
      redirects.push(url.href);
      continue;
    }
    if (status !== 304 && (status < 200 || status > 299)) {
      response.resume();
      const reason = response.statusMessage ? ` ${response.statusMessage}` : '';
      throw new FetchError('http-status', requested, `HTTP ${status}${reason}`, status, retryAfterMs(header(response.headers, 'retry-after')));
    }
    if (status === 304) response.resume();
    const body = status === 304 ? Buffer.alloc(0) : await readBody(response, options.maxBytes ?? FETCH_DEFAULTS.maxBytes, requested);
    return {
      requestedUrl: requested, url: url.href, redirects, status, notModified: status === 304,
      contentType: header(response.headers, 'content-type'),
      etag: header(response.headers, 'etag') ?? options.etag ?? null,
      lastModified: header(response.headers, 'last-modified') ?? options.lastModified ?? null,
      body, elapsedMs: elapsed(),
    };
  }
}

/**
 * GETs a URL. Resolves for a 2xx answer (with its body) and for 304; rejects with a FetchError
 * for everything else, and logs either outcome on one line.
 */
export async function fetchUrl(requested: string, options: FetchOptions = {}): Promise<FetchResult> {
  const timeoutMs = options.timeoutMs ?? FETCH_DEFAULTS.timeoutMs;
  const connectTimeoutMs = Math.min(options.connectTimeoutMs ?? FETCH_DEFAULTS.connectTimeoutMs, timeoutMs);
  const log = options.log ?? silent;
  const started = performance.now();
  const elapsed = (): number => Math.round(performance.now() - started);
  // One signal ends the exchange wherever it is: the caller's cancel or the total timeout.
  const controller = new AbortController();
  const cancel = (): void => controller.abort(new FetchError('aborted', requested, 'cancelled'));
  if (options.signal?.aborted) cancel();
  options.signal?.addEventListener('abort', cancel, { once: true });
  const deadline = setTimeout(() => controller.abort(new FetchError('timeout', requested, `timed out after ${seconds(timeoutMs)}`)), timeoutMs);
  try {
    const result = await exchange({ requested, options, connectTimeoutMs, signal: controller.signal, log, elapsed });
    if (result.notModified) log.info({ url: requested, status: 304, ms: result.elapsedMs }, 'not modified');
    else log.info({ url: requested, finalUrl: result.url, status: result.status, bytes: result.body.length, redirects: result.redirects.length, ms: result.elapsedMs }, 'fetched');
    return result;
  } catch (error) {
    const failure = asFetchError(error, requested, controller.signal);
    log.warn({ url: requested, failure: failure.failure, status: failure.status ?? undefined, ms: elapsed(), error: failure.message }, 'fetch failed');
    throw failure;
  } finally {
    clearTimeout(deadline);
    options.signal?.removeEventListener('abort', cancel);
  }
}
