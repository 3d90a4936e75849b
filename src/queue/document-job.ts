/**
 * What a job carries: one document as read and cleaned at enqueue (its text, the metadata read
 * from it and what the caller said about it), ready for the worker to extract and store.
 */
import type { IngestInput } from '../corpus.js';
import { docId } from '../doc.js';
import type { NewJob } from './queue.js';

export type DocumentJob = IngestInput;

/** The job for one read document, under the name the caller knows it by. */
export function documentJob(name: string, input: IngestInput): NewJob<DocumentJob> {
  return { name, documentId: docId(input.article.text), payload: input };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The document a job's payload holds, checked: a payload that is not one (written by another
 * version, or by hand) fails its job with this error instead of failing somewhere in extraction.
 */
export function readDocumentJob(payload: unknown): DocumentJob {
  if (!isObject(payload) || !isObject(payload.article) || !isObject(payload.meta)) throw new Error('the job holds no document (no article or meta)');
  const { article } = payload;
  if (typeof article.text !== 'string') throw new Error('the job\'s document has no text');
  if (!isObject(article.meta) || !Array.isArray(article.warnings)) throw new Error('the job\'s document has no metadata or warnings');
  return payload as unknown as DocumentJob;
}
