/**
 * `sitrep fetch URL...`: downloads pages (src/fetch: timeouts, size cap, redirects, content
 * decoding, a per-host delay) and stores each one as `sitrep ingest` stores a file. A URL that
 * cannot be fetched or is not a page gets one line on standard error and the others go on; the
 * exit status is then 1. A summary line ends the run, as for ingest; `--log` adds structured logs.
 */
import type { Logger } from 'pino';
import { Corpus } from '../corpus.js';
import { SitrepError } from '../errors.js';
import type { Extractor } from '../extract.js';
import { fetchUrl, FetchError, FETCH_DEFAULTS, HostPacer, type FetchResult } from '../fetch/index.js';
import { bytesToArticle, charsetOfContentType, resolveMaxBytes, type Article, type ContentKind } from '../ingest/index.js';
import { checkDate, maxBytesOf, type Io } from './extract-command.js';
import { summaryLine, type IngestTally } from './ingest-command.js';
import { createLogger, type LogOptions } from './logger.js';
import { openCommandStore } from './store-access.js';

/** How pages are downloaded: the options `fetch` and `watch` share. */
export interface DownloadOptions {
  timeout?: string;
  maxBytes?: string;
  maxRedirects?: string;
  delay?: string;
}

export interface FetchOptions extends LogOptions, DownloadOptions {
  db?: string;
  published?: string;
  source?: string;
}

export const DEFAULT_DELAY_S = 1;

/** A number of seconds given on the command line, as milliseconds. */
export function secondsOption(value: string | undefined, option: string, fallbackMs: number, allowZero: boolean): number {
  if (value === undefined) return fallbackMs;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || (!allowZero && n === 0)) {
    throw new SitrepError('E_BAD_ARGUMENT', `${option} "${value}" is not a ${allowZero ? 'non-negative' : 'positive'} number of seconds`);
  }
  return Math.round(n * 1000);
}

export function redirectsOption(value: string | undefined): number {
  if (value === undefined) return FETCH_DEFAULTS.maxRedirects;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new SitrepError('E_BAD_ARGUMENT', `--max-redirects "${value}" is not a whole number`);
  return n;
}

/** The download settings and the per-host pacer the command-line options ask for. */
export function downloadSettings(opts: DownloadOptions): { fetchOptions: { timeoutMs: number; maxBytes: number; maxRedirects: number }; pacer: HostPacer } {
  return {
    fetchOptions: {
      timeoutMs: secondsOption(opts.timeout, '--timeout', FETCH_DEFAULTS.timeoutMs, false),
      maxBytes: resolveMaxBytes(maxBytesOf(opts.maxBytes)),
      maxRedirects: redirectsOption(opts.maxRedirects),
    },
    pacer: new HostPacer(secondsOption(opts.delay, '--delay', DEFAULT_DELAY_S * 1000, true)),
  };
}

const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);

/** What the Content-Type says the page is; a type that is no page at all is refused. */
export function pageKind(contentType: string | null, url: string): ContentKind | undefined {
  const type = contentType?.split(';')[0]!.trim().toLowerCase();
  if (!type) return undefined;
  if (HTML_TYPES.has(type)) return 'html';
  if (type === 'text/plain') return 'text';
  throw new SitrepError('E_READ', `${url}: not a web page (Content-Type ${type})`);
}

/** A downloaded page as an article: decoded in its charset, refused when it is no page. `watch` reads pages so too. */
export function pageToArticle(page: FetchResult, name: string): Article {
  const kind = pageKind(page.contentType, name);
  return bytesToArticle(page.body, name, { charset: charsetOfContentType(page.contentType), url: page.url, kind });
}

/** A warning that names the document, once (decoding warnings name it already). */
const named = (name: string, warning: string): string => (warning.startsWith(name) ? warning : `${name}: ${warning}`);

function failureLine(error: unknown): string {
  if (error instanceof FetchError && error.failure === 'too-large') return `${error.toLine()} (raise it with --max-bytes)`;
  if (error instanceof SitrepError) return error.toLine();
  return (error as Error).message;
}

interface FetchRun {
  corpus: Corpus;
  logger: Logger;
  pacer: HostPacer;
  fetchOptions: { timeoutMs: number; maxBytes: number; maxRedirects: number };
  meta: { published: string | undefined; source: string | undefined };
}

/** Downloads one URL and stores it; throws whatever went wrong, for the caller to report. */
async function fetchOne(url: string, run: FetchRun, tally: IngestTally, report: (line: string) => void): Promise<void> {
  await run.pacer.wait(url);
  const page: FetchResult = await fetchUrl(url, { ...run.fetchOptions, log: run.logger });
  const article = pageToArticle(page, url);
  const outcome = await run.corpus.ingest({
    article,
    meta: { name: url, url: article.meta.url ?? page.url, published: run.meta.published, source: run.meta.source },
  });
  if (outcome.status === 'known') tally.known++;
  else if (outcome.status === 'copy') tally.copies++;
  else tally.new++;
  tally.eventsNew += outcome.eventsNew;
  tally.eventsMerged += outcome.eventsMerged;
  if (outcome.undated) tally.undated++;
  for (const warning of outcome.warnings) report(`warning: ${named(url, warning)}`);
  run.logger.info({ url, document: outcome.documentId, outcome: outcome.status, eventsNew: outcome.eventsNew, eventsMerged: outcome.eventsMerged }, 'ingested');
}

/** Returns the exit status: 0 when every URL was stored or known, 1 when any failed. */
export async function runFetch(urls: string[], opts: FetchOptions, io: Io, makeExtractor: () => Extractor): Promise<number> {
  if (urls.length === 0) throw new SitrepError('E_BAD_ARGUMENT', 'fetch needs at least one URL');
  const published = opts.published === undefined ? undefined : checkDate(opts.published, '--published');
  const { fetchOptions, pacer } = downloadSettings(opts);
  const logger = createLogger(opts);
  const store = await openCommandStore(opts.db);
  const run: FetchRun = { corpus: new Corpus(store, makeExtractor()), logger, pacer, fetchOptions, meta: { published, source: opts.source } };
  const tally: IngestTally = { new: 0, known: 0, copies: 0, failed: 0, undated: 0, eventsNew: 0, eventsMerged: 0 };
  const report = (line: string): void => io.err(`sitrep: ${line}`);
  try {
    for (const url of new Set(urls)) {
      try {
        await fetchOne(url, run, tally, report);
      } catch (error) {
        tally.failed++;
        report(`failed ${failureLine(error)}`);
        // Download failures were logged by the fetcher; what failed after it is logged here.
        if (!(error instanceof FetchError)) logger.warn({ url, error: failureLine(error) }, 'ingest failed');
      }
    }
  } finally {
    await store.close();
  }
  io.err(summaryLine(tally));
  logger.info({ ...tally }, 'fetch finished');
  return tally.failed > 0 ? 1 : 0;
}
