/**
 * `sitrep ingest` on a PostgreSQL store: files, folders and batches are read and cleaned here
 * (decoding, HTML to article text, metadata) and queued as jobs; `sitrep worker` processes on
 * any machine extract and store them. A text already stored, or already waiting in the queue, is
 * not queued again. Also the queue a `sitrep watch` on PostgreSQL hands its items to.
 */
import type { IngestInput } from '../corpus.js';
import { docId } from '../doc.js';
import { SitrepError } from '../errors.js';
import { readInputs } from '../ingest/inputs.js';
import { documentJob, openQueue, type DocumentJob, type JobQueue, type NewJob } from '../queue/index.js';
import type { DocumentStatus, Store } from '../store/types.js';
import type { Io } from './extract-command.js';

/** Tries before a job that keeps failing is marked failed. */
export const DEFAULT_MAX_ATTEMPTS = 3;
const BATCH = 200;

export function maxAttemptsOf(value: string | undefined): number {
  if (value === undefined) return DEFAULT_MAX_ATTEMPTS;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 100) throw new SitrepError('E_BAD_ARGUMENT', `--max-attempts wants a whole number from 1 to 100, not "${value}"`);
  return n;
}

export interface EnqueueTally {
  queued: number;
  alreadyQueued: number;
  known: number;
  failed: number;
}

export function enqueueSummary(t: EnqueueTally): string {
  return (
    `documents: ${t.queued} queued, ${t.alreadyQueued} already queued, ${t.known} already stored, ${t.failed} failed to read; ` +
    '`sitrep worker` extracts and stores them, `sitrep jobs` shows the queue'
  );
}

export interface EnqueueOptions {
  published?: string;
  source?: string;
  maxBytes: number | undefined;
  maxAttempts: number;
}

/** Reads every input and queues it, a batch at a time; returns the exit status (1 when some could not be read). */
export async function enqueueInputs(paths: readonly string[], url: string, store: Store, opts: EnqueueOptions, io: Io): Promise<number> {
  const queue = await openQueue<DocumentJob>(url, 2);
  const tally: EnqueueTally = { queued: 0, alreadyQueued: 0, known: 0, failed: 0 };
  let batch: Array<NewJob<DocumentJob>> = [];
  const flush = async (): Promise<void> => {
    const { queued, alreadyQueued } = await queue.enqueue(batch, opts.maxAttempts);
    tally.queued += queued;
    tally.alreadyQueued += alreadyQueued;
    batch = [];
  };
  try {
    for await (const input of readInputs(paths, { maxBytes: opts.maxBytes })) {
      if (!input.item) {
        tally.failed++;
        io.err(`sitrep: skipped ${input.error}`);
        continue;
      }
      const { item } = input;
      // What reading found wrong (undecodable bytes) is said now; what extraction finds, by the worker.
      for (const warning of item.article.warnings) io.err(`sitrep: warning: ${input.name}: ${warning}`);
      if (await store.hasDocument(docId(item.article.text))) {
        tally.known++;
        continue;
      }
      const job: IngestInput = {
        article: item.article,
        meta: {
          name: input.name, externalId: item.externalId, url: item.url, title: item.title,
          published: opts.published ?? item.published ?? undefined, source: opts.source ?? item.source ?? undefined,
        },
      };
      batch.push(documentJob(input.name, job));
      if (batch.length >= BATCH) await flush();
    }
    await flush();
  } finally {
    await queue.close();
  }
  io.err(enqueueSummary(tally));
  return tally.failed > 0 ? 1 : 0;
}

/**
 * What `sitrep watch` ingests through on PostgreSQL: each item is queued instead of extracted,
 * and reported as new (queued) or known (stored or waiting already). Its events are counted by
 * the worker that stores it.
 */
export class QueueIngester {
  constructor(private readonly store: Store, private readonly queue: JobQueue<DocumentJob>, private readonly maxAttempts: number) {}

  static async open(url: string, store: Store, maxAttempts: number): Promise<QueueIngester> {
    return new QueueIngester(store, await openQueue<DocumentJob>(url, 2), maxAttempts);
  }

  /** A queued item has no stored document yet (documentId null); a known one names its document. */
  async ingest(input: IngestInput): Promise<{ documentId: string | null; status: DocumentStatus; eventsNew: number; eventsMerged: number }> {
    const { meta, article } = input;
    const job = documentJob(meta.name ?? article.meta.name ?? meta.url ?? article.meta.url ?? meta.externalId ?? 'feed item', input);
    if (await this.store.hasDocument(job.documentId)) return { documentId: job.documentId, status: 'known', eventsNew: 0, eventsMerged: 0 };
    const { queued } = await this.queue.enqueue([job], this.maxAttempts);
    return { documentId: null, status: queued ? 'new' : 'known', eventsNew: 0, eventsMerged: 0 };
  }

  close(): Promise<void> {
    return this.queue.close();
  }
}
