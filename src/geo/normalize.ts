/**
 * Name folding for gazetteer keys. The build script and the runtime index share this one
 * function, so a name written as "Dar‘ā", "Dar'a" or "DARAA" meets "daraa" in the index.
 *
 * Keys hold only [a-z0-9 ] so they sort by plain code-unit order in both places.
 */

/** Latin letters that NFKD does not decompose into a base letter plus a mark. */
const LETTER_FOLDS: Record<string, string> = {
  ø: 'o', Ø: 'o', ł: 'l', Ł: 'l', đ: 'd', Đ: 'd', ħ: 'h', Ħ: 'h', ı: 'i', ß: 'ss',
  æ: 'ae', Æ: 'ae', œ: 'oe', Œ: 'oe', þ: 'th', Þ: 'th', ð: 'd', Ð: 'd', ŋ: 'ng', ə: 'a', Ə: 'a',
  // GeoNames writes Azerbaijani schwa both as ə (U+0259) and as turned e ǝ (U+01DD): "Xankǝndi".
  ǝ: 'a', Ǝ: 'a',
};
const LETTER_FOLD_RE = new RegExp(`[${Object.keys(LETTER_FOLDS).join('')}]`, 'g');
const MARKS_RE = /\p{M}+/gu;
/** Apostrophes, ayn/hamza signs and dots vanish inside a word: "Dar'a" → "dara", "St." → "st". */
const SILENT_RE = /['’‘`´ʿʾʻʼ′″".]/g;
const NON_KEY_RE = /[^a-z0-9]+/g;
const NON_ASCII_RE = /[^\x00-\x7f]/;
/** ASCII letters and digits in words joined by single spaces: the silent and non-key passes change nothing. */
const PLAIN_NAME_RE = /^[A-Za-z0-9]+(?: [A-Za-z0-9]+)*$/;
/** Words that `foldSpelling` changes: an "ou" or a doubled letter (/ou|([a-z])\1/, read by hand). */
function hasSpelling(word: string): boolean {
  for (let i = 1; i < word.length; i++) {
    const code = word.charCodeAt(i);
    const previous = word.charCodeAt(i - 1);
    if ((code === 117 && previous === 111) || (code === previous && code >= 97 && code <= 122)) return true;
  }
  return false;
}

/**
 * Arabic (and Arabic-derived) definite articles as they are romanised: "al-", "el-", sun-letter
 * forms ("as-Suwayda", "ash-Sham", "ad-Dana", "ez-Zor") and "ul". All become "al" in a key.
 */
export const ARTICLES: ReadonlySet<string> = new Set([
  'al', 'el', 'il', 'ul', 'as', 'ash', 'es', 'ad', 'adh', 'ed', 'ar', 'er', 'az', 'ez', 'at', 'ath', 'et', 'an', 'en',
]);

/** Folds a name to its index key: "Deir ez-Zor" → "deir al zor", "Culiacán" → "culiacan". */
export function foldKey(name: string): string {
  // Most names are plain words between single spaces: lower-case, unify, fold spellings.
  if (PLAIN_NAME_RE.test(name)) return unifyArticles(name.toLowerCase().split(' ')).map(foldSpelling).join(' ');
  // Plain ASCII has nothing to decompose or fold letter by letter: skip those passes.
  const latin = NON_ASCII_RE.test(name)
    ? name
        .normalize('NFKD')
        .replace(MARKS_RE, '')
        .replace(LETTER_FOLD_RE, (ch) => LETTER_FOLDS[ch] ?? ch)
    : name;
  const base = latin
    .toLowerCase()
    .replace(SILENT_RE, '')
    .replace(NON_KEY_RE, ' ')
    .trim();
  if (base === '') return '';
  return unifyArticles(base.split(' ')).map(foldSpelling).join(' ');
}

/**
 * Spelling folds that absorb the commonest romanisation differences without merging distinct
 * names: French "ou" for "u" (Douma/Duma, Zour/Zur, Yarmouk/Yarmuk) and doubled letters that
 * mark a shadda or a long vowel or nothing at all (Raqqa/Raqa, Daraa/Dar'a, Tall/Tal).
 */
export function foldSpelling(word: string): string {
  if (!hasSpelling(word)) return word;
  return word.replace(/ou/g, 'u').replace(/([a-z])\1+/g, '$1');
}

/**
 * Replaces article words by "al" when another word follows, so "as suwayda" and "al suwayda"
 * meet. A trailing article is left alone ("Port an" is not an article).
 */
function unifyArticles(words: string[]): string[] {
  return words.map((word, i) => (i < words.length - 1 && ARTICLES.has(word) ? 'al' : word));
}

/** The key without its article words ("al suwayda" → "suwayda"); null when it has none. */
export function stripArticles(key: string): string | null {
  const words = key.split(' ');
  const kept = words.filter((word, i) => !(word === 'al' && i < words.length - 1));
  if (kept.length === words.length || kept.length === 0) return null;
  return kept.join(' ');
}

/** True when the name is written (at least partly) in Latin script and nothing else. */
export function isLatinName(name: string): boolean {
  return /\p{Script=Latin}/u.test(name) && !/[^\P{L}\p{Script=Latin}]/u.test(name);
}
