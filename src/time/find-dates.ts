/**
 * Finds the dates in a text, resolved against the publication day (the anchor). One chrono
 * pass runs over the whole text with everything outside the searched ranges masked, so
 * offsets stay those of the text and no date can be read across a skipped region.
 */
import type { Chrono } from 'chrono-node';
import { SitrepError } from '../errors.js';
import type { DateMention, Span } from '../types.js';
import { isIsoDay, parseIsoDay } from './calendar.js';
import { createDateParser } from './date-parser.js';
import { toMention } from './mention.js';

/** Fills text outside the ranges: neither a word nor a space, so chrono cannot match or merge across it. */
const MASK = '\u0000';
const MS_PER_DAY = 86_400_000;

/** A date found in the text: the shared `DateMention`. */
export type FoundDate = DateMention;

export type DateFinder = (text: string, anchor: string, ranges?: Span[]) => FoundDate[];

/** Builds the chrono configuration once; the finder it returns is pure. */
export function createDateFinder(parser: Chrono = createDateParser()): DateFinder {
  return (text, anchor, ranges) => {
    if (!isIsoDay(anchor)) {
      throw new SitrepError('E_BAD_ARGUMENT', `not a publication date: ${JSON.stringify(anchor)}`, 'expected YYYY-MM-DD');
    }
    const anchorDay = parseIsoDay(anchor);
    const sorted = ranges ? sortRanges(ranges, text.length) : [{ start: 0, end: text.length }];
    if (sorted.length === 0) return [];
    // The reference is the anchor at 12:00 UTC, with UTC as the text's time zone.
    const reference = { instant: new Date(anchorDay * MS_PER_DAY + MS_PER_DAY / 2), timezone: 0 };
    const mentions: FoundDate[] = [];
    for (const result of parser.parse(ranges ? masked(text, sorted) : text, reference)) {
      const mention = toMention(result, anchorDay);
      if (mention && insideOne(mention, sorted)) mentions.push(mention);
    }
    return mentions.sort((a, b) => a.start - b.start);
  };
}

function sortRanges(ranges: Span[], length: number): Span[] {
  return ranges
    .map((range) => ({ start: Math.max(0, range.start), end: Math.min(length, range.end) }))
    .filter((range) => range.end > range.start)
    .sort((a, b) => a.start - b.start);
}

/** The text with every character outside the (sorted) ranges replaced by MASK. */
function masked(text: string, ranges: Span[]): string {
  const parts: string[] = [];
  let cursor = 0;
  for (const range of ranges) {
    if (range.start > cursor) parts.push(MASK.repeat(range.start - cursor));
    const from = Math.max(cursor, range.start);
    if (range.end > from) parts.push(text.slice(from, range.end));
    cursor = Math.max(cursor, range.end);
  }
  if (cursor < text.length) parts.push(MASK.repeat(text.length - cursor));
  return parts.join('');
}

/** A date read across two adjacent ranges (two sentences) is not kept. */
function insideOne(span: Span, ranges: Span[]): boolean {
  return ranges.some((range) => span.start >= range.start && span.end <= range.end);
}
