/**
 * Splits a sentence into the words place names are made of. Hyphens and apostrophes stay inside
 * a word ("al-Hol", "Dar'a", "Port-au-Prince"), a possessive "’s" is cut off ("Syria’s"), and
 * dotted acronyms and capitals joined by "&" stay whole ("U.S.", "J&K"). Working on the text, not on tokens, makes the stage
 * indifferent to how the tokenizer splits hyphens.
 */
import { memoize } from './bounded-cache.js';
import { ARTICLES, foldKey, foldSpelling } from './normalize.js';

export type WordShape = 'cap' | 'acronym' | 'particle' | 'lower' | 'other';

export interface Word {
  start: number;
  end: number;
  text: string;
  key: string;
  shape: WordShape;
  /** First word of its sentence (capitalised by position, not by being a name). */
  initial: boolean;
}

/** The words of a sentence, as `splitWords` reads them by hand (see `wordEndAt`). */
export const WORD_RE = /(?:\p{Lu}\.){2,}|\p{Lu}{1,3}&\p{Lu}{1,3}(?![\p{L}\p{N}])|[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’‘ʿʾ`\-][\p{L}\p{M}\p{N}]+)*/gu;
/** Lower-case words that may sit inside a place name: "Deir ez-Zor", "Rio de Janeiro", "Port of Spain". */
const PARTICLES = new Set([
  ...ARTICLES, 'de', 'del', 'della', 'di', 'da', 'do', 'dos', 'das', 'du', 'des', 'la', 'le', 'les', 'los', 'las', 'lo',
  'of', 'the', 'on', 'upon', 'sur', 'au', 'aux', 'am', 'im', 'an', 'der', 'den', 'van', 'von', 'y', 'e', 'bin', 'ibn', 'bani', 'and', 'i',
]);
const ARTICLE_CAP_RE = /^(?:al|el|as|ash|ad|ar|az|at|an|ez|es|ed|et|er|en|ul)[-‘’'`]\p{Lu}/u;

/** A word's folded key and shape. */
export interface WordForm {
  key: string;
  shape: WordShape;
}

/** How words and names fold and look; the place stage memoises both (see `createWordFolds`). */
export interface WordFolds {
  /** `foldKey` of a word or name. */
  key(text: string): string;
  /** The form of the word `source[start, end)`, which is `word`. */
  word(source: string, start: number, end: number, word: string): WordForm;
}

const formOf = (word: string): WordForm => letterWordForm(word, 0, word.length, word) ?? { key: foldKey(word), shape: shapeOf(word) };

export const plainFolds: WordFolds = { key: foldKey, word: (source, start, end, word) => letterWordForm(source, start, end, word) ?? formOf(word) };

/**
 * Folds for one stage. Words of plain ASCII letters are folded on the spot (a memo look-up
 * costs more than that); others (accents, hyphens, digits) are memoised over the batch.
 */
export function createWordFolds(): WordFolds {
  const otherWord = memoize(formOf);
  const otherKey = memoize(foldKey);
  return {
    key: (text) => (PLAIN_TEXT_RE.test(text) ? foldKey(text) : otherKey(text)),
    word: (source, start, end, word) => letterWordForm(source, start, end, word) ?? otherWord(word),
  };
}

const PLAIN_TEXT_RE = /^[A-Za-z0-9 ]*$/;

/**
 * `foldKey` and `shapeOf` of a word of ASCII letters only, worked out letter by letter; null
 * for any other word. (For such a word the key is its lower-case form with spellings folded,
 * and of the shape rules only the capital tests and the particle list apply.) The letters are
 * read from `source`, the sentence's text, not from `word`, its slice: the slices come in
 * several string representations (short copies, slices, one- and two-byte, cached single
 * letters), too many for V8 to keep `charCodeAt` on them a direct read.
 */
function letterWordForm(source: string, start: number, end: number, word: string): WordForm | null {
  const n = end - start;
  let capitals = 0;
  let secondCapital = -1;
  for (let i = 0; i < n; i++) {
    const code = source.charCodeAt(start + i);
    if (code >= 65 && code <= 90) {
      capitals++;
      if (secondCapital < 0 && i > 0) secondCapital = i;
    } else if (code < 97 || code > 122) return null;
  }
  if (n === 0) return null;
  const lower = capitals === 0 ? word : word.toLowerCase();
  return { key: foldSpelling(lower), shape: letterWordShape(n, source.charCodeAt(start), lower, capitals, secondCapital) };
}

function letterWordShape(n: number, firstCode: number, lower: string, capitals: number, secondCapital: number): WordShape {
  const initialCapital = capitals > 0 && firstCode <= 90;
  if (n >= 2 && n <= 5 && capitals === n) return 'acronym';
  // /^\p{Lu}\p{Ll}{0,2}\p{Lu}/ on letters only: the next capital within the first four letters.
  if (n <= 5 && initialCapital && secondCapital > 0 && secondCapital <= 3) return 'acronym';
  if (initialCapital) return 'cap';
  if (PARTICLES.has(lower)) return 'particle';
  return 'lower';
}

export function splitWords(text: string, start: number, end: number, folds: WordFolds = plainFolds): Word[] {
  const words: Word[] = [];
  for (let at = start; at < end; ) {
    const matched = wordEndAt(text, at, end);
    if (matched === at) {
      at += codePointLength(text, at, end);
      continue;
    }
    // A possessive "'s" is cut off: /['’]s$/ on a word of more than two characters.
    const apostrophe = text.charCodeAt(matched - 2);
    const wordEnd = matched - at > 2 && text.charCodeAt(matched - 1) === 115 && (apostrophe === 39 || apostrophe === 0x2019) ? matched - 2 : matched;
    const wordText = text.slice(at, wordEnd);
    const form = folds.word(text, at, wordEnd, wordText);
    words.push({ start: at, end: wordEnd, text: wordText, key: form.key, shape: form.shape, initial: words.length === 0 });
    at = matched;
  }
  return words;
}

/*
 * WORD_RE read by hand, code point by code point, as the regex reads the text with the `u` flag:
 * a dotted acronym of two or more capitals ("U.S."), else a letter or digit, then letters, marks
 * and digits, then any number of joiners (apostrophes, hyphens) each followed by more of them.
 * Running the regex cost a match array per word; the tests hold the two to the same words.
 */

const LETTER = 1;
const DIGIT = 2;
const MARK = 4;
const UPPER = 8;
const KNOWN = 16;
const LETTER_CLASS_RE = /^\p{L}$/u;
const DIGIT_CLASS_RE = /^\p{N}$/u;
const MARK_CLASS_RE = /^\p{M}$/u;
const UPPER_CLASS_RE = /^\p{Lu}$/u;
/** Classes of the BMP's code points past ASCII, worked out on first sight. */
const bmpClasses = new Uint8Array(0x10000);

function classesOf(cp: number): number {
  if (cp < 128) {
    if (cp >= 97 && cp <= 122) return LETTER;
    if (cp >= 65 && cp <= 90) return LETTER | UPPER;
    return cp >= 48 && cp <= 57 ? DIGIT : 0;
  }
  if (cp < 0x10000) {
    const known = bmpClasses[cp] as number;
    if (known !== 0) return known & ~KNOWN;
    const computed = unicodeClasses(cp);
    bmpClasses[cp] = computed | KNOWN;
    return computed;
  }
  return unicodeClasses(cp);
}

function unicodeClasses(cp: number): number {
  const ch = String.fromCodePoint(cp);
  return (
    (LETTER_CLASS_RE.test(ch) ? LETTER : 0) |
    (DIGIT_CLASS_RE.test(ch) ? DIGIT : 0) |
    (MARK_CLASS_RE.test(ch) ? MARK : 0) |
    (UPPER_CLASS_RE.test(ch) ? UPPER : 0)
  );
}

/** The code point at `at`, not reading past `end` (a pair cut by `end` is a lone surrogate). */
function codePointAt(text: string, at: number, end: number): number {
  const code = text.charCodeAt(at);
  if (code >= 0xd800 && code <= 0xdbff && at + 1 < end) {
    const low = text.charCodeAt(at + 1);
    if (low >= 0xdc00 && low <= 0xdfff) return (code - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
  }
  return code;
}

function codePointLength(text: string, at: number, end: number): number {
  return codePointAt(text, at, end) > 0xffff ? 2 : 1;
}

/** Where a run of one to three capitals starting at `at` ends, or `at` when there is none. */
function capitalsEnd(text: string, at: number, end: number): number {
  let i = at;
  for (let n = 0; n < 3 && i < end; n++) {
    const cp = codePointAt(text, i, end);
    if (!(classesOf(cp) & UPPER)) break;
    i += cp > 0xffff ? 2 : 1;
  }
  return i;
}

/**
 * The end of "J&K" at `at`, or `at`. Backtracking cannot help the regex here: a shorter run of
 * capitals is followed by a capital, never by "&", nor by the end the lookahead wants.
 */
function ampersandEnd(text: string, at: number, end: number): number {
  const left = capitalsEnd(text, at, end);
  if (left === at || left >= end || text.charCodeAt(left) !== 38) return at;
  const right = capitalsEnd(text, left + 1, end);
  if (right === left + 1) return at;
  if (right < end && classesOf(codePointAt(text, right, end)) & (LETTER | DIGIT)) return at;
  return right;
}

/** The joiners of WORD_RE: ' ’ ‘ ʿ ʾ ` and the hyphen. */
function isJoiner(code: number): boolean {
  return code === 39 || code === 0x2019 || code === 0x2018 || code === 0x2bf || code === 0x2be || code === 96 || code === 45;
}

const IN_WORD = LETTER | MARK | DIGIT;

/** Where WORD_RE's match starting at `at` ends (`at` when none starts there), within `end`. */
function wordEndAt(text: string, at: number, end: number): number {
  const first = codePointAt(text, at, end);
  const firstClasses = classesOf(first);
  // (?:\p{Lu}\.){2,}
  if (firstClasses & UPPER) {
    let pairs = 0;
    let i = at;
    for (;;) {
      if (i >= end) break;
      const cp = codePointAt(text, i, end);
      const width = cp > 0xffff ? 2 : 1;
      if (!(classesOf(cp) & UPPER) || i + width >= end || text.charCodeAt(i + width) !== 46) break;
      i += width + 1;
      pairs++;
    }
    if (pairs >= 2) return i;
    // \p{Lu}{1,3}&\p{Lu}{1,3}(?![\p{L}\p{N}]): a division's abbreviation joined by an ampersand ("J&K")
    const joined = ampersandEnd(text, at, end);
    if (joined > at) return joined;
  }
  // [\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’‘ʿʾ`\-][\p{L}\p{M}\p{N}]+)*
  if (!(firstClasses & (LETTER | DIGIT))) return at;
  let i = at + (first > 0xffff ? 2 : 1);
  for (;;) {
    while (i < end) {
      const cp = codePointAt(text, i, end);
      if (!(classesOf(cp) & IN_WORD)) break;
      i += cp > 0xffff ? 2 : 1;
    }
    if (i + 1 >= end || !isJoiner(text.charCodeAt(i))) return i;
    const next = codePointAt(text, i + 1, end);
    if (!(classesOf(next) & IN_WORD)) return i;
    i += 1 + (next > 0xffff ? 2 : 1);
  }
}

function shapeOf(word: string): WordShape {
  const letters = word.replace(/[^\p{L}]/gu, '');
  if (letters === '') return 'other';
  if (/^(?:\p{Lu}\.){2,}$/u.test(word) || (letters.length <= 5 && letters.length >= 2 && letters === letters.toUpperCase())) {
    return 'acronym';
  }
  // "SoG", "DoD": capitals inside a short word make an abbreviation, not a name.
  if (letters.length <= 5 && /^\p{Lu}\p{Ll}{0,2}\p{Lu}/u.test(letters)) return 'acronym';
  if (/^\p{Lu}/u.test(word) || ARTICLE_CAP_RE.test(word)) return 'cap';
  if (PARTICLES.has(word.toLowerCase())) return 'particle';
  return /^\p{Ll}/u.test(word) ? 'lower' : 'other';
}

/** True when only plain spaces separate two words (no comma, bracket, quote or line break). */
export function plainGap(text: string, left: Word, right: Word): boolean {
  for (let i = left.end; i < right.start; i++) {
    const ch = text.charCodeAt(i);
    if (ch !== 32 && ch !== 160) return false;
  }
  return right.start > left.end;
}
