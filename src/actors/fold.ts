/**
 * Length-preserving text folding, so that an alias found in a folded string has the same
 * UTF-16 offsets in `doc.text`. Folding maps dashes and hyphens to spaces ("al-Shabaab" =
 * "al Shabaab"), curly quotes to "'", strips accents from precomposed letters ("Médecins" =
 * "Medecins") and, for the case-insensitive form, lower-cases.
 */

const SPACE_LIKE = /[\-\u2010-\u2015\u00a0\t\n\r\u2212]/g;
const QUOTE_LIKE = /[\u2018\u2019\u02bc\u00b4`]/g;

/** One folded character for a non-ASCII code unit, or the unit itself when folding would change the length. */
function foldChar(ch: string): string {
  const base = ch.normalize('NFD')[0] ?? ch;
  return base.length === 1 && base.charCodeAt(0) < 128 ? base : ch;
}

function foldAccents(text: string): string {
  // Fast path: most articles are ASCII apart from quotes and dashes.
  if (!/[\u00c0-\u024f]/.test(text)) return text;
  return text.replace(/[\u00c0-\u024f]/g, foldChar);
}

/** Case-preserving fold: punctuation and accents only. */
export function foldPunct(text: string): string {
  return foldAccents(text.replace(SPACE_LIKE, ' ').replace(QUOTE_LIKE, "'"));
}

/** Case-insensitive fold; same length as the input. */
export function foldLower(punctFolded: string): string {
  const lower = punctFolded.toLowerCase();
  if (lower.length === punctFolded.length) return lower;
  // A few characters grow when lower-cased (İ); fold those one by one.
  let out = '';
  for (const ch of punctFolded) {
    const l = ch.toLowerCase();
    out += l.length === ch.length ? l : ch;
  }
  return out;
}

/** The key under which an alias is indexed: folded and with runs of spaces collapsed. */
export function aliasKey(alias: string, caseSensitive: boolean): string {
  const punct = foldPunct(alias.trim()).replace(/ +/g, ' ');
  return caseSensitive ? punct : foldLower(punct);
}

/**
 * True for a word that must match with its case: acronyms such as "IS", "ADF", "PDF", "U.S."
 * or "M23" would otherwise match the words "is", "us" or a "pdf" file name.
 */
export function isAcronymWord(word: string): boolean {
  const letters = word.replace(/[^\p{L}]/gu, '');
  if (letters.length === 0) return false;
  const upper = letters.replace(/[^\p{Lu}]/gu, '').length;
  if (upper >= 2 && upper === letters.length) return true; // ISIS, U.S., HTS
  if (upper >= 2 && letters.length <= 4) return true; // JeM, LeT, FARDC-like mixed acronyms
  return upper >= 1 && /\d/.test(word) && letters.length <= 3; // M23, G9, 3R
}

/** True for aliases with at least one acronym word (see `isAcronymWord`). */
export function isCaseSensitive(alias: string): boolean {
  // Every acronym word has a capital: most aliases are lower case and need no closer look.
  if (!HAS_CAPITAL.test(alias)) return false;
  return alias.split(/[\s\-/]+/).some(isAcronymWord);
}

const HAS_CAPITAL = /\p{Lu}/u;

/**
 * The acronym words of a case-preserving alias key, with their offsets: only these must match
 * with their case ("FARC" in "FARC dissident group" matches "FARC Dissident group").
 */
export function acronymParts(exactKey: string): Array<{ offset: number; text: string }> {
  const parts: Array<{ offset: number; text: string }> = [];
  for (const m of exactKey.matchAll(/[^\s/]+/g)) if (isAcronymWord(m[0])) parts.push({ offset: m.index, text: m[0] });
  return parts;
}

const UNICODE_WORD = /[\p{L}\p{N}]/u;

/** True when the UTF-16 unit at `index` is part of a word (letter or digit). */
export function isWordCharAt(text: string, index: number): boolean {
  if (index < 0 || index >= text.length) return false;
  const code = text.charCodeAt(index);
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
  return UNICODE_WORD.test(text[index] as string);
}
