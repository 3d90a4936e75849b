/**
 * `sitrep worker`: takes queued documents from the PostgreSQL job queue, extracts them and
 * stores them with their merges, `--concurrency` jobs at a time, until SIGTERM or SIGINT. Run
 * as many as the database bears, on any machines that reach it.
 *
 * The first signal stops taking jobs and lets the ones under way finish (exit 0); a second
 * gives them back to the queue at once, untried. A worker that is killed outright loses its
 * jobs' leases: after `--lease` seconds another worker takes them. A document that fails
 * `max attempts` times (see `sitrep ingest --max-attempts`) ends `failed` with its error, which
 * `sitrep jobs` shows. Standard error gets one line at start, one per failed try and one at the
 * end; `--log` adds a structured line per job.
 */
import { Corpus } from '../corpus.js';
import { SitrepError } from '../errors.js';
import type { Extractor } from '../extract.js';
import { openQueue, readDocumentJob, runWorker, workerName, type DocumentJob, type WorkerEvent } from '../queue/index.js';
import type { IngestOutcome } from '../store/types.js';
import type { Io } from './extract-command.js';
import { createLogger, type LogOptions } from './logger.js';
import { dbTarget, describeStore, openCommandStore } from './store-access.js';

export interface WorkerCommandOptions extends LogOptions {
  db?: string;
  concurrency?: string;
  lease?: string;
  retryDelay?: string;
  drain?: boolean;
}

/** What a done job records: the store's outcome and what the extraction warned about. */
export type JobResult = IngestOutcome & { warnings: string[] };

function whole(value: string | undefined, flag: string, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new SitrepError('E_BAD_ARGUMENT', `${flag} wants a whole number from ${min} to ${max}, not "${value}"`);
  return n;
}

const SIGNALS = ['SIGTERM', 'SIGINT'] as const;

/** First signal: stop taking jobs; second: give the ones under way back. */
function stopSignals(io: Io): { stop: AbortController; abandon: AbortController; release: () => void } {
  const stop = new AbortController();
  const abandon = new AbortController();
  const handler = (signal: NodeJS.Signals): void => {
    if (!stop.signal.aborted) {
      io.err(`sitrep: ${signal}: finishing the job(s) under way, taking no more`);
      stop.abort();
    } else if (!abandon.signal.aborted) {
      io.err(`sitrep: ${signal} again: giving the job(s) under way back to the queue`);
      abandon.abort();
    }
  };
  for (const signal of SIGNALS) process.on(signal, handler);
  return { stop, abandon, release: () => SIGNALS.forEach((signal) => process.off(signal, handler)) };
}

export async function runWorkerCommand(opts: WorkerCommandOptions, io: Io, makeExtractor: () => Extractor): Promise<number> {
  const concurrency = whole(opts.concurrency, '--concurrency', 1, 1, 64);
  const leaseSeconds = whole(opts.lease, '--lease', 60, 2, 86_400);
  const retrySeconds = whole(opts.retryDelay, '--retry-delay', 30, 0, 86_400);
  const target = dbTarget(opts.db);
  if (target.kind !== 'postgres') {
    throw new SitrepError('E_BAD_ARGUMENT', 'sitrep worker needs a PostgreSQL store', 'give --db postgres://… or SITREP_DB; on SQLite `sitrep ingest` extracts in its own process');
  }
  const logger = createLogger(opts);
  const store = await openCommandStore(opts.db);
  const signals = stopSignals(io);
  try {
    // A connection per slot, one for the idle wait and one for lease extensions.
    const queue = await openQueue<DocumentJob>(target.url, concurrency + 2);
    try {
      const corpus = new Corpus(store, makeExtractor());
      const worker = workerName();
      io.err(`sitrep: worker ${worker}: ${concurrency} job(s) at a time from ${describeStore(store)}; lease ${leaseSeconds}s`);
      logger.info({ worker, concurrency, leaseSeconds, store: store.location }, 'worker started');
      const onEvent = (event: WorkerEvent<JobResult>): void => {
        if (event.kind === 'reclaimed') {
          io.err(`sitrep: ${event.count} job(s) of stopped workers are back in the queue`);
          logger.warn({ count: event.count }, 'jobs reclaimed');
          return;
        }
        const { job } = event;
        const fields = { job: job.id, name: job.name, document: job.documentId, attempt: job.attempts };
        if (event.kind === 'done') {
          const r = event.result;
          logger.info({ ...fields, status: r.status, eventsNew: r.eventsNew, eventsMerged: r.eventsMerged, ms: Math.round(event.ms) }, 'job done');
        } else if (event.kind === 'error') {
          const fate = event.next === 'failed' ? 'given up' : 'will be tried again';
          io.err(`sitrep: job ${job.id} (${job.name}) failed, try ${job.attempts} of ${job.maxAttempts}, ${fate}: ${event.error}`);
          logger.warn({ ...fields, error: event.error, next: event.next }, 'job failed');
        } else if (event.kind === 'lost') {
          io.err(`sitrep: job ${job.id} (${job.name}): its lease ran out before it finished; its outcome was left to the worker that took it over`);
          logger.warn(fields, 'job lease lost');
        } else {
          logger.info(fields, 'job given back');
        }
      };
      const handle = async (job: { payload: DocumentJob }): Promise<JobResult> => {
        const { warnings, undated: _undated, ...outcome } = await corpus.ingest(readDocumentJob(job.payload));
        return { ...outcome, warnings };
      };
      const summary = await runWorker(queue, handle, {
        worker, concurrency, leaseSeconds, retrySeconds, idleMs: 5000, drain: opts.drain === true,
        stop: signals.stop.signal, abandon: signals.abandon.signal, onEvent,
      }).catch((error: unknown) => {
        // The queue itself failed (the database went away): one line, and a non-zero exit for the supervisor to restart on.
        logger.error({ worker, error: (error as Error).message }, 'worker stopped by a queue error');
        throw new SitrepError('E_STORE', `worker ${worker}: the job queue failed: ${(error as Error).message}`);
      });
      io.err(`sitrep: worker ${worker}: ${summary.done} job(s) done, ${summary.errors} failed tr(ies), ${summary.lost} lost, ${summary.released} given back`);
      logger.info({ worker, ...summary }, 'worker stopped');
      return 0;
    } finally {
      await queue.close();
    }
  } finally {
    signals.release();
    await store.close();
  }
}
