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

const WORD_RE = /(?:\p{Lu}\.){2,}|\p{Lu}{1,3}&\p{Lu}{1,3}(?![\p{L}\p{N}])|[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’‘ʿʾ`\-][\p{L}\p{M}\p{N}]+)*/gu;
const POSSESSIVE_RE = /['’]s$/;
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
  word(text: string): WordForm;
}

const formOf = (text: string): WordForm => letterWordForm(text) ?? { key: foldKey(text), shape: shapeOf(text) };

export const plainFolds: WordFolds = { key: foldKey, word: formOf };

/**
 * Folds for one stage. Words of plain ASCII letters are folded on the spot (a memo look-up
 * costs more than that); others (accents, hyphens, digits) are memoised over the batch.
 */
export function createWordFolds(): WordFolds {
  const otherWord = memoize(formOf);
  const otherKey = memoize(foldKey);
  return {
    key: (text) => (PLAIN_TEXT_RE.test(text) ? foldKey(text) : otherKey(text)),
    word: (text) => letterWordForm(text) ?? otherWord(text),
  };
}

const PLAIN_TEXT_RE = /^[A-Za-z0-9 ]*$/;

/**
 * `foldKey` and `shapeOf` of a word of ASCII letters only, worked out letter by letter; null
 * for any other word. (For such a word the key is its lower-case form with spellings folded,
 * and of the shape rules only the capital tests and the particle list apply.)
 */
function letterWordForm(word: string): WordForm | null {
  const n = word.length;
  let capitals = 0;
  let secondCapital = -1;
  for (let i = 0; i < n; i++) {
    const code = word.charCodeAt(i);
    if (code >= 65 && code <= 90) {
      capitals++;
      if (secondCapital < 0 && i > 0) secondCapital = i;
    } else if (code < 97 || code > 122) return null;
  }
  if (n === 0) return null;
  const lower = capitals === 0 ? word : word.toLowerCase();
  return { key: foldSpelling(lower), shape: letterWordShape(word, lower, capitals, secondCapital) };
}

function letterWordShape(word: string, lower: string, capitals: number, secondCapital: number): WordShape {
  const n = word.length;
  const initialCapital = capitals > 0 && word.charCodeAt(0) <= 90;
  if (n >= 2 && n <= 5 && capitals === n) return 'acronym';
  // /^\p{Lu}\p{Ll}{0,2}\p{Lu}/ on letters only: the next capital within the first four letters.
  if (n <= 5 && initialCapital && secondCapital > 0 && secondCapital <= 3) return 'acronym';
  if (initialCapital) return 'cap';
  if (PARTICLES.has(lower)) return 'particle';
  return 'lower';
}

export function splitWords(text: string, start: number, end: number, folds: WordFolds = plainFolds): Word[] {
  const words: Word[] = [];
  const slice = text.slice(start, end);
  WORD_RE.lastIndex = 0;
  for (let m = WORD_RE.exec(slice); m; m = WORD_RE.exec(slice)) {
    let wordText = m[0];
    if (wordText.length > 2 && POSSESSIVE_RE.test(wordText)) wordText = wordText.slice(0, -2);
    const wordStart = start + m.index;
    const form = folds.word(wordText);
    words.push({
      start: wordStart,
      end: wordStart + wordText.length,
      text: wordText,
      key: form.key,
      shape: form.shape,
      initial: words.length === 0,
    });
  }
  return words;
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
