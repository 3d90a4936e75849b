/**
 * `sitrep watch [FEEDS.yaml]`: the feed daemon. The file, if given, is synced into the store
 * first; then every feed in the store is polled at its own interval (src/feeds), each new item
 * ingested as `sitrep fetch` ingests a page, until SIGTERM or SIGINT. A stop lets the documents
 * under way finish and exits 0; a second one cancels their downloads too. `--once` runs one
 * cycle and exits: 0 when every feed and item went through, 1 when any failed (for cron).
 *
 * Standard error gets one status line per cycle and one line per failed feed or item (as
 * `sitrep fetch` says them); `--log` adds structured logs (pino), one line per feed read, item
 * ingested and failure, each failure with its kind. On a PostgreSQL store new items are read
 * here and queued for `sitrep worker` (./enqueue.ts).
 */
import { Corpus } from '../corpus.js';
import { SitrepError } from '../errors.js';
import type { Extractor } from '../extract.js';
import { cycleLine, readFeedsFile, syncFeeds, watchFeeds, type CycleSummary, type PollContext } from '../feeds/index.js';
import type { Store } from '../store/types.js';
import { maxAttemptsOf, QueueIngester } from './enqueue.js';
import type { Io } from './extract-command.js';
import { downloadSettings, pageToArticle, type DownloadOptions } from './fetch-command.js';
import { createLogger, type LogOptions } from './logger.js';
import { dbTarget, describeStore, openCommandStore } from './store-access.js';

export interface WatchOptions extends LogOptions, DownloadOptions {
  db?: string;
  once?: boolean;
  /** PostgreSQL: tries a worker gives an item's document before its job is failed. */
  maxAttempts?: string;
}

const SIGNALS = ['SIGTERM', 'SIGINT'] as const;

async function syncFile(path: string, store: Store, io: Io): Promise<void> {
  const specs = readFeedsFile(path);
  const sync = await syncFeeds(store, specs);
  const others = sync.notInFile ? `; ${sync.notInFile} other feed(s) in the store are polled too (sitrep feeds remove stops one)` : '';
  io.err(`sitrep: ${path}: ${specs.length} feed(s): ${sync.added} added, ${sync.updated} updated, ${sync.unchanged} unchanged${others}`);
}

/**
 * SIGTERM / SIGINT handling for the run: the first signal stops gracefully, the second cancels
 * downloads. Returns the two signals and a function that removes the handlers.
 */
function stopSignals(io: Io, onStop: (signal: string, hard: boolean) => void): { stop: AbortController; cancel: AbortController; release: () => void } {
  const stop = new AbortController();
  const cancel = new AbortController();
  const handler = (signal: NodeJS.Signals): void => {
    if (!stop.signal.aborted) {
      io.err(`sitrep: ${signal}: stopping after the current document(s)`);
      onStop(signal, false);
      stop.abort();
    } else if (!cancel.signal.aborted) {
      io.err(`sitrep: ${signal} again: cancelling the downloads under way`);
      onStop(signal, true);
      cancel.abort();
    }
  };
  for (const signal of SIGNALS) process.on(signal, handler);
  return { stop, cancel, release: () => SIGNALS.forEach((signal) => process.off(signal, handler)) };
}

export async function runWatch(file: string | undefined, opts: WatchOptions, io: Io, makeExtractor: () => Extractor): Promise<number> {
  const { fetchOptions, pacer } = downloadSettings(opts);
  const logger = createLogger(opts);
  const maxAttempts = maxAttemptsOf(opts.maxAttempts);
  const target = dbTarget(opts.db);
  const store = await openCommandStore(opts.db);
  // On PostgreSQL new items are queued for `sitrep worker`; on SQLite this process extracts them.
  const ingester = target.kind === 'postgres' ? await QueueIngester.open(target.url, store, maxAttempts) : null;
  const signals = stopSignals(io, (signal, hard) => logger.info({ signal, hard }, hard ? 'cancelling downloads' : 'stopping'));
  try {
    if (file !== undefined) await syncFile(file, store, io);
    const feeds = await store.listFeeds();
    if (feeds.length === 0) throw new SitrepError('E_BAD_ARGUMENT', 'no feeds to watch', 'give a FEEDS.yaml or add one with `sitrep feeds add URL`');
    const ctx: PollContext = {
      store, corpus: ingester ?? new Corpus(store, makeExtractor()), readPage: pageToArticle, pacer, fetchOptions, log: logger, say: (line) => io.err(`sitrep: ${line}`),
      stop: signals.stop.signal, cancel: signals.cancel.signal, now: Date.now,
    };
    logger.info({ feeds: feeds.length, once: opts.once === true, store: describeStore(store) }, 'watch started');
    const onCycle = (summary: CycleSummary): void => {
      io.err(cycleLine(summary));
      logger.info({ ...summary }, 'cycle finished');
    };
    const cycles = await watchFeeds(ctx, { once: opts.once === true, onCycle });
    logger.info({ cycles: cycles.length, stopped: signals.stop.signal.aborted }, 'watch finished');
    const last = cycles.at(-1);
    // After a stop the run ended as asked; only a single cron cycle reports its failures.
    return opts.once && !signals.stop.signal.aborted && last && (last.feedErrors > 0 || last.failed > 0) ? 1 : 0;
  } finally {
    signals.release();
    await ingester?.close();
    await store.close();
  }
}
