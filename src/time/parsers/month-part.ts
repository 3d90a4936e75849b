/**
 * Parts of a named month: "early May", "mid-May", "late May 2017", "the end of March". chrono
 * reads only "May" here; this parser keeps the qualifier and spans the right third of the
 * month. The year, when the text omits it, is settled later by PastYearRefiner like any other
 * month without a year.
 */
import type { Parser, ParsingContext, ParsingResult } from 'chrono-node';
import { daysInMonth, fromYmd, toYmd } from '../calendar.js';
import { anchorDayOf, dayResult } from '../components.js';

export const MONTHS: Record<string, number> = {
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6,
  july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
};

const PATTERN = new RegExp(
  '\\b(early|mid|late|(?:the\\s+)?(?:end|beginning|start|middle)\\s+of)[\\s-]+(?:in\\s+)?' +
    '(January|February|March|April|May|June|July|August|September|October|November|December)\\b' +
    '(?:,?\\s+(\\d{4})\\b)?',
  'i',
);

/** First and last day of the named part of a month with `length` days. */
function partDays(part: string, length: number): [number, number] {
  if (part === 'early' || part === 'beginning' || part === 'start') return [1, 10];
  if (part === 'mid' || part === 'middle') return [11, 20];
  return [21, length];
}

export class MonthPartParser implements Parser {
  pattern(): RegExp {
    return PATTERN;
  }

  extract(context: ParsingContext, match: RegExpMatchArray): ParsingResult | null {
    const monthName = match[2] ?? '';
    // Month names are capitalised in prose; "late march" is a walk.
    if (monthName.charAt(0) !== monthName.charAt(0).toUpperCase()) return null;
    const month = MONTHS[monthName.toLowerCase()];
    if (month === undefined) return null;
    const statedYear = match[3] ? Number(match[3]) : undefined;
    // Without a stated year the anchor's year is a placeholder that PastYearRefiner re-resolves.
    const year = statedYear ?? toYmd(anchorDayOf(context)).year;
    const part = (match[1] ?? '').toLowerCase().replace(/^the\s+/, '').split(/\s/)[0] ?? '';
    const [firstDay, lastDay] = partDays(part, daysInMonth(year, month));
    const stated = statedYear === undefined ? { month } : { month, year: statedYear };
    return dayResult(context, match.index ?? 0, match[0], fromYmd(year, month, firstDay), fromYmd(year, month, lastDay), {
      rule: 'month-part',
      stated,
    });
  }
}
