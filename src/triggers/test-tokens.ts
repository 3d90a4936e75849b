/**
 * A small stand-in for the segment stage, for this folder's tests only: splits text into
 * tokens (hyphens and punctuation apart, as wink-nlp does), fills `norm`, a crude `lemma`
 * (a few irregular verbs; otherwise the form itself, as wink leaves many forms) and a crude
 * POS, and splits sentences at . ! ? followed by a space.
 */
import { createDoc } from '../doc.js';
import type { Doc, Sentence, Token } from '../types.js';

const TOKEN = /\d+(?:[.,]\d+)*|[A-Za-z]+(?:\.[A-Za-z]+)+\.?|[A-Za-z]+|n't|'s|[^\sA-Za-z\d]/g;

const IRREGULAR: Record<string, string> = {
  took: 'take', taken: 'take', fell: 'fall', fallen: 'fall', overran: 'overrun', shot: 'shoot', fought: 'fight',
  threw: 'throw', thrown: 'throw', blew: 'blow', held: 'hold', broke: 'break', stole: 'steal', stolen: 'steal',
  drove: 'drive', driven: 'drive', withdrew: 'withdraw', withdrawn: 'withdraw', struck: 'strike', killed: 'kill',
  was: 'be', were: 'be', is: 'be', are: 'be', men: 'man', women: 'woman', children: 'child', set: 'set', hid: 'hide',
  "n't": 'not', went: 'go', gone: 'go', burnt: 'burn', seized: 'seize', swore: 'swear', laid: 'lay', led: 'lead',
};

const VERBISH = /(ed|ing)$/;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const word = match[0];
    const start = match.index ?? 0;
    const norm = word === "n't" ? 'not' : word.toLowerCase();
    const lemma = IRREGULAR[norm] ?? norm;
    const pos = /^\d/.test(word)
      ? 'NUM'
      : /^[A-Z]/.test(word) && tokens.length > 0 && !/[.!?]/.test(tokens[tokens.length - 1]?.norm ?? '.')
        ? 'PROPN'
        : /^[^\w]/.test(word)
          ? 'PUNCT'
          : IRREGULAR[norm] || VERBISH.test(norm) || ['will', 'would', 'could', 'may', 'did', 'does', 'do', 'has', 'have', 'had', 'attack'].includes(norm)
            ? 'VERB'
            : 'NOUN';
    tokens.push({ start, end: start + word.length, norm, lemma, pos });
  }
  return tokens;
}

export function splitSentences(text: string, tokens: Token[]): Sentence[] {
  const sentences: Sentence[] = [];
  let first = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    const next = tokens[i + 1];
    const ends = /^[.!?]$/.test(token.norm) && (!next || /\s/.test(text.slice(token.end, next.start)));
    if (ends || !next) {
      const start = (tokens[first] as Token).start;
      sentences.push({ start, end: token.end, firstToken: first, endToken: i + 1, headline: false });
      first = i + 1;
    }
  }
  return sentences;
}

/** A Doc with tokens and sentences filled, as the segment stage would leave it. */
export function segmented(text: string): Doc {
  const doc = createDoc(text);
  doc.tokens = tokenize(text);
  doc.sentences = splitSentences(text, doc.tokens);
  return doc;
}
