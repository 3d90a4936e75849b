/**
 * The attribution stage's own light tokens over `Doc.text` (words, "'s", single marks), so it
 * stays independent of the tokenizer stage and can walk a few words left or right of a verb.
 */
import type { Span } from '../types.js';
import { WORD_SOURCE } from './dictionary.js';

export interface Tok extends Span {
  text: string;
  lower: string;
  /** Starts with a capital letter. */
  cap: boolean;
  /** A word or number, not a mark. */
  word: boolean;
}

export function tokenize(text: string): Tok[] {
  const toks: Tok[] = [];
  const re = WORD_SOURCE;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const raw = m[0];
    const lower = raw.toLowerCase();
    const c = raw.charCodeAt(0);
    // Digits, ASCII letters, and letters from U+00C0 up to the punctuation block at U+2000.
    const word = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c < 0x2000);
    const cap = word && lower.charCodeAt(0) !== c;
    toks.push({ start: m.index, end: m.index + raw.length, text: raw, lower, cap, word });
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
