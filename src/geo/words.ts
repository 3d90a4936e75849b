/**
 * Splits a sentence into the words place names are made of. Hyphens and apostrophes stay inside
 * a word ("al-Hol", "Dar'a", "Port-au-Prince"), a possessive "’s" is cut off ("Syria’s"), and
 * dotted acronyms stay whole ("U.S."). Working on the text, not on tokens, makes the stage
 * indifferent to how the tokenizer splits hyphens.
 */
import { ARTICLES, foldKey } from './normalize.js';

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

const WORD_RE = /(?:\p{Lu}\.){2,}|[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’‘ʿʾ`\-][\p{L}\p{M}\p{N}]+)*/gu;
const POSSESSIVE_RE = /['’]s$/;
/** Lower-case words that may sit inside a place name: "Deir ez-Zor", "Rio de Janeiro", "Port of Spain". */
const PARTICLES = new Set([
  ...ARTICLES, 'de', 'del', 'della', 'di', 'da', 'do', 'dos', 'das', 'du', 'des', 'la', 'le', 'les', 'los', 'las', 'lo',
  'of', 'the', 'on', 'upon', 'sur', 'au', 'aux', 'am', 'im', 'an', 'der', 'den', 'van', 'von', 'y', 'e', 'bin', 'ibn', 'bani', 'and', 'i',
]);
const ARTICLE_CAP_RE = /^(?:al|el|as|ash|ad|ar|az|at|an|ez|es|ed|et|er|en|ul)[-‘’'`]\p{Lu}/u;

export function splitWords(text: string, start: number, end: number): Word[] {
  const words: Word[] = [];
  const slice = text.slice(start, end);
  WORD_RE.lastIndex = 0;
  for (let m = WORD_RE.exec(slice); m; m = WORD_RE.exec(slice)) {
    let wordText = m[0];
    if (POSSESSIVE_RE.test(wordText) && wordText.length > 2) wordText = wordText.slice(0, -2);
    const wordStart = start + m.index;
    words.push({
      start: wordStart,
      end: wordStart + wordText.length,
      text: wordText,
      key: foldKey(wordText),
      shape: shapeOf(wordText),
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
