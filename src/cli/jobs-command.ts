/**
 * `sitrep jobs`: the PostgreSQL job queue at a glance: jobs by state, the ones under way (which
 * worker, how much lease is left) and the failed ones with their errors. `sitrep jobs retry`
 * puts failed jobs back in the queue with fresh tries (after the cause is fixed).
 */
import { SitrepError } from '../errors.js';
import { openQueue, type DocumentJob, type JobQueue } from '../queue/index.js';
import type { Io } from './extract-command.js';
import { dbTarget } from './store-access.js';

export interface JobsOptions {
  db?: string;
  json?: boolean;
  failed?: string;
}

async function withQueue<T>(db: string | undefined, work: (queue: JobQueue<DocumentJob>) => Promise<T>): Promise<T> {
  const target = dbTarget(db);
  if (target.kind !== 'postgres') {
    throw new SitrepError('E_BAD_ARGUMENT', 'the job queue lives in a PostgreSQL store', 'give --db postgres://… or SITREP_DB; on SQLite `sitrep ingest` extracts at once and queues nothing');
  }
  const queue = await openQueue<DocumentJob>(target.url, 1);
  try {
    return await work(queue);
  } finally {
    await queue.close();
  }
}

export async function runJobs(opts: JobsOptions, io: Io): Promise<number> {
  const limit = opts.failed === undefined ? 10 : Number(opts.failed);
  if (!Number.isInteger(limit) || limit < 0) throw new SitrepError('E_BAD_ARGUMENT', `--failed wants a whole number, not "${opts.failed}"`);
  return withQueue(opts.db, async (queue) => {
    const [counts, running, failed] = await Promise.all([queue.counts(), queue.running(100), queue.failures(limit)]);
    if (opts.json) {
      io.out(JSON.stringify({ counts, running, failed }));
      return 0;
    }
    const waited = counts.queued > 0 ? ` (oldest waiting ${counts.oldestQueuedSeconds}s)` : '';
    io.out(`jobs in ${queue.location}: ${counts.queued} queued${waited}, ${counts.active} running, ${counts.done} done, ${counts.failed} failed`);
    if (running.length > 0) io.out('running:');
    for (const r of running) {
      io.out(`  job ${r.id}  ${r.name}  on ${r.worker}, try ${r.attempts}, lease ${r.leaseLeftSeconds > 0 ? `${r.leaseLeftSeconds}s left` : 'ran out'}`);
    }
    if (failed.length > 0) io.out(`failed (newest first${failed.length < counts.failed ? `, ${failed.length} of ${counts.failed}; --failed N shows more` : ''}):`);
    for (const f of failed) io.out(`  job ${f.id}  ${f.name}  after ${f.attempts} tr${f.attempts === 1 ? 'y' : 'ies'}: ${f.error ?? 'no error recorded'}`);
    return 0;
  });
}

export async function runJobsRetry(ids: string[], opts: { db?: string; all?: boolean }, io: Io): Promise<number> {
  if (ids.length === 0 && !opts.all) throw new SitrepError('E_BAD_ARGUMENT', 'name the failed jobs to retry, or give --all');
  const numbers = ids.map((id) => {
    const n = Number(id);
    if (!Number.isInteger(n) || n < 1) throw new SitrepError('E_BAD_ARGUMENT', `"${id}" is not a job id`);
    return n;
  });
  return withQueue(opts.db, async (queue) => {
    const count = await queue.retryFailed(opts.all ? null : numbers);
    io.err(`sitrep: ${count} failed job(s) back in the queue`);
    return 0;
  });
}
