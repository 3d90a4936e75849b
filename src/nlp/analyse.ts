/**
 * One stretch of text through wink-nlp: tokens with exact offsets into the document, and
 * sentences as token ranges, repaired where wink splits after an abbreviation.
 */
import type { Span, Token } from '../types.js';

/** The parts of wink-nlp's API this module uses, so tests can see what it depends on. */
export interface WinkLike {
  readDoc(text: string): WinkDoc;
  its: { pos: unknown; lemma: unknown; span: unknown };
}

interface WinkDoc {
  tokens(): { out(accessor?: unknown): unknown[] };
  sentences(): { out(accessor?: unknown): unknown[] };
}

export interface Abbreviations {
  titles: ReadonlySet<string>;
  others: ReadonlySet<string>;
}

/** Whitespace or invisible format characters: wink emits these as tokens; we do not. */
const INVISIBLE = /^[\s\u00ad\u200b-\u200f\u2060\ufeff]+$/;
const APOSTROPHES = /[\u2018\u2019\u02bc]/g;

export function normalise(value: string): string {
  return value.toLowerCase().replace(APOSTROPHES, "'");
}

/**
 * Tokens of `text` (a stretch of the document starting at `offset`), appended to `tokens`.
 * Returns the document index of each wink token, or -1 for tokens not kept.
 */
function collectTokens(text: string, offset: number, values: string[], pos: string[], lemmas: string[], tokens: Token[]): number[] {
  const indexOf: number[] = new Array(values.length);
  let cursor = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    // wink's token values are slices of its input; searching forward finds each one exactly.
    const at = text.indexOf(value, cursor);
    if (at < 0 || INVISIBLE.test(value)) {
      indexOf[i] = -1;
      continue;
    }
    cursor = at + value.length;
    const norm = normalise(value);
    const lemma = lemmas[i];
    indexOf[i] = tokens.length;
    tokens.push({ start: offset + at, end: offset + cursor, norm, pos: pos[i] ?? 'X', lemma: lemma ? normalise(lemma) : norm });
  }
  return indexOf;
}

/** The word an abbreviation-dot ends, as written: "Gen." as one token, or "pop" + "." together. */
function abbreviationBefore(tokens: Token[], last: number, text: string, offset: number): string | null {
  const token = tokens[last]!;
  const value = text.slice(token.start - offset, token.end - offset);
  if (value !== '.') return value.length > 1 && value.endsWith('.') ? value.slice(0, -1) : null;
  const previous = tokens[last - 1];
  if (!previous || previous.end !== token.start) return null;
  return text.slice(previous.start - offset, previous.end - offset);
}

/** True when wink's split between two sentences falls after an abbreviation, not a full stop. */
function isFalseSplit(tokens: Token[], lastOfFirst: number, firstOfNext: number, text: string, offset: number, abbreviations: Abbreviations): boolean {
  const written = abbreviationBefore(tokens, lastOfFirst, text, offset);
  if (written === null) return false;
  const word = normalise(written);
  if (abbreviations.titles.has(word)) return true;
  const next = text[tokens[firstOfNext]!.start - offset] ?? '';
  return abbreviations.others.has(word) && /[\p{Ll}\p{N}]/u.test(next);
}

/** Sentences of one stretch as [firstToken, endToken) ranges over the document's tokens. */
function sentenceRanges(winkSpans: Array<[number, number]>, indexOf: number[]): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const [first, last] of winkSpans) {
    let from = first;
    while (from <= last && indexOf[from] === -1) from++;
    let to = last;
    while (to >= from && indexOf[to] === -1) to--;
    if (from <= to) ranges.push([indexOf[from]!, indexOf[to]! + 1]);
  }
  return ranges;
}

export interface PieceResult {
  /** Sentences as [firstToken, endToken) over `tokens`. */
  sentences: Array<[number, number]>;
}

/** Tokenizes and sentence-splits one stretch, appending its tokens to `tokens`. */
export function analysePiece(wink: WinkLike, docText: string, span: Span, tokens: Token[], abbreviations: Abbreviations): PieceResult {
  const text = docText.slice(span.start, span.end);
  const doc = wink.readDoc(text);
  const values = doc.tokens().out() as string[];
  const pos = doc.tokens().out(wink.its.pos) as string[];
  const lemmas = doc.tokens().out(wink.its.lemma) as string[];
  const indexOf = collectTokens(text, span.start, values, pos, lemmas, tokens);
  const ranges = sentenceRanges(doc.sentences().out(wink.its.span) as Array<[number, number]>, indexOf);
  const merged: Array<[number, number]> = [];
  for (const range of ranges) {
    const previous = merged[merged.length - 1];
    if (previous && isFalseSplit(tokens, previous[1] - 1, range[0], text, span.start, abbreviations)) previous[1] = range[1];
    else merged.push([range[0], range[1]]);
  }
  return { sentences: merged };
}
