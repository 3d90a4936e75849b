/**
 * A job queue in PostgreSQL, on `FOR UPDATE SKIP LOCKED`: any number of workers on any number of
 * machines take jobs from one table without ever taking the same one.
 *
 * A worker takes a job with a lease (`locked_until`) and keeps extending it while it works. A
 * worker that dies (killed, its machine gone) stops extending it; once the lease has run out the
 * job is waiting again and another worker takes it, as a new try. A try that fails puts the job
 * back after a delay; the last allowed try marks it `failed` with its error. Every change after
 * the take is fenced by the worker's name and the try's number, so a worker whose lease ran out
 * can neither complete nor fail a job another worker has taken since: a job is completed once.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type pg from 'pg';

export type JobState = 'queued' | 'active' | 'done' | 'failed';

export interface NewJob<P> {
  /** The caller's name for the input: a path, a batch line, a feed item. */
  name: string;
  /** The content hash of the document's text: the same text is not queued twice at once. */
  documentId: string;
  payload: P;
}

/** A job a worker holds. `attempts` counts this try; with `worker` it fences every later change. */
export interface Job<P> {
  id: number;
  name: string;
  documentId: string;
  payload: P;
  attempts: number;
  maxAttempts: number;
  worker: string;
}

export interface QueueCounts {
  queued: number;
  active: number;
  done: number;
  failed: number;
  /** Seconds the oldest waiting job has waited (0 when none waits). */
  oldestQueuedSeconds: number;
}

export interface FailedJob {
  id: number;
  name: string;
  documentId: string;
  attempts: number;
  error: string | null;
  finishedAt: string | null;
}

export interface RunningJob {
  id: number;
  name: string;
  worker: string;
  attempts: number;
  startedAt: string;
  leaseLeftSeconds: number;
}

/** A worker's name: the machine, the process and a random part (a restarted process is another worker). */
export function workerName(): string {
  return `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
}

interface JobRow {
  id: number;
  name: string;
  document_id: string;
  payload: unknown;
  attempts: number;
  max_attempts: number;
}

export class JobQueue<P> {
  constructor(private readonly pool: pg.Pool, readonly location: string) {}

  /**
   * Queues documents in one statement. A document whose text already waits or runs under
   * another job is not queued again; returns how many were queued.
   */
  async enqueue(jobs: ReadonlyArray<NewJob<P>>, maxAttempts: number): Promise<{ queued: number; alreadyQueued: number }> {
    if (jobs.length === 0) return { queued: 0, alreadyQueued: 0 };
    const result = await this.pool.query(
      `INSERT INTO jobs (name, document_id, payload, max_attempts)
       SELECT * FROM unnest($1::text[], $2::text[], $3::jsonb[], array_fill($4::int, ARRAY[cardinality($1::text[])]))
       ON CONFLICT (document_id) WHERE state IN ('queued', 'active') DO NOTHING`,
      [jobs.map((j) => j.name), jobs.map((j) => j.documentId), jobs.map((j) => JSON.stringify(j.payload)), maxAttempts],
    );
    const queued = result.rowCount ?? 0;
    // Wakes idle workers at once instead of at their next poll.
    if (queued > 0) await this.pool.query("NOTIFY sitrep_jobs");
    return { queued, alreadyQueued: jobs.length - queued };
  }

  /**
   * Takes the oldest waiting job for `worker`, leased for `leaseSeconds`; null when none waits.
   * Rows other workers are taking are skipped, not waited for.
   */
  async take(worker: string, leaseSeconds: number): Promise<Job<P> | null> {
    const { rows } = await this.pool.query<JobRow>(
      `UPDATE jobs SET state = 'active', attempts = attempts + 1, locked_by = $1,
         locked_until = now() + make_interval(secs => $2), started_at = now()
       WHERE id = (SELECT id FROM jobs WHERE state = 'queued' AND run_after <= now() ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED)
       RETURNING id, name, document_id, payload, attempts, max_attempts`,
      [worker, leaseSeconds],
    );
    const row = rows[0];
    return row ? { id: row.id, name: row.name, documentId: row.document_id, payload: row.payload as P, attempts: row.attempts, maxAttempts: row.max_attempts, worker } : null;
  }

  /**
   * Jobs whose lease ran out (their worker died or hung) wait again, or fail when that was
   * their last try. Returns how many were taken back.
   */
  async reclaimExpired(): Promise<number> {
    const result = await this.pool.query(
      `UPDATE jobs SET
         state = CASE WHEN attempts >= max_attempts THEN 'failed' ELSE 'queued' END,
         last_error = 'worker ' || locked_by || ' stopped before finishing (its lease ran out)',
         finished_at = CASE WHEN attempts >= max_attempts THEN now() END,
         locked_by = NULL, locked_until = NULL, run_after = now()
       WHERE state = 'active' AND locked_until < now()`,
    );
    return result.rowCount ?? 0;
  }

  /** Extends a held job's lease; false when the job is no longer this worker's try. */
  async extend(job: Job<P>, leaseSeconds: number): Promise<boolean> {
    const result = await this.pool.query(
      `UPDATE jobs SET locked_until = now() + make_interval(secs => $4) WHERE id = $1 AND state = 'active' AND locked_by = $2 AND attempts = $3`,
      [job.id, job.worker, job.attempts, leaseSeconds],
    );
    return result.rowCount === 1;
  }

  /** Marks the job done with its result; false when this try no longer holds it (nothing changes then). */
  async complete(job: Job<P>, result: unknown): Promise<boolean> {
    const updated = await this.pool.query(
      `UPDATE jobs SET state = 'done', result = $4, last_error = NULL, finished_at = now(), locked_until = NULL
       WHERE id = $1 AND state = 'active' AND locked_by = $2 AND attempts = $3`,
      [job.id, job.worker, job.attempts, JSON.stringify(result)],
    );
    return updated.rowCount === 1;
  }

  /**
   * Records a failed try: the job waits `retrySeconds` and is tried again, or, when that was its
   * last try, it is `failed` with the error. Returns the job's new state (null: not this try's).
   */
  async fail(job: Job<P>, error: string, retrySeconds: number): Promise<'queued' | 'failed' | null> {
    const { rows } = await this.pool.query<{ state: 'queued' | 'failed' }>(
      `UPDATE jobs SET
         state = CASE WHEN attempts >= max_attempts THEN 'failed' ELSE 'queued' END,
         finished_at = CASE WHEN attempts >= max_attempts THEN now() END,
         last_error = $4, locked_by = NULL, locked_until = NULL, run_after = now() + make_interval(secs => $5)
       WHERE id = $1 AND state = 'active' AND locked_by = $2 AND attempts = $3
       RETURNING state`,
      [job.id, job.worker, job.attempts, error, retrySeconds],
    );
    return rows[0]?.state ?? null;
  }

  /** Gives a job back untried (a worker told to stop at once): the try does not count. */
  async release(job: Job<P>): Promise<boolean> {
    const result = await this.pool.query(
      `UPDATE jobs SET state = 'queued', attempts = attempts - 1, locked_by = NULL, locked_until = NULL, run_after = now()
       WHERE id = $1 AND state = 'active' AND locked_by = $2 AND attempts = $3`,
      [job.id, job.worker, job.attempts],
    );
    return result.rowCount === 1;
  }

  /** Failed jobs back in the queue with their tries reset: all of them, or those with these ids. */
  async retryFailed(ids: readonly number[] | null): Promise<number> {
    const result = await this.pool.query(
      `UPDATE jobs SET state = 'queued', attempts = 0, run_after = now(), finished_at = NULL
       WHERE state = 'failed' AND ($1::bigint[] IS NULL OR id = ANY($1::bigint[]))
         AND NOT EXISTS (SELECT 1 FROM jobs other WHERE other.document_id = jobs.document_id AND other.state IN ('queued', 'active'))`,
      [ids],
    );
    if ((result.rowCount ?? 0) > 0) await this.pool.query('NOTIFY sitrep_jobs');
    return result.rowCount ?? 0;
  }

  /** True while any job waits or runs. */
  async pending(): Promise<boolean> {
    const { rows } = await this.pool.query("SELECT 1 FROM jobs WHERE state IN ('queued', 'active') LIMIT 1");
    return rows.length > 0;
  }

  async counts(): Promise<QueueCounts> {
    const { rows } = await this.pool.query<{ state: JobState; n: string }>('SELECT state, count(*) AS n FROM jobs GROUP BY state');
    const counts: QueueCounts = { queued: 0, active: 0, done: 0, failed: 0, oldestQueuedSeconds: 0 };
    for (const r of rows) counts[r.state] = Number(r.n);
    const oldest = await this.pool.query<{ s: number | null }>("SELECT extract(epoch FROM now() - min(created_at))::float8 AS s FROM jobs WHERE state = 'queued'");
    counts.oldestQueuedSeconds = Math.max(0, Math.round(oldest.rows[0]?.s ?? 0));
    return counts;
  }

  /** The most recently failed jobs, newest first. */
  async failures(limit: number): Promise<FailedJob[]> {
    const { rows } = await this.pool.query<{ id: number; name: string; document_id: string; attempts: number; last_error: string | null; finished_at: Date | null }>(
      `SELECT id, name, document_id, attempts, last_error, finished_at FROM jobs WHERE state = 'failed' ORDER BY finished_at DESC, id DESC LIMIT $1`,
      [limit],
    );
    return rows.map((r) => ({ id: Number(r.id), name: r.name, documentId: r.document_id, attempts: r.attempts, error: r.last_error, finishedAt: r.finished_at?.toISOString() ?? null }));
  }

  /** The jobs under way, oldest first. */
  async running(limit: number): Promise<RunningJob[]> {
    const { rows } = await this.pool.query<{ id: number; name: string; locked_by: string; attempts: number; started_at: Date; left: number }>(
      `SELECT id, name, locked_by, attempts, started_at, extract(epoch FROM locked_until - now())::float8 AS left
       FROM jobs WHERE state = 'active' ORDER BY started_at LIMIT $1`,
      [limit],
    );
    return rows.map((r) => ({ id: Number(r.id), name: r.name, worker: r.locked_by, attempts: r.attempts, startedAt: r.started_at.toISOString(), leaseLeftSeconds: Math.round(r.left) }));
  }

  /**
   * Resolves at the next NOTIFY on the queue's channel or after `ms`, whichever comes first (how
   * an idle worker waits for work without polling hard).
   */
  async waitForWork(ms: number, signal: AbortSignal): Promise<void> {
    if (signal.aborted) return;
    const client = await this.pool.connect();
    let timer: NodeJS.Timeout | undefined;
    let onAbort: (() => void) | undefined;
    try {
      await client.query('LISTEN sitrep_jobs');
      await new Promise<void>((resolve) => {
        timer = setTimeout(resolve, ms);
        onAbort = resolve;
        signal.addEventListener('abort', onAbort, { once: true });
        client.once('notification', () => resolve());
      });
    } finally {
      clearTimeout(timer);
      if (onAbort) signal.removeEventListener('abort', onAbort);
      client.removeAllListeners('notification');
      await client.query('UNLISTEN sitrep_jobs').catch(() => undefined);
      client.release();
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
