/**
 * `sitrep extract FILE...`: reads each file (or `-` for stdin), extracts its events and writes
 * them in the chosen format. A file that cannot be read is reported on one stderr line and the
 * others are still processed; the exit status is then non-zero.
 */
import { isCalendarDate } from '../calendar.js';
import { SitrepError } from '../errors.js';
import { readArticle } from '../ingest/index.js';
import type { Extractor } from '../extract.js';
import { createWriter, outputFormat } from '../record/writers.js';
import { explain } from './explain.js';

export interface ExtractOptions {
  published?: string;
  source?: string;
  json?: boolean;
  format?: string;
  explain?: boolean;
  maxBytes?: string;
}

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
  stdoutIsTTY: boolean;
  /** Standard error is a terminal: progress bars are drawn there. */
  errIsTTY?: boolean;
  /**
   * Resolves once standard output has taken what was written (a slow reader, a full pipe):
   * long outputs wait on it between pages, so that they never pile up in memory.
   */
  drain?: () => Promise<void>;
}

/** A real calendar date written YYYY-MM-DD (2018-02-30 is refused). */
export function checkDate(value: string, option: string): string {
  if (!isCalendarDate(value)) {
    throw new SitrepError('E_BAD_ARGUMENT', `${option} "${value}" is not a date`, 'write it as YYYY-MM-DD, e.g. 2018-07-31');
  }
  return value;
}

/** `--max-bytes`: a positive whole number of bytes, or undefined for the default cap. */
export function maxBytesOf(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new SitrepError('E_BAD_ARGUMENT', `--max-bytes "${value}" is not a positive whole number`);
  return n;
}

/** Returns the exit status. */
export async function runExtract(files: string[], opts: ExtractOptions, io: Io, makeExtractor: () => Extractor): Promise<number> {
  const published = opts.published === undefined ? undefined : checkDate(opts.published, '--published');
  const format = outputFormat(opts, io.stdoutIsTTY);
  const maxBytes = maxBytesOf(opts.maxBytes);
  let extractor: Extractor | null = null;
  const writer = createWriter(format, io.out);
  let failures = 0;
  for (const file of files) {
    let article;
    try {
      article = await readArticle(file, maxBytes === undefined ? {} : { maxBytes });
    } catch (error) {
      if (!(error instanceof SitrepError)) throw error;
      io.err(`sitrep: ${error.toLine()}`);
      failures++;
      continue;
    }
    extractor ??= makeExtractor();
    const { doc, records } = extractor.extractArticle(article, { name: file, published: published ?? null, source: opts.source ?? null });
    for (const warning of doc.warnings) io.err(`sitrep: warning: ${warning}`);
    if (opts.explain) explain(doc, records, io.err);
    writer.write(records, doc.events);
  }
  writer.end();
  return failures > 0 ? 1 : 0;
}
