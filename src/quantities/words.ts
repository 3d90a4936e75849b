/**
 * A tiny word reader over `Doc.text`, so the count finder can look a few words left or right of
 * a figure without a tokenizer (the stage stays independent of `tokens`).
 */
import type { Span } from '../types.js';

export interface Word extends Span {
  text: string;
  /** Lower-cased, possessive "'s" removed. */
  norm: string;
}

// A word may hold inner hyphens, apostrophes and dots between letters ("pro-government", "U.N.").
// Latin letters only: enough around English figures. The two readers below follow these
// patterns by hand (a match array per word cost more than the reading); the tests hold them
// to the patterns.
export const WORD = /\s*((?:[A-Za-z\u00C0-\u024F0-9](?:[A-Za-z\u00C0-\u024F0-9'’-]|\.(?=[A-Za-z]))*)|[^\sA-Za-z\u00C0-\u024F0-9])/y;
export const WORDS_BEFORE = /[A-Za-z\u00C0-\u024F0-9](?:[A-Za-z\u00C0-\u024F0-9'’-]|\.(?=[A-Za-z]))*\.?|[^\sA-Za-z\u00C0-\u024F0-9]/g;

/** [A-Za-z\u00C0-\u024F0-9] */
function isWordStart(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || (code >= 0xc0 && code <= 0x24f);
}

function isAsciiLetter(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
}

/** JavaScript's `\s`. */
function isSpace(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 0xa0) return false;
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/** End of the word starting at `at` (a word-start character), within `end`: inner ', ’, - and dots before a letter. */
function innerWordEnd(text: string, at: number, end: number): number {
  let i = at + 1;
  while (i < end) {
    const code = text.charCodeAt(i);
    if (isWordStart(code) || code === 39 || code === 0x2019 || code === 45) i++;
    else if (code === 46 && i + 1 < end && isAsciiLetter(text.charCodeAt(i + 1))) i++;
    else break;
  }
  return i;
}

/** True when lower-casing cannot change the text: no capital ASCII letter, nothing past ASCII. */
function isLowerAscii(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code >= 128 || (code >= 65 && code <= 90)) return false;
  }
  return true;
}

/**
 * True when the word ending at `end` ends in "'s" or "’s" (either case): read on the text, not on
 * the word's slice, whose many string representations keep V8 from reading it directly.
 */
function endsPossessive(text: string, end: number): boolean {
  const s = text.charCodeAt(end - 1);
  const apostrophe = text.charCodeAt(end - 2);
  return (s === 115 || s === 83) && (apostrophe === 39 || apostrophe === 0x2019);
}

function wordOf(text: string, start: number, end: number): Word {
  const raw = text.slice(start, end);
  // Most words are already lower case; `toLowerCase` on a slice of a text with curly quotes
  // (a two-byte string) is a runtime call.
  const lower = isLowerAscii(text, start, end) ? raw : raw.toLowerCase();
  const norm = end - start >= 2 && endsPossessive(text, end) ? lower.slice(0, -2) : lower;
  return { start, end, text: raw, norm };
}

/** Up to `max` words (or single punctuation marks) from `pos`, not past `limit`. */
export function wordsAfter(text: string, pos: number, limit: number, max: number): Word[] {
  const words: Word[] = [];
  let at = pos;
  while (words.length < max) {
    while (at < text.length && isSpace(text.charCodeAt(at))) at++;
    if (at >= text.length) break;
    const end = isWordStart(text.charCodeAt(at)) ? innerWordEnd(text, at, text.length) : at + 1;
    if (end > limit) break;
    words.push(wordOf(text, at, end));
    at = end;
  }
  return words;
}

/** The last `max` words before `pos` (nearest last), not before `limit`. */
export function wordsBefore(text: string, pos: number, limit: number, max: number): Word[] {
  const from = Math.max(0, limit, pos - 40);
  // Only the last `max` words become words: the window holds several more.
  const starts: number[] = [];
  const ends: number[] = [];
  for (let at = from; at < pos; ) {
    const code = text.charCodeAt(at);
    if (isSpace(code)) {
      at++;
      continue;
    }
    let end = at + 1;
    if (isWordStart(code)) {
      end = innerWordEnd(text, at, pos);
      if (end < pos && text.charCodeAt(end) === 46) end++;
    }
    starts.push(at);
    ends.push(end);
    at = end;
  }
  const words: Word[] = [];
  // As `slice(-max)` would: `max` 0 keeps them all.
  const first = max > 0 ? Math.max(0, starts.length - max) : 0;
  for (let i = first; i < starts.length; i++) words.push(wordOf(text, starts[i]!, ends[i]!));
  return words;
}

export function isCapitalised(word: string): boolean {
  return /^\p{Lu}/u.test(word);
}

export function isWordLike(word: Word): boolean {
  return /^[\p{L}\p{N}]/u.test(word.text);
}
