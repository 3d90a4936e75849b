/** Ingest: reading input (files, stdin, HTML, plain text) into the text sitrep stores. */
export type { Article } from './article.js';
export { readArticle, toArticle, bytesToArticle, resolveMaxBytes, DEFAULT_MAX_BYTES, MAX_BYTES_ENV } from './read.js';
export type { ReadOptions, BytesOptions, ContentKind } from './read.js';
export { htmlToArticle, looksLikeHtml } from './html.js';
export { textToArticle, normaliseText } from './text.js';
export { decodeBytes, looksBinary } from './decode.js';
export type { Decoded, DecodeOptions } from './decode.js';
export { declaredCharset, charsetOfContentType, canonicalEncoding } from './charset.js';
export type { DeclaredCharset } from './charset.js';
export { toIsoDate } from './html-meta.js';
