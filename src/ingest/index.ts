/** Ingest: reading input (files, stdin, HTML, plain text) into the text sitrep stores. */
export type { Article } from './article.js';
export { readArticle, toArticle, resolveMaxBytes, DEFAULT_MAX_BYTES, MAX_BYTES_ENV } from './read.js';
export type { ReadOptions } from './read.js';
export { htmlToArticle, looksLikeHtml } from './html.js';
export { textToArticle, normaliseText } from './text.js';
export { decodeBytes, looksBinary } from './decode.js';
export { toIsoDate } from './html-meta.js';
