/**
 * Reads one document's quotations and citations: each sentence's cited phrases are resolved in
 * document order (so "he added" and "the monitor" see what came before), then each quote finds
 * its speaker, and the sentences a tagged quote spans are credited to the speaker's citation.
 */
import { inSkipRegion } from '../doc.js';
import type { Attribution, Doc, Quote, Span } from '../types.js';
import type { SourceTables } from './dictionary.js';
import { scanMentions } from './mentions.js';
import { findCited, type Cited } from './phrases.js';
import { findQuotes, type QuoteSpan } from './quotes.js';
import { createContext, resolveCited } from './resolve.js';
import { spanOf, tokenAt, tokenize, type Tok } from './tokens.js';

/** A citation with what the quote pass needs: where its words and verb are. */
interface Cite {
  attribution: Attribution;
  sentence: number;
  /** From the first to the last of its words and verb. */
  reach: Span;
  speaker: Span;
}

function quotedFlags(toks: readonly Tok[], quotes: readonly QuoteSpan[]): boolean[] {
  const quoted = new Array<boolean>(toks.length).fill(false);
  for (const q of quotes) {
    for (let i = tokenAt(toks, q.start + 1); i < toks.length && toks[i]!.end <= q.end - (q.closed ? 1 : 0); i++) quoted[i] = true;
  }
  return quoted;
}

/** Paragraph number of each sentence: a line break between two sentences starts a new one. */
function paragraphs(doc: Doc): number[] {
  let paragraph = 0;
  let previousEnd = 0;
  return doc.sentences.map((s) => {
    if (doc.text.slice(previousEnd, s.start).includes('\n')) paragraph++;
    previousEnd = s.end;
    return paragraph;
  });
}

function citesOf(doc: Doc, toks: readonly Tok[], quoted: readonly boolean[], tables: SourceTables): Cite[] {
  const mentions = scanMentions(toks, tables).filter((m) => !inSkipRegion(doc, m.start, m.end));
  const ctx = createContext(doc.text, toks, mentions, tables);
  const nameStartByEnd = new Map(mentions.map((m) => [m.to, m.from]));
  const nameEndByStart = new Map(mentions.map((m) => [m.from, m.to]));
  const cites: Cite[] = [];
  doc.sentences.forEach((s, index) => {
    if (inSkipRegion(doc, s.start, s.end)) return;
    const window = { toks, from: tokenAt(toks, s.start), to: tokenAt(toks, s.end), quoted, tables, nameStartByEnd, nameEndByStart };
    for (const cited of findCited(window)) {
      const resolved = resolveCited(ctx, cited);
      if (!resolved) continue;
      const span = spanOf(toks, cited.from, cited.to);
      const attribution = { start: span.start, end: span.end, source: resolved.source, sentences: [index], rule: `${resolved.rule}/${cited.rule}` };
      cites.push({ attribution, sentence: index, reach: reachOf(toks, cited), speaker: resolved.antecedent ?? span });
    }
  });
  return cites;
}

function reachOf(toks: readonly Tok[], c: Cited): Span {
  const verb = toks[c.verb]!;
  const words = spanOf(toks, c.from, c.to);
  return { start: Math.min(verb.start, words.start), end: Math.max(verb.end, words.end) };
}

const TAG_AFTER = /^[\s,.;—–-]*$/;
const TAG_BEFORE = /^(?:[^.!?“”"]{0,30}[,:]|[\s—–-]*)\s*$/;

/**
 * The citation that tags a quote: "…,” said X" in the sentence where the quote ends, or
 * "X said: “…”" in the sentence where it starts ("“…leave.” Officials said…" is a new sentence).
 */
function tagOf(doc: Doc, q: QuoteSpan, cites: readonly Cite[]): Cite | null {
  const text = doc.text;
  const endSentence = sentenceAt(doc, q.end - 1);
  const after = cites.find((c) => c.sentence === endSentence && c.reach.start >= q.end && TAG_AFTER.test(text.slice(q.end, c.reach.start)));
  if (after) return after;
  const startSentence = sentenceAt(doc, q.start);
  return (
    cites.find((c) => {
      const gap = text.slice(c.reach.end, q.start);
      const near = c.reach.end <= q.start && q.start - c.reach.end <= 40 && TAG_BEFORE.test(gap);
      return near && (c.sentence === startSentence || /:\s*$/.test(gap));
    }) ?? null
  );
}

function sentenceAt(doc: Doc, pos: number): number {
  return doc.sentences.findIndex((s) => s.start <= pos && pos < s.end);
}

function sentencesOver(doc: Doc, span: Span): number[] {
  const found: number[] = [];
  doc.sentences.forEach((s, i) => {
    if (s.start < span.end && span.start < s.end) found.push(i);
  });
  return found;
}

/** Speakers for every quote; tagged quotes credit the sentences they span to their citation. */
function speakQuotes(doc: Doc, quotes: readonly QuoteSpan[], cites: readonly Cite[]): Quote[] {
  const paragraph = paragraphs(doc);
  const tags: Array<{ cite: Cite | null; rule: string }> = quotes.map((q) => {
    const tag = tagOf(doc, q, cites);
    return { cite: tag, rule: tag ? 'quote/tagged' : 'quote/untagged' };
  });
  const spanned = quotes.map((q) => sentencesOver(doc, q));
  // An untagged quote continues the speaker of a tagged one beside it in the same paragraph:
  // “We will not surrender,” said Col. Ahmed. “The enemy fled.” — and a paragraph left open
  // (“… ¶ “…,” he said) belongs to the quote that reopens the next paragraph.
  for (let i = 0; i < quotes.length; i++) {
    if (tags[i]!.cite) continue;
    const first = spanned[i]![0];
    const prev = i > 0 ? tags[i - 1]! : null;
    const prevLast = i > 0 ? spanned[i - 1]!.at(-1) : undefined;
    if (prev?.cite && first !== undefined && prevLast !== undefined && paragraph[first] === paragraph[prevLast] && first - prevLast <= 1) {
      tags[i] = { cite: prev.cite, rule: 'quote/continues' };
    }
  }
  for (let i = quotes.length - 2; i >= 0; i--) {
    const next = tags[i + 1]!;
    if (!tags[i]!.cite && !quotes[i]!.closed && next.cite) tags[i] = { cite: next.cite, rule: 'quote/reopened' };
  }
  return quotes.map((q, i) => {
    const { cite, rule } = tags[i]!;
    const inSentence = cite ? null : cites.find((c) => spanned[i]!.includes(c.sentence));
    if (cite) cite.attribution.sentences = [...new Set([...cite.attribution.sentences, ...spanned[i]!])].sort((a, b) => a - b);
    const speaker = cite?.speaker ?? inSentence?.speaker ?? null;
    return { start: q.start, end: q.end, speaker, rule: inSentence ? 'quote/sentence' : rule };
  });
}

export function attribute(doc: Doc, tables: SourceTables): { quotes: Quote[]; attributions: Attribution[] } {
  const toks = tokenize(doc.text);
  const quoteSpans = findQuotes(doc.text).filter((q) => !inSkipRegion(doc, q.start, q.end));
  const quoted = quotedFlags(toks, quoteSpans);
  const cites = citesOf(doc, toks, quoted, tables);
  const quotes = speakQuotes(doc, quoteSpans, cites);
  return { quotes, attributions: cites.map((c) => c.attribution) };
}
