/**
 * Number phrases in a sentence, with their bounds: "more than 250", "between 20 and 30",
 * "two or three", "dozens", "1.5 million", "250-plus". Whether a phrase counts people is
 * decided later (`people.ts`); this module only reads the figure.
 */
import type { Span } from '../types.js';
import type { BoundKind, CountMatcher } from './lexicon.js';

export interface Quantity extends Span {
  /** Where the figure itself starts, after any bound words ("more than"). */
  numberStart: number;
  low: number;
  high: number | null;
  /** The figure as written, lower-cased ("one", "dozens", "250"). */
  word: string;
  vague: boolean;
  /** A bare four-digit figure that reads as a year (1800–2100). */
  yearLike: boolean;
  rule: string;
}

interface Figure {
  start: number;
  end: number;
  value: number;
  vague: boolean;
  yearLike: boolean;
  word: string;
  /** A decimal with no scale word ("1.5"): never a head count. */
  fractional: boolean;
}

/** "two hundred and fifty" → 250; "twenty-five" → 25; "three dozen" → 36. */
export function parseNumberWords(words: string, values: ReadonlyMap<string, number>): number {
  let total = 0;
  let current = 0;
  for (const word of words.toLowerCase().split(/[\s-]+/)) {
    const value = values.get(word);
    if (value === undefined) continue; // "and"
    if (word === 'hundred' || word === 'dozen') current = (current || 1) * value;
    else if (value >= 1000) {
      total += (current || 1) * value;
      current = 0;
    } else current += value;
  }
  return total + current;
}

/** A number phrase as looked up: lower case, single spaces ("Tens  of thousands" → "tens of thousands"). */
function spokenForm(written: string): string {
  return written.toLowerCase().replace(/\s+/g, ' ');
}

/** The figure a match reads; `offset` maps the match's index back into the document. */
function figureOf(match: RegExpExecArray, m: CountMatcher, offset: number): Figure {
  const groups = match.groups ?? {};
  const start = offset + match.index;
  const end = start + match[0].length;
  if (groups.phrase !== undefined) {
    const word = spokenForm(match[0]);
    const entry = m.phraseValues.get(word);
    return { start, end, word, value: entry?.value ?? 0, vague: entry?.vague ?? true, yearLike: false, fractional: false };
  }
  if (groups.words !== undefined) {
    const word = spokenForm(match[0]);
    return { start, end, word, value: parseNumberWords(word, m.wordValues), vague: false, yearLike: false, fractional: false };
  }
  const digits = groups.digits ?? '0';
  const scale = groups.scale ? (m.wordValues.get(groups.scale.toLowerCase()) ?? 1) : 1;
  const value = Math.round(parseFloat(digits.replace(/,/g, '')) * scale);
  const plain = /^\d{4}$/.test(digits) && scale === 1;
  return {
    start,
    end,
    word: digits,
    value,
    vague: false,
    yearLike: plain && value >= 1800 && value <= 2100,
    fractional: digits.includes('.') && scale === 1,
  };
}

/** The figure starting exactly at `pos` (after a range connector), if any. */
function figureAt(text: string, pos: number, end: number, m: CountMatcher): Figure | null {
  m.quantityAt.lastIndex = pos;
  const match = m.quantityAt.exec(text);
  if (!match || match.index + match[0].length > end) return null;
  return figureOf(match, m, 0);
}

const RANGE_CONNECTOR = /^\s*(?:-|–|—|to|or)\s*/i;
const BETWEEN = /(?<![\p{L}])(?:between|from)\s+$/iu;
const AND = /^\s+and\s+/i;

/** Reads bounds and ranges around one figure and returns the whole quantity phrase. */
function quantityAround(text: string, first: Figure, limit: Span, m: CountMatcher): Quantity {
  const before = text.slice(Math.max(limit.start, first.start - 30), first.start);
  let start = first.start;
  let end = first.end;
  let low = first.value;
  let high: number | null = first.vague ? null : first.value;
  let rule = first.vague ? 'count/vague' : 'count/number';

  const between = BETWEEN.exec(before);
  const near = text.slice(end, Math.min(limit.end, end + 12));
  // "between 20 and 30", and also the loose "between 20-30".
  const connector = (between && /^between/i.test(between[0]) ? AND.exec(near) : null) ?? RANGE_CONNECTOR.exec(near);
  const second = connector ? figureAt(text, end + connector[0].length, limit.end, m) : null;
  if (second && !second.fractional && second.value > 0) {
    if (between) start -= between[0].length;
    end = second.end;
    low = Math.min(first.value, second.value);
    high = Math.max(first.value, second.value);
    return { start, end, numberStart: first.start, low, high, word: first.word, vague: false, yearLike: false, rule: 'count/range' };
  }

  const bound = m.boundBefore.exec(before);
  const boundKind: BoundKind | undefined = bound?.groups?.bound
    ? m.boundKinds.get(bound.groups.bound.toLowerCase().replace(/\s+/g, ' '))
    : undefined;
  if (bound && boundKind) {
    start -= bound[0].length;
    high = boundKind === 'upper' ? low : null;
    rule = `count/bound-${boundKind}`;
  }
  const after = text.slice(end, Math.min(limit.end, end + 12));
  const suffix = m.lowerSuffix.exec(after) ?? m.approximateSuffix.exec(after);
  if (suffix) {
    end += suffix[0].length;
    high = null;
    rule = suffix[0].includes('so') ? 'count/bound-approximate' : 'count/bound-lower';
  }
  const yearLike = first.yearLike && rule === 'count/number';
  return { start, end, numberStart: first.start, low, high, word: first.word, vague: first.vague, yearLike, rule };
}

/** Every number phrase inside `limit`, left to right, none overlapping. */
export function scanQuantities(text: string, limit: Span, m: CountMatcher): Quantity[] {
  const found: Quantity[] = [];
  // Over the sentence alone: from a document offset the regex would search on past its end.
  const sentence = text.slice(limit.start, limit.end);
  const re = m.quantity;
  re.lastIndex = 0;
  for (let match = re.exec(sentence); match; match = re.exec(sentence)) {
    const first = figureOf(match, m, limit.start);
    if (first.fractional || (first.value === 0 && first.word !== 'zero')) continue;
    const quantity = quantityAround(text, first, limit, m);
    found.push(quantity);
    re.lastIndex = quantity.end - limit.start;
  }
  return found;
}
