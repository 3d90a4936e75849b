/**
 * The worker loop: `concurrency` slots, each taking a job, running the handler on it and
 * recording the outcome, until told to stop (or, with `drain`, until no job waits or runs).
 *
 * While a job runs its lease is extended every third of the lease, so a live worker keeps its
 * job however long the handler takes between two awaits; only a dead one loses it. A handler
 * that throws fails the try: the job waits `retrySeconds`, doubled at each further try, or is
 * `failed` after its last. On `stop` the slots take no more jobs and the jobs under way finish;
 * on `abandon` they are given back at once (the try does not count) and the loop returns
 * without waiting for their handlers.
 */
import type { Job, JobQueue } from './queue.js';

export type WorkerEvent<R> =
  | { kind: 'done'; job: Job<unknown>; result: R; ms: number }
  /** The try failed: `next` is the job's state now (waiting for another try, or failed). */
  | { kind: 'error'; job: Job<unknown>; error: string; next: 'queued' | 'failed' }
  /** The lease was lost while the handler ran (the worker stalled past it): the outcome was not recorded. */
  | { kind: 'lost'; job: Job<unknown> }
  | { kind: 'released'; job: Job<unknown> }
  | { kind: 'reclaimed'; count: number };

export interface WorkerOptions<R> {
  worker: string;
  concurrency: number;
  leaseSeconds: number;
  /** Delay before the second try; doubled at each further try. */
  retrySeconds: number;
  /** Longest wait for work while idle (a NOTIFY wakes the worker sooner). */
  idleMs: number;
  /** Return once no job waits or runs anywhere. */
  drain: boolean;
  stop: AbortSignal;
  abandon: AbortSignal;
  onEvent(event: WorkerEvent<R>): void;
}

export interface WorkerSummary {
  done: number;
  errors: number;
  lost: number;
  released: number;
}

/** The error's one-line message, as it is stored with the job and shown by `sitrep jobs`. */
export function errorLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]!.slice(0, 2000);
}

export async function runWorker<P, R>(queue: JobQueue<P>, handle: (job: Job<P>) => Promise<R>, opts: WorkerOptions<R>): Promise<WorkerSummary> {
  const summary: WorkerSummary = { done: 0, errors: 0, lost: 0, released: 0 };
  const held = new Map<number, { job: Job<P>; released: boolean }>();
  let lastReclaim = 0;

  const reclaim = async (): Promise<void> => {
    // Once a second per process is plenty: a lease is tens of seconds.
    if (Date.now() - lastReclaim < 1000) return;
    lastReclaim = Date.now();
    const count = await queue.reclaimExpired();
    if (count > 0) opts.onEvent({ kind: 'reclaimed', count });
  };

  const runOne = async (job: Job<P>): Promise<void> => {
    const entry = { job, released: false };
    held.set(job.id, entry);
    let lost = false;
    const heartbeat = setInterval(() => {
      queue.extend(job, opts.leaseSeconds).then((ok) => (lost ||= !ok), () => undefined);
    }, (opts.leaseSeconds * 1000) / 3);
    const started = performance.now();
    try {
      const result = await handle(job);
      if (entry.released) return;
      if (await queue.complete(job, result)) {
        summary.done++;
        opts.onEvent({ kind: 'done', job, result, ms: performance.now() - started });
      } else {
        summary.lost++;
        opts.onEvent({ kind: 'lost', job });
      }
    } catch (error) {
      if (entry.released) return;
      const next = await queue.fail(job, errorLine(error), opts.retrySeconds * 2 ** (job.attempts - 1));
      if (next === null || lost) {
        summary.lost++;
        opts.onEvent({ kind: 'lost', job });
      } else {
        summary.errors++;
        opts.onEvent({ kind: 'error', job, error: errorLine(error), next });
      }
    } finally {
      clearInterval(heartbeat);
      held.delete(job.id);
    }
  };

  const slot = async (): Promise<void> => {
    while (!opts.stop.aborted && !opts.abandon.aborted) {
      await reclaim();
      const job = await queue.take(opts.worker, opts.leaseSeconds);
      if (job) {
        await runOne(job);
        continue;
      }
      if (opts.drain && !(await queue.pending())) return;
      // Draining, the last jobs under way elsewhere end with no NOTIFY: look again soon.
      await queue.waitForWork(opts.drain ? Math.min(opts.idleMs, 250) : opts.idleMs, opts.stop);
    }
  };

  // On abandon: every job under way goes back now, and the loop returns without its handlers.
  const abandoned = new Promise<void>((resolve) => {
    const giveBack = async (): Promise<void> => {
      for (const entry of held.values()) {
        entry.released = true;
        if (await queue.release(entry.job).catch(() => false)) {
          summary.released++;
          opts.onEvent({ kind: 'released', job: entry.job });
        }
      }
      resolve();
    };
    if (opts.abandon.aborted) void giveBack();
    else opts.abandon.addEventListener('abort', () => void giveBack(), { once: true });
  });
  const slots = Promise.all(Array.from({ length: Math.max(1, opts.concurrency) }, slot));
  await Promise.race([slots, abandoned]);
  return summary;
}
