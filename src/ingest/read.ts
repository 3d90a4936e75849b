/**
 * Reads one input (a file path, or `-` for standard input) into an Article, refusing what is
 * not an article (missing, a directory, binary, too large) with one SitrepError naming it.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { formatBytes } from '../bytes.js';
import { SitrepError } from '../errors.js';
import type { Article } from './article.js';
import { assertText, decodeBytes } from './decode.js';
import { looksLikeHtml, htmlToArticle } from './html.js';
import { textToArticle } from './text.js';

export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
export const MAX_BYTES_ENV = 'SITREP_MAX_BYTES';

export interface ReadOptions {
  /** Size cap in bytes; default `SITREP_MAX_BYTES` from the environment, else 10 MB. */
  maxBytes?: number;
  /** Where `-` reads from; standard input unless a test gives another stream. */
  stdin?: Readable;
}

/** The cap in force: the option, else the environment variable, else the default. */
export function resolveMaxBytes(maxBytes?: number, env: NodeJS.ProcessEnv = process.env): number {
  if (maxBytes !== undefined) return maxBytes;
  const fromEnv = env[MAX_BYTES_ENV];
  if (fromEnv === undefined || fromEnv.trim() === '') return DEFAULT_MAX_BYTES;
  const parsed = Number(fromEnv);
  if (!Number.isInteger(parsed) || parsed <= 0) {
    throw new SitrepError('E_BAD_ARGUMENT', `${MAX_BYTES_ENV}=${fromEnv} is not a positive whole number of bytes`);
  }
  return parsed;
}

function tooLarge(name: string, cap: number): SitrepError {
  return new SitrepError(
    'E_TOO_LARGE',
    `${name} is larger than the ${formatBytes(cap)} input cap; ` +
      `to read it, set ${MAX_BYTES_ENV} to a larger number of bytes`,
  );
}

/** Reads a stream whole, failing as soon as it passes the cap (stdin may be endless). */
async function readCapped(stream: Readable, name: string, cap: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    total += buffer.length;
    if (total > cap) {
      stream.destroy();
      throw tooLarge(name, cap);
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks, total);
}

function readFailure(name: string, err: NodeJS.ErrnoException): SitrepError {
  if (err.code === 'ENOENT') return new SitrepError('E_NOT_FOUND', `${name}: no such file`);
  if (err.code === 'EISDIR') return new SitrepError('E_IS_DIRECTORY', `${name} is a directory, not a file`);
  if (err.code === 'EACCES') return new SitrepError('E_READ', `${name}: permission denied`);
  return new SitrepError('E_READ', `cannot read ${name}: ${err.message}`);
}

async function readFileBytes(path: string, cap: number): Promise<Uint8Array> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new SitrepError('E_IS_DIRECTORY', `${path} is a directory, not a file`);
    // Regular files are checked before reading; pipes and devices report no size, so the
    // capped stream read catches those.
    if (info.isFile() && info.size > cap) throw tooLarge(path, cap);
    return await readCapped(createReadStream(path), path, cap);
  } catch (err) {
    if (err instanceof SitrepError) throw err;
    throw readFailure(path, err as NodeJS.ErrnoException);
  }
}

/** What a document's bytes are, when the transport said so (an HTTP Content-Type); else sniffed. */
export type ContentKind = 'html' | 'text';

/** Decoded text to an Article: HTML is reduced to its article text, plain text normalised. */
export function toArticle(raw: string, name: string, url?: string, kind?: ContentKind): Article {
  const isHtml = kind === undefined ? looksLikeHtml(raw) : kind === 'html';
  const article = isHtml ? htmlToArticle(raw, url) : textToArticle(raw);
  return { ...article, meta: { ...article.meta, name } };
}

export interface BytesOptions {
  /** The charset the transport declared (HTTP Content-Type); a BOM still wins over it. */
  charset?: string | null;
  /** The page's address, against which a relative canonical URL is resolved. */
  url?: string;
  kind?: ContentKind;
}

/**
 * Bytes already in memory (a downloaded page) to an Article: refused when binary, decoded in the
 * charset they declare, HTML reduced to its article. Decoding warnings name the input.
 */
export function bytesToArticle(bytes: Uint8Array, name: string, options: BytesOptions = {}): Article {
  assertText(bytes, name);
  const decoded = decodeBytes(bytes, name, { charset: options.charset ?? null });
  const article = toArticle(decoded.text, name, options.url, options.kind);
  return { ...article, warnings: [...decoded.warnings, ...article.warnings] };
}

/**
 * Reads a plain-text or HTML article. Empty input gives empty text; bytes that are not
 * UTF-8 are decoded in the charset an HTML page declares, or anyway with a warning.
 */
export async function readArticle(path: string, opts: ReadOptions = {}): Promise<Article> {
  const cap = resolveMaxBytes(opts.maxBytes);
  const name = path === '-' ? 'standard input' : path;
  const bytes = path === '-' ? await readCapped(opts.stdin ?? process.stdin, name, cap) : await readFileBytes(path, cap);
  const article = bytesToArticle(bytes, name);
  return { ...article, meta: { ...article.meta, name: path } };
}
