/** The job queue in PostgreSQL and the worker loop that drains it (`sitrep worker`, `sitrep jobs`). */
export { JobQueue, workerName } from './queue.js';
export type { FailedJob, Job, JobState, NewJob, QueueCounts, RunningJob } from './queue.js';
export { openQueue } from './open.js';
export { redactUrl } from '../store/postgres/db.js';
export { errorLine, runWorker } from './worker.js';
export type { WorkerEvent, WorkerOptions, WorkerSummary } from './worker.js';
export { documentJob, readDocumentJob } from './document-job.js';
export type { DocumentJob } from './document-job.js';
