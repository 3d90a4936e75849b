/**
 * Plain-text normalisation: the one place where the stored text is fixed. Everything later
 * is a span into what comes out of here, so the rules are few and never depend on content.
 */
import type { Article } from './article.js';

/**
 * Strips a leading BOM, turns CRLF / CR / Unicode line and paragraph separators into LF and
 * composes characters (NFC), so "Jesús" typed with a combining accent matches lexicons.
 */
export function normaliseText(raw: string): string {
  let text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  if (/[\r\u2028\u2029\u0085]/.test(text)) text = text.replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n');
  // normalize() is a no-op on ASCII but still walks the string: only call it when needed.
  if (/[^\x00-\x7f]/.test(text)) text = text.normalize('NFC');
  return text;
}

/** A plain-text article: the text itself, normalised, with nothing learnt about it. */
export function textToArticle(text: string): Article {
  return { text: normaliseText(text), meta: {}, warnings: [] };
}
