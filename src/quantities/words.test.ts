import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WORD, WORDS_BEFORE, wordsAfter, wordsBefore } from './words.js';

type Found = Array<[number, number]>;

/** wordsAfter as the WORD pattern reads it. */
function afterByRegex(text: string, pos: number, limit: number, max: number): Found {
  const found: Found = [];
  WORD.lastIndex = pos;
  while (found.length < max) {
    const match = WORD.exec(text);
    if (!match || match[1] === undefined) break;
    const end = match.index + match[0].length;
    if (end > limit) break;
    found.push([end - match[1].length, end]);
  }
  return found;
}

/** wordsBefore as the WORDS_BEFORE pattern reads it. */
function beforeByRegex(text: string, pos: number, limit: number, max: number): Found {
  const window = text.slice(Math.max(limit, pos - 40), pos);
  const offset = pos - window.length;
  const found: Found = [];
  WORDS_BEFORE.lastIndex = 0;
  for (let m = WORDS_BEFORE.exec(window); m; m = WORDS_BEFORE.exec(window)) found.push([offset + m.index, offset + m.index + m[0].length]);
  return max > 0 ? found.slice(-max) : found;
}

const TEXTS = [
  'At least 25 pro-government fighters, 3 U.N. staff and the army’s men were killed on Tuesday.',
  "Gunmen killed\u00a0two in Jos. Witnesses said: \"dozens\" fled... the mob's leader (aged 40) escaped.",
  'Between 20 and 30 people—including St. Mary’s nuns—were wounded in São Tomé, e.g. near Ñuñoa. x.y.',
  'Ελλάδα 北京 🙂 tab\there \u2003 em-space, 1,500 killed; 2.5 million displaced.',
];

const PLACES = (text: string): number[] => Array.from({ length: text.length + 1 }, (_, i) => i);

const show = (_text: string, words: Array<{ start: number; end: number }>): Found => words.map((w): [number, number] => [w.start, w.end]);

test('wordsAfter reads what the WORD pattern reads, from any position and to any limit', () => {
  for (const text of TEXTS) {
    for (const pos of PLACES(text)) {
      for (const [limit, max] of [[text.length, 9], [pos + 12, 4], [pos + 30, 16]] as const) {
        assert.deepEqual(show(text, wordsAfter(text, pos, limit, max)), afterByRegex(text, pos, limit, max), `${pos} ${limit} ${max}`);
      }
    }
  }
});

test('wordsBefore reads what the WORDS_BEFORE pattern reads, from any position and limit', () => {
  for (const text of TEXTS) {
    for (const pos of PLACES(text)) {
      for (const [limit, max] of [[0, 3], [Math.max(0, pos - 10), 0], [Math.max(0, pos - 25), 6], [pos + 1, 2]] as const) {
        assert.deepEqual(show(text, wordsBefore(text, pos, limit, max)), beforeByRegex(text, pos, limit, max), `${pos} ${limit} ${max}`);
      }
    }
  }
});

test('words carry their text and a norm without the possessive; a final dot stands alone after, not before', () => {
  const after = wordsAfter("The army's 3 U.N. men", 0, 30, 6);
  assert.deepEqual(after.map((w) => [w.text, w.norm]), [['The', 'the'], ["army's", 'army'], ['3', '3'], ['U.N', 'u.n'], ['.', '.'], ['men', 'men']]);
  assert.deepEqual(wordsBefore("The army's 3 U.N. men", 18, 0, 2).map((w) => w.text), ['3', 'U.N.']);
});
