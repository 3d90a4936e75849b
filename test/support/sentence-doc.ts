/**
 * Test helper: a Doc with naive sentences (split after . ! ? before a capital, and at line
 * breaks), so the tests need no tokenizer. Real documents get their sentences from the nlp stage.
 */
import { createDoc } from '../../src/doc.js';
import type { Doc, Sentence } from '../../src/types.js';

const BREAK = /[.!?]+[”"’)]*\s+(?=[“"‘\p{Lu}\d])|\n+/gu;
const ABBREVIATION = /(?:\b(?:\p{Lu}\.)+|\b(?:Mr|Mrs|Ms|Dr|Gen|Col|Lt|Sgt|St|No|Gov|Sen|Rep|Maj|Capt)\.)$/u;

export function sentencesOf(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let start = 0;
  const push = (from: number, to: number): void => {
    const raw = text.slice(from, to);
    const s = from + (raw.length - raw.trimStart().length);
    const e = from + raw.trimEnd().length;
    if (e > s) sentences.push({ start: s, end: e, firstToken: 0, endToken: 0, headline: false });
  };
  for (const match of text.matchAll(BREAK)) {
    const at = match.index ?? 0;
    if (!match[0].startsWith('\n') && ABBREVIATION.test(text.slice(Math.max(0, at - 12), at + 1))) continue;
    push(start, at + match[0].length);
    start = at + match[0].length;
  }
  push(start, text.length);
  return sentences;
}

export function testDoc(text: string): Doc {
  const doc = createDoc(text);
  doc.sentences = sentencesOf(text);
  return doc;
}
