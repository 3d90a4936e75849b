/**
 * Periods named relative to the publication day: "last week", "earlier this week", "late last
 * month", "over the weekend", "the past few days". Each becomes a span of whole days (ACLED's
 * time_precision 2 or 3) instead of chrono's single day a week back. Calendar weeks run Monday
 * to Sunday, as ACLED's weekly reporting does.
 */
import type { Parser, ParsingContext, ParsingResult } from 'chrono-node';
import { mondayOf, monthAround, weekdayOf, weekdayOnOrAfter, type DayNumber } from '../calendar.js';
import { anchorDayOf, dayResult } from '../components.js';
import { inFutureClause } from '../future-cues.js';

const PATTERN = new RegExp(
  [
    '\\b(last|past|this|next)\\s+(week|weekend|month)\\b',
    '\\b(earlier|later)\\s+in\\s+the\\s+(week|month)\\b',
    '\\b(?:over|at|during|on|since)\\s+the\\s+weekend\\b',
    '\\b(?:the\\s+)?(?:past|last)\\s+(few|couple\\s+of|two|three|several)\\s+days\\b',
  ].join('|'),
  'i',
);

type Part = 'early' | 'earlier' | 'mid' | 'late' | 'later' | null;
type Which = 'last' | 'this' | 'next' | 'rolling';
type Span = [DayNumber, DayNumber];

/** "late last month", "earlier this week", "mid-this month": read backwards from "last"/"this". */
const PART_BEFORE = /\b(early|earlier|mid|late|later)(?:\s+in)?[\s-]+$/i;

const DAY_COUNTS: Record<string, number> = { few: 3, couple: 2, two: 2, three: 3, several: 5 };

/** "the last week of July", "the last week of the siege": the period is not the anchor's. */
const NOT_ANCHORED_AFTER = /^\s+of\s+(?:January|February|March|April|May|June|July|August|September|October|November|December|the|\d)/;

export class RelativePeriodParser implements Parser {
  pattern(): RegExp {
    return PATTERN;
  }

  extract(context: ParsingContext, match: RegExpMatchArray): ParsingResult | null {
    const matchIndex = match.index ?? 0;
    const anchor = anchorDayOf(context);
    const lower = match[0].toLowerCase().replace(/\s+/g, ' ');
    if (lower.endsWith('days')) return this.pastDays(context, matchIndex, match[0], anchor, lower);
    if (lower.endsWith('the weekend')) return this.theWeekend(context, matchIndex, match[0], anchor);
    const end = matchIndex + match[0].length;
    if (NOT_ANCHORED_AFTER.test(context.text.slice(end, end + 16))) return null;
    const before = context.text.slice(Math.max(0, matchIndex - 12), matchIndex);
    const partMatch = match[1] === undefined ? null : PART_BEFORE.exec(before);
    const index = matchIndex - (partMatch?.[0].length ?? 0);
    const text = context.text.slice(index, end);
    const part = ((partMatch?.[1] ?? match[3]) ?? null)?.toLowerCase() as Part;
    const unit = (match[2] ?? match[4] ?? '').toLowerCase();
    const which = whichOf(match[1], before.slice(-4), match[3] !== undefined);
    const future =
      which === 'next' ||
      (which === 'this' && (part === 'later' || isComingWeekend(anchor, unit) || inFutureClause(context.text, index, end)));
    const span = periodSpan(anchor, which, unit, part, future);
    const rule = [part, which === 'rolling' ? 'past' : which, unit].filter(Boolean).join('-');
    return dayResult(context, index, text, span[0], span[1], { rule, relative: true, future: future || span[0] > anchor });
  }

  /** "over the weekend": the span covers "the weekend", without the preposition. */
  private theWeekend(context: ParsingContext, index: number, text: string, anchor: DayNumber): ParsingResult {
    const offset = text.search(/the\s/i);
    const span = weekendSpan(anchor, 'this');
    return dayResult(context, index + offset, text.slice(offset), span[0], span[1], { rule: 'weekend', relative: true });
  }

  private pastDays(context: ParsingContext, index: number, text: string, anchor: DayNumber, lower: string): ParsingResult {
    const count = DAY_COUNTS[lower.replace(/^(?:the )?(?:past|last) /, '').split(' ')[0] ?? ''] ?? 3;
    return dayResult(context, index, text, anchor - count, anchor - 1, { rule: 'past-days', relative: true });
  }
}

/** From Wednesday on, "this weekend" is the coming one; the past one is "last weekend". */
function isComingWeekend(anchor: DayNumber, unit: string): boolean {
  const weekday = weekdayOf(anchor);
  return unit === 'weekend' && weekday >= 3 && weekday <= 5;
}

/** "past week" and "the last week" are the seven days before the anchor, not a calendar week. */
function whichOf(word: string | undefined, before: string, inThe: boolean): Which {
  if (inThe) return 'this';
  const lower = (word ?? '').toLowerCase();
  if (lower === 'past' || /\bthe\s+$/i.test(before)) return lower === 'this' || lower === 'next' ? (lower as Which) : 'rolling';
  return lower === 'last' ? 'last' : lower === 'next' ? 'next' : 'this';
}

function periodSpan(anchor: DayNumber, which: Which, unit: string, part: Part, future: boolean): Span {
  if (unit === 'weekend') return weekendSpan(anchor, future && which === 'this' ? 'next' : which);
  if (which === 'rolling') return unit === 'week' ? [anchor - 7, anchor - 1] : [anchor - 30, anchor - 1];
  const whole = unit === 'week' ? weekSpan(anchor, which) : monthSpan(anchor, which);
  if (which !== 'this') return narrow(whole, part, unit, anchor);
  // The current period: past events end on the anchor, future ones ("later this week") start after it.
  if (future) return [anchor + (part === 'later' ? 1 : 0), fullEnd(anchor, unit)];
  return narrow([whole[0], anchor], part, unit, anchor);
}

function weekSpan(anchor: DayNumber, which: Which): Span {
  const monday = mondayOf(anchor) + (which === 'last' ? -7 : which === 'next' ? 7 : 0);
  return [monday, monday + 6];
}

function monthSpan(anchor: DayNumber, which: Which): Span {
  return monthAround(anchor, which === 'last' ? -1 : which === 'next' ? 1 : 0);
}

function fullEnd(anchor: DayNumber, unit: string): DayNumber {
  return unit === 'week' ? mondayOf(anchor) + 6 : monthAround(anchor, 0)[1];
}

/** Early/mid/late thirds of a month, or of a week's Monday..Sunday. */
function narrow([first, last]: Span, part: Part, unit: string, anchor: DayNumber): Span {
  const third = unit === 'week' ? 2 : 10;
  const clampEnd = (day: DayNumber): DayNumber => Math.min(day, last);
  switch (part) {
    case 'early':
      return [first, clampEnd(first + third - 1)];
    case 'mid':
      return [clampEnd(first + third), clampEnd(first + 2 * third - 1)];
    case 'late':
    case 'later':
      return [clampEnd(first + 2 * third), last];
    case 'earlier':
      return [first, Math.max(first, Math.min(last, anchor - 1))];
    default:
      return [first, last];
  }
}

/** The weekend meant: "last weekend" is the latest Saturday-Sunday wholly before the anchor. */
function weekendSpan(anchor: DayNumber, which: Which): Span {
  const weekday = weekdayOf(anchor);
  if (which === 'next') {
    const saturday = weekdayOnOrAfter(anchor + 1, 6);
    return [saturday, saturday + 1];
  }
  if (which === 'this' && weekday === 6) return [anchor, anchor];
  if (which === 'this' && weekday === 0) return [anchor - 1, anchor];
  const sunday = anchor - (weekday === 0 ? 7 : weekday);
  return [sunday - 1, sunday];
}
