/**
 * The attribution stage's own light tokens over `Doc.text` (words, "'s", single marks), so it
 * stays independent of the tokenizer stage and can walk a few words left or right of a verb.
 */
import type { Span } from '../types.js';

export interface Tok extends Span {
  text: string;
  lower: string;
  /** Starts with a capital letter. */
  cap: boolean;
  /** A word or number, not a mark. */
  word: boolean;
}

/** The letters of WORD_SOURCE's class: Latin (with accents), Greek and Cyrillic. */
function isLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0x24f) || (c >= 0x370 && c <= 0x4ff);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** JavaScript's `\s`. */
function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

function isApostrophe(c: number): boolean {
  return c === 39 || c === 0x2019;
}

/** "'s" ending a word: an apostrophe, then "s" not followed by a letter. */
function isPossessiveAt(text: string, i: number): boolean {
  return isApostrophe(text.charCodeAt(i)) && text.charCodeAt(i + 1) === 115 && !isLetter(text.charCodeAt(i + 2));
}

/**
 * The end of the token starting at `start`, read as WORD_SOURCE (`dictionary.ts`) reads it,
 * alternative by alternative: an initialism ("U.S."), a word with inner hyphens, digits and
 * apostrophes ("al-Assad", "don't"), a number, a possessive "'s", or any other single mark;
 * `start` for whitespace, which is no token. Written out by hand: the regex, run once per
 * token, was a third of the stage's time.
 */
function tokenEnd(text: string, start: number): number {
  const c = text.charCodeAt(start);
  if (isLetter(c)) {
    // "U.S.", "a.m.": letters joined by dots, and an optional final dot.
    if (text.charCodeAt(start + 1) === 46 && isLetter(text.charCodeAt(start + 2))) {
      let end = start + 3;
      while (text.charCodeAt(end) === 46 && isLetter(text.charCodeAt(end + 1))) end += 2;
      return text.charCodeAt(end) === 46 ? end + 1 : end;
    }
    let end = start + 1;
    for (;;) {
      const d = text.charCodeAt(end);
      if (isLetter(d) || isDigit(d) || d === 38 || d === 45) end++;
      // An inner apostrophe ("don't", "O'Brien"), unless it opens a possessive "'s".
      else if (isApostrophe(d) && isLetter(text.charCodeAt(end + 1)) && !isPossessiveAt(text, end)) end++;
      else return end;
    }
  }
  if (isDigit(c)) {
    let end = start + 1;
    while (isDigit(text.charCodeAt(end))) end++;
    return end;
  }
  if (isPossessiveAt(text, start)) return start + 2;
  return isSpace(c) || Number.isNaN(c) ? start : start + 1;
}

/** Characters whose lower case depends on their neighbours (final sigma) or on a whole surrogate pair. */
const CONTEXTUAL_CASE = /[\u03a3\ud800-\udfff]/;

/**
 * The lower-cased text, when each token's lower case is the same slice of it: lower-casing is
 * then character by character and keeps the length ("İ" becomes two characters). One call over
 * the text costs a fraction of one call per token.
 */
function sliceableLowerCase(text: string): string | null {
  const lower = text.toLowerCase();
  return lower.length === text.length && !CONTEXTUAL_CASE.test(text) ? lower : null;
}

/** True when `a` and `b` hold the same characters over [start, end). */
function sameSlice(a: string, b: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (a.charCodeAt(i) !== b.charCodeAt(i)) return false;
  return true;
}

export function tokenize(text: string): Tok[] {
  const toks: Tok[] = [];
  const lowerText = sliceableLowerCase(text);
  for (let start = 0; start < text.length; ) {
    const end = tokenEnd(text, start);
    if (end === start) {
      start++;
      continue;
    }
    const raw = text.slice(start, end);
    // Most tokens are already lower case (or marks): they share the one string.
    const lower = lowerText === null ? raw.toLowerCase() : sameSlice(text, lowerText, start, end) ? raw : lowerText.slice(start, end);
    const c = raw.charCodeAt(0);
    // Digits, ASCII letters, and letters from U+00C0 up to the punctuation block at U+2000.
    const word = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c < 0x2000);
    const cap = word && lower.charCodeAt(0) !== c;
    toks.push({ start, end, text: raw, lower, cap, word });
    start = end;
  }
  return toks;
}

/** Index of the first token starting at or after `pos` (binary search). */
export function tokenAt(toks: readonly Tok[], pos: number): number {
  let lo = 0;
  let hi = toks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (toks[mid]!.start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function isCapitalised(tok: Tok): boolean {
  return tok.cap;
}

export function isWord(tok: Tok): boolean {
  return tok.word;
}

/** The text a token range covers: [from, to) in tokens. */
export function spanOf(toks: readonly Tok[], from: number, to: number): Span {
  return { start: toks[from]!.start, end: toks[to - 1]!.end };
}
