/**
 * One stretch of text through wink-nlp: tokens with exact offsets into the document, and
 * sentences as token ranges, repaired where wink splits after an abbreviation.
 */
import type { Span, Token } from '../types.js';
import { cachedLemma, createLexemeCache, lemmaForm, lemmaOf, lexemeOf, normalise, type Lexeme, type LexemeCache } from './lexemes.js';

export { normalise } from './lexemes.js';

/** The parts of wink-nlp's API this module uses, so tests can see what it depends on. */
export interface WinkLike {
  readDoc(text: string): WinkDoc;
  its: { pos: unknown; lemma: unknown; span: unknown; contractionFlag: unknown; uniqueId: unknown };
}

interface WinkTokens {
  out(accessor?: unknown): unknown[];
  itemAt(index: number): { out(accessor?: unknown): unknown };
}

interface WinkDoc {
  tokens(): WinkTokens;
  sentences(): { out(accessor?: unknown): unknown[] };
}

export interface Abbreviations {
  titles: ReadonlySet<string>;
  others: ReadonlySet<string>;
}

/** What one wink document says of its tokens, read column by column. */
interface WinkTokenData {
  ids: number[];
  pos: string[];
  contraction: boolean[];
  collection: WinkTokens;
  lemma: unknown;
}

/**
 * How one column of wink's token data (values, lemmas) is read for the tokens the lexeme cache
 * cannot answer: item by item when few are wanted, the usual case once the cache is warm, else
 * whole. `itemCost` weighs one item read against one item of a whole-column read: measured
 * warm, about 6 for values and 2.5 for lemmas; while the process is young an item read costs
 * several times more, so the weights lean towards whole reads.
 */
function columnReader<T>(wink: WinkTokenData, accessor: unknown, wanted: number, itemCost: number): (index: number) => T {
  if (wanted * itemCost > wink.ids.length) {
    const all = wink.collection.out(accessor) as T[];
    return (index) => all[index] as T;
  }
  return (index) => wink.collection.itemAt(index).out(accessor) as T;
}

/** The lexeme of every token, reading from wink the values of those not cached yet. */
function lexemesOf(wink: WinkTokenData, cache: LexemeCache): Lexeme[] {
  const { ids } = wink;
  let missing = 0;
  for (let i = 0; i < ids.length; i++) if (cache.slots[ids[i]!] === undefined) missing++;
  const valueAt = missing > 0 ? columnReader<string>(wink, undefined, missing, 20) : null;
  const lexemes: Lexeme[] = new Array(ids.length);
  for (let i = 0; i < ids.length; i++) lexemes[i] = cache.slots[ids[i]!] ?? lexemeOf(cache, ids[i]!, valueAt!, i);
  return lexemes;
}

/** Reads lemmas for the tokens whose lexeme has none under their tag, and for contraction parts. */
function lemmaReader(wink: WinkTokenData, lexemes: Lexeme[]): (index: number) => string | undefined {
  let wanted = 0;
  for (let i = 0; i < lexemes.length; i++) {
    if (wink.contraction[i] || cachedLemma(lexemes[i]!, wink.pos[i] ?? 'X') === undefined) wanted++;
  }
  return columnReader<string | undefined>(wink, wink.lemma, wanted, 8);
}

/**
 * Where the lexeme's value first occurs at or after `cursor`: wink's token values are slices of its input,
 * so searching forward finds each one exactly. Usually it starts right after the spaces at the
 * cursor; when its first character is not such a space, no earlier occurrence can start among
 * them, so checking there first gives the same answer as the search.
 */
function positionOf(text: string, lexeme: Lexeme, cursor: number): number {
  let at = cursor;
  while (at < text.length && text.charCodeAt(at) <= 0x20) at++;
  if (lexeme.firstCode > 0x20 && text.startsWith(lexeme.value, at)) return at;
  return text.indexOf(lexeme.value, cursor);
}

/**
 * Tokens of `text` (a stretch of the document starting at `offset`), appended to `tokens`.
 * Returns the document index of each wink token, or -1 for tokens not kept.
 */
function collectTokens(text: string, offset: number, wink: WinkTokenData, cache: LexemeCache, tokens: Token[]): number[] {
  const { ids, pos, contraction } = wink;
  const lexemes = lexemesOf(wink, cache);
  const lemmaAt = lemmaReader(wink, lexemes);
  const indexOf: number[] = new Array(ids.length);
  let cursor = 0;
  for (let i = 0; i < ids.length; i++) {
    const lexeme = lexemes[i]!;
    const at = positionOf(text, lexeme, cursor);
    if (at < 0 || !lexeme.visible) {
      indexOf[i] = -1;
      continue;
    }
    const tag = pos[i] ?? 'X';
    const lemma = contraction[i] ? lemmaForm(lexeme, lemmaAt(i)) : lemmaOf(lexeme, tag, lemmaAt, i);
    cursor = at + lexeme.size;
    indexOf[i] = tokens.length;
    tokens.push({ start: offset + at, end: offset + cursor, norm: lexeme.norm, pos: tag, lemma });
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
export function analysePiece(
  wink: WinkLike,
  docText: string,
  span: Span,
  tokens: Token[],
  abbreviations: Abbreviations,
  cache: LexemeCache = createLexemeCache(),
): PieceResult {
  const text = docText.slice(span.start, span.end);
  const doc = wink.readDoc(text);
  const collection = doc.tokens();
  const data: WinkTokenData = {
    ids: collection.out(wink.its.uniqueId) as number[],
    pos: collection.out(wink.its.pos) as string[],
    contraction: collection.out(wink.its.contractionFlag) as boolean[],
    collection,
    lemma: wink.its.lemma,
  };
  const indexOf = collectTokens(text, span.start, data, cache, tokens);
  const ranges = sentenceRanges(doc.sentences().out(wink.its.span) as Array<[number, number]>, indexOf);
  const merged: Array<[number, number]> = [];
  for (const range of ranges) {
    const previous = merged[merged.length - 1];
    if (previous && isFalseSplit(tokens, previous[1] - 1, range[0], text, span.start, abbreviations)) previous[1] = range[1];
    else merged.push([range[0], range[1]]);
  }
  return { sentences: merged };
}
