/**
 * `sitrep ingest PATH...`: files, folders and JSONL batches into the store. Each document is
 * committed on its own, so an interrupted run keeps what it stored and a rerun skips it (same
 * content hash). A document that cannot be read or stored is reported on one line and skipped.
 * A progress bar runs on a terminal; a summary line ends the run. On a PostgreSQL store the
 * documents are read here and queued for `sitrep worker` (./enqueue.ts), unless `--no-queue`.
 */
import cliProgress from 'cli-progress';
import { Corpus } from '../corpus.js';
import { SitrepError } from '../errors.js';
import type { Extractor } from '../extract.js';
import { readInputs } from '../ingest/inputs.js';
import { enqueueInputs, maxAttemptsOf } from './enqueue.js';
import { checkDate, maxBytesOf, type Io } from './extract-command.js';
import { dbTarget, openCommandStore, openExistingStore } from './store-access.js';

export interface IngestOptions {
  db?: string;
  published?: string;
  source?: string;
  maxBytes?: string;
  progress?: boolean;
  /** PostgreSQL: tries a worker gives a document before its job is failed. */
  maxAttempts?: string;
  /** PostgreSQL: false extracts and stores in this process, as on SQLite (`--no-queue`). */
  queue?: boolean;
}

export interface IngestTally {
  new: number;
  known: number;
  copies: number;
  failed: number;
  /** Documents whose relative dates were resolved against a guessed publication date. */
  undated: number;
  eventsNew: number;
  eventsMerged: number;
}

export function summaryLine(t: IngestTally): string {
  return (
    `documents: ${t.new} new, ${t.known} already known, ${t.copies} wire copies, ${t.failed} failed; ` +
    `events: ${t.eventsNew} new, ${t.eventsMerged} merged` +
    (t.undated ? `; ${t.undated} without a publication date (give --published or a "published" field)` : '')
  );
}

/** Returns the exit status: 0 when every document was stored or known, 1 when some failed. */
export async function runIngest(paths: string[], opts: IngestOptions, io: Io, makeExtractor: () => Extractor): Promise<number> {
  if (paths.length === 0) throw new SitrepError('E_BAD_ARGUMENT', 'ingest needs at least one file, folder or batch');
  const published = opts.published === undefined ? undefined : checkDate(opts.published, '--published');
  const maxBytes = maxBytesOf(opts.maxBytes);
  const maxAttempts = maxAttemptsOf(opts.maxAttempts);
  const target = dbTarget(opts.db);
  const store = await openCommandStore(opts.db);
  // On PostgreSQL the documents are queued here and extracted by `sitrep worker` processes.
  if (target.kind === 'postgres' && opts.queue !== false) {
    try {
      return await enqueueInputs(paths, target.url, store, { published, source: opts.source, maxBytes, maxAttempts }, io);
    } finally {
      await store.close();
    }
  }
  const corpus = new Corpus(store, makeExtractor());
  const tally: IngestTally = { new: 0, known: 0, copies: 0, failed: 0, undated: 0, eventsNew: 0, eventsMerged: 0 };
  const bar = opts.progress !== false && io.errIsTTY
    ? new cliProgress.SingleBar({ format: 'ingest {value} documents | {new} new, {known} known, {failed} failed | {duration_formatted}', stream: process.stderr, clearOnComplete: true }, cliProgress.Presets.shades_classic)
    : null;
  bar?.start(0, 0, { new: 0, known: 0, failed: 0 });
  const report = (line: string): void => {
    if (bar) bar.stop();
    io.err(`sitrep: ${line}`);
    if (bar) bar.start(0, tally.new + tally.known + tally.copies + tally.failed, { ...tally });
  };
  try {
    for await (const input of readInputs(paths, { maxBytes })) {
      if (!input.item) {
        tally.failed++;
        report(`skipped ${input.error}`);
      } else {
        const { item } = input;
        try {
          const outcome = await corpus.ingest({
            article: item.article,
            meta: {
              name: input.name, externalId: item.externalId, url: item.url, title: item.title,
              published: published ?? item.published ?? undefined, source: opts.source ?? item.source ?? undefined,
            },
          });
          if (outcome.status === 'known') tally.known++;
          else if (outcome.status === 'copy') tally.copies++;
          else tally.new++;
          tally.eventsNew += outcome.eventsNew;
          tally.eventsMerged += outcome.eventsMerged;
          // Each warning once per document, naming it: undecodable bytes, a guessed publication date.
          for (const warning of outcome.warnings) report(`warning: ${input.name}: ${warning}`);
          if (outcome.undated) tally.undated++;
        } catch (error) {
          tally.failed++;
          report(`skipped ${input.name}: ${error instanceof SitrepError ? error.toLine() : (error as Error).message}`);
        }
      }
      bar?.increment(1, { ...tally });
    }
  } finally {
    bar?.stop();
    await store.close();
  }
  io.err(summaryLine(tally));
  return tally.failed > 0 ? 1 : 0;
}

/** `sitrep remerge`: events rebuilt from the mentions, in arrival order, in one transaction. */
export async function runRemerge(opts: { db?: string }, io: Io): Promise<number> {
  const store = await openExistingStore(opts.db);
  try {
    const before = await store.stats();
    const { events } = await store.remerge();
    io.err(`events: ${before.events} before, ${events} after re-merging ${before.mentions} mentions`);
    return 0;
  } finally {
    await store.close();
  }
}
