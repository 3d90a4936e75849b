import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitWords, WORD_RE } from './words.js';

/** What splitWords must find: WORD_RE's matches over the slice, a possessive "'s" cut off. */
function byRegex(text: string, start: number, end: number): Array<[number, number]> {
  const slice = text.slice(start, end);
  const found: Array<[number, number]> = [];
  WORD_RE.lastIndex = 0;
  for (let m = WORD_RE.exec(slice); m; m = WORD_RE.exec(slice)) {
    const cut = m[0].length > 2 && /['’]s$/.test(m[0]) ? 2 : 0;
    found.push([start + m.index, start + m.index + m[0].length - cut]);
  }
  return found;
}

const SENTENCES = [
  'Syrian government warplanes struck Maarat al-Numan in Idlib, killing nine.',
  "The U.S. and U.K. envoys met in Dar'a and Deir ez-Zor; Syria’s army said so.",
  'Fighters of the M23 took Bunagana (N. Kivu) on 13 June 2022 — 3,000 fled.',
  'Culiacán, Łódź, São Paulo, Xankǝndi and ʿAyn al-ʿArab: names with marks and hamzas.',
  'A.B.C. D.E F.G.h I.J.K and U.S.-backed forces; e.g. x.Y.Z. and ÉT.À.',
  'Naïve ca\u0301fe\u0301 co-operation ’tis rock‘n’roll don`t -dash- trailing- \'s it\'s Jones\'s.',
  'Astral letters 𝐀𝐁𝐂 and 𝟏𝟐 digits, an emoji 🙂 and a lone \ud800 surrogate.',
  'Тысячи людей в Киеве; Ελλάδα and 北京 and عربي.',
  'J&K, AJK&GB, ABCD&E, A&BCDE, Q&A, R&D at AT&T; S&P500, x&Y, É&Ü, 𝐀&𝐁 and a lone & sign.',
];

test('splitWords reads the words WORD_RE reads, at every offset and cut', () => {
  for (const text of SENTENCES) {
    for (let start = 0; start < text.length; start += 3) {
      for (const end of [text.length, start + 7, start + 20]) {
        const stop = Math.min(end, text.length);
        const got = splitWords(text, start, stop).map((w): [number, number] => [w.start, w.end]);
        assert.deepEqual(got, byRegex(text, start, stop), `${JSON.stringify(text.slice(start, stop))}`);
      }
    }
  }
});

test('splitWords: a possessive is cut off and the first word is marked', () => {
  const words = splitWords("Syria's army, U.S. troops", 0, 25);
  assert.deepEqual(
    words.map((w) => [w.text, w.initial]),
    [['Syria', true], ['army', false], ['U.S.', false], ['troops', false]],
  );
});
