/**
 * What `sitrep ingest PATH...` reads: files, folders (recursively, in name order) and JSONL
 * batches. Inside a folder only article files (.txt, .html, .htm) are read: a folder of
 * articles often holds a gold file or a README that is not news; a batch is read when named.
 * Each document comes out as one item that either carries an Article or the one-line
 * reason it could not be read, so that a bad document is reported and the batch goes on.
 */
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { SitrepError } from '../errors.js';
import type { Article } from './article.js';
import { parseBatchLine, type BatchItem } from './batch.js';
import { readArticle, type ReadOptions } from './read.js';

/** Extensions read as articles inside folders (files named on the command line are always read). */
const ARTICLE_EXTENSIONS = new Set(['.txt', '.text', '.html', '.htm']);
const BATCH_EXTENSIONS = new Set(['.jsonl', '.ndjson']);

export interface InputItem {
  /** Where it came from: a path, or "path line N" for a batch line. */
  name: string;
  /** The document, or why it could not be read. */
  item: BatchItem | null;
  error: string | null;
}

const fromArticle = (article: Article): BatchItem => ({ article, externalId: null, url: null, title: null, published: null, source: null });

const failed = (name: string, error: unknown): InputItem => ({
  name,
  item: null,
  error: error instanceof SitrepError ? error.toLine() : `${name}: ${(error as Error).message}`,
});

/** Files under a folder, recursively, in a stable (sorted) order; hidden entries are skipped. */
async function* walk(dir: string): AsyncGenerator<string> {
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.isFile()) {
      const ext = extname(entry.name).toLowerCase();
      if (ARTICLE_EXTENSIONS.has(ext)) yield path;
    }
  }
}

async function* batchLines(path: string): AsyncGenerator<InputItem> {
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    n++;
    if (line.trim() === '') continue;
    const name = `${path} line ${n}`;
    try {
      yield { name, item: parseBatchLine(line, name), error: null };
    } catch (error) {
      yield failed(name, error);
    }
  }
}

async function* fileItems(path: string, options: ReadOptions): AsyncGenerator<InputItem> {
  if (BATCH_EXTENSIONS.has(extname(path).toLowerCase())) {
    yield* batchLines(path);
    return;
  }
  try {
    yield { name: path, item: fromArticle(await readArticle(path, options)), error: null };
  } catch (error) {
    yield failed(path, error);
  }
}

/** Every document named by the paths, one at a time (a huge batch is never held in memory). */
export async function* readInputs(paths: readonly string[], options: ReadOptions = {}): AsyncGenerator<InputItem> {
  for (const path of paths) {
    let isDirectory = false;
    try {
      isDirectory = path !== '-' && (await stat(path)).isDirectory();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        yield failed(path, new SitrepError('E_NOT_FOUND', `${path}: no such file or folder`));
        continue;
      }
      yield failed(path, error);
      continue;
    }
    if (!isDirectory) {
      yield* fileItems(path, options);
      continue;
    }
    for await (const file of walk(path)) yield* fileItems(file, options);
  }
}
