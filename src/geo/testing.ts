/**
 * Test support: a Doc with plain sentences and tokens, so the place stage can be tested without
 * the tokenizer stage. Not used by the pipeline.
 */
import { createDoc } from '../doc.js';
import type { Doc, Sentence, Token } from '../types.js';

/** Splits at sentence-final punctuation and line breaks; the first line is the headline when asked. */
export function docFor(text: string, opts: { headline?: boolean; dateline?: string } = {}): Doc {
  const doc = createDoc(text);
  const tokens: Token[] = [];
  const sentences: Sentence[] = [];
  const re = /[^.!?\n]+[.!?]*/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index + (m[0].length - m[0].trimStart().length);
    const end = m.index + m[0].trimEnd().length;
    if (end <= start) continue;
    const firstToken = tokens.length;
    const wordRe = /\S+/g;
    const slice = text.slice(start, end);
    for (let w = wordRe.exec(slice); w; w = wordRe.exec(slice)) {
      tokens.push({ start: start + w.index, end: start + w.index + w[0].length, norm: w[0].toLowerCase(), pos: 'X', lemma: w[0].toLowerCase() });
    }
    const headline = opts.headline === true && sentences.length === 0;
    sentences.push({ start, end, firstToken, endToken: tokens.length, headline });
  }
  doc.tokens = tokens;
  doc.sentences = sentences;
  if (opts.dateline) {
    const at = text.indexOf(opts.dateline);
    const place = opts.dateline.split(/[,—–-]/)[0]?.trim() ?? '';
    doc.dateline = { start: at, end: at + opts.dateline.length, place, date: null, rule: 'test' };
  }
  return doc;
}
