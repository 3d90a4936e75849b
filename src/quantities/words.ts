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
// Latin letters only and no `u` flag: several times faster, and enough around English figures.
const WORD = /\s*((?:[A-Za-z\u00C0-\u024F0-9](?:[A-Za-z\u00C0-\u024F0-9'’-]|\.(?=[A-Za-z]))*)|[^\sA-Za-z\u00C0-\u024F0-9])/y;
const WORDS_BEFORE = /[A-Za-z\u00C0-\u024F0-9](?:[A-Za-z\u00C0-\u024F0-9'’-]|\.(?=[A-Za-z]))*\.?|[^\sA-Za-z\u00C0-\u024F0-9]/g;

function wordOf(text: string, start: number, end: number): Word {
  const raw = text.slice(start, end);
  const lower = raw.toLowerCase();
  const norm = lower.endsWith("'s") || lower.endsWith('’s') ? lower.slice(0, -2) : lower;
  return { start, end, text: raw, norm };
}

/** Up to `max` words (or single punctuation marks) from `pos`, not past `limit`. */
export function wordsAfter(text: string, pos: number, limit: number, max: number): Word[] {
  const words: Word[] = [];
  WORD.lastIndex = pos;
  while (words.length < max) {
    const match = WORD.exec(text);
    if (!match || match[1] === undefined) break;
    const end = match.index + match[0].length;
    if (end > limit) break;
    words.push(wordOf(text, end - match[1].length, end));
  }
  return words;
}

/** The last `max` words before `pos` (nearest last), not before `limit`. */
export function wordsBefore(text: string, pos: number, limit: number, max: number): Word[] {
  const window = text.slice(Math.max(limit, pos - 40), pos);
  const offset = pos - window.length;
  // Only the last `max` matches become words: the window holds several more.
  const starts: number[] = [];
  const ends: number[] = [];
  const re = WORDS_BEFORE;
  re.lastIndex = 0;
  for (let m = re.exec(window); m; m = re.exec(window)) {
    starts.push(m.index);
    ends.push(m.index + m[0].length);
  }
  const words: Word[] = [];
  // As `slice(-max)` would: `max` 0 keeps them all.
  const first = max > 0 ? Math.max(0, starts.length - max) : 0;
  for (let i = first; i < starts.length; i++) words.push(wordOf(text, offset + starts[i]!, offset + ends[i]!));
  return words;
}

export function isCapitalised(word: string): boolean {
  return /^\p{Lu}/u.test(word);
}

export function isWordLike(word: Word): boolean {
  return /^[\p{L}\p{N}]/u.test(word.text);
}
