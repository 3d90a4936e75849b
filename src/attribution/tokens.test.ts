import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WORD_SOURCE } from './dictionary.js';
import { tokenize } from './tokens.js';

/** What the regex the scanner replaces reads: the reference the scanner must equal. */
function regexTokens(text: string): Array<[number, string]> {
  return [...text.matchAll(new RegExp(WORD_SOURCE.source, 'g'))].map((m) => [m.index, m[0]]);
}

const scanned = (text: string): Array<[number, string]> => tokenize(text).map((t) => [t.start, t.text]);

const TEXTS: Array<[string, string[]]> = [
  ['The U.S. military said at 5 a.m. on Jan. 5 that 1,200 people fled.', ['The', 'U.S.', 'military', 'said', 'at', '5', 'a.m.', 'on', 'Jan', '.', '5', 'that', '1', ',', '200', 'people', 'fled', '.']],
  ["Syria's army and Russia’s jets hit al-Bab; O'Brien didn't say.", ['Syria', "'s", 'army', 'and', 'Russia', '’s', 'jets', 'hit', 'al-Bab', ';', "O'Brien", "didn't", 'say', '.']],
  ['“We will not surrender,” said Col. Ahmed — AT&T’s 3rd T-72s.', ['“', 'We', 'will', 'not', 'surrender', ',', '”', 'said', 'Col', '.', 'Ahmed', '—', 'AT&T', '’s', '3', 'rd', 'T-72s', '.']],
  ['Зеленський і Ωμέγα in Kyiv\u00a0(UA)\u2009—\u200bok 👍🏽', ['Зеленський', 'і', 'Ωμέγα', 'in', 'Kyiv', '(', 'UA', ')', '—', '\u200b', 'ok', '\ud83d', '\udc4d', '\ud83c', '\udffd']],
  // Negative cases: marks that start no word, a possessive with nothing before it, dots that join nothing.
  ["'s 's' 'sa ... a. .b - ' ’", ["'s", "'s", "'", "'", 'sa', '.', '.', '.', 'a', '.', '.', 'b', '-', "'", '’']],
  ['', []],
  [' \t\n ', []],
];

test('tokenize: reads the words WORD_SOURCE reads, at the same offsets', () => {
  for (const [text, words] of TEXTS) {
    assert.deepEqual(scanned(text), regexTokens(text), text);
    assert.deepEqual(tokenize(text).map((t) => t.text), words, text);
  }
});

test('tokenize: lower case per token, also where lower-casing the whole text would differ', () => {
  const cases: Array<[string, string[]]> = [
    ['ABC Def', ['abc', 'def']],
    // "İ" lower-cases to two characters; a final sigma depends on what follows; a pair's case lives in both halves.
    ['İSTANBUL İs', ['i̇stanbul', 'i̇s']],
    ["ΟΔΟΣ's ΣΑΣ", ['οδος', "'s", 'σας']],
    ['𐐀 Ab', ['\ud801', '\udc00', 'ab']],
  ];
  for (const [text, lowers] of cases) {
    assert.deepEqual(tokenize(text).map((t) => t.lower), lowers, text);
    assert.deepEqual(tokenize(text).map((t) => t.lower), tokenize(text).map((t) => t.text.toLowerCase()), text);
  }
});

test('tokenize: equals the regex on generated strings of awkward characters', () => {
  const alphabet = ['a', 's', 'S', 'U', '.', "'", '’', '-', '&', ' ', '\n', '\u00a0', '1', 'é', 'Ж', 'Ω', '×', 'ɏ', 'ɐ', '\u04ff', '\u0500', '“', ',', '😀', '\u2028', '\ufeff'];
  let seed = 11;
  const next = (): number => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) % alphabet.length;
  for (let k = 0; k < 5000; k++) {
    let text = '';
    for (let i = 0; i < 1 + (k % 13); i++) text += alphabet[next()];
    assert.deepEqual(scanned(text), regexTokens(text), JSON.stringify(text));
  }
});
