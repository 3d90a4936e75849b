/**
 * "three days ago", "a week ago", "two months ago". Replaces chrono's ENTimeUnitAgoFormatParser
 * so that the precision follows the unit: days give the day, weeks a seven-day span around the
 * day, months the whole calendar month. Years, and vague counts of weeks or months ("months
 * ago"), say too little to date an event and are not emitted.
 */
import type { Parser, ParsingContext, ParsingResult } from 'chrono-node';
import { monthAround } from '../calendar.js';
import { anchorDayOf, dayResult } from '../components.js';

const COUNT_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6,
  seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  'couple of': 2, 'a couple of': 2,
};

// The pattern starts at the unit so the regex engine scans for one word, not for every
// possible count; the count is read backwards from the text before it.
const PATTERN = /\b(hour|day|week|month)s?\s+ago\b/i;
const COUNT_BEFORE =
  /\b(a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,3}|(?:a\s+)?few|several|(?:a\s+)?couple\s+of)\s+$/i;

export class AgoParser implements Parser {
  pattern(): RegExp {
    return PATTERN;
  }

  extract(context: ParsingContext, match: RegExpMatchArray): ParsingResult | null {
    const matchIndex = match.index ?? 0;
    const counted = COUNT_BEFORE.exec(context.text.slice(Math.max(0, matchIndex - 16), matchIndex));
    const index = matchIndex - (counted?.[0].length ?? 0);
    const text = context.text.slice(index, matchIndex + match[0].length);
    const anchor = anchorDayOf(context);
    const countWord = (counted?.[1] ?? '').toLowerCase().replace(/\s+/g, ' ');
    const count = /^\d+$/.test(countWord) ? Number(countWord) : COUNT_WORDS[countWord];
    const unit = (match[1] ?? '').toLowerCase();
    const options = { rule: 'ago', relative: true };
    if (unit === 'hour') return dayResult(context, index, text, anchor - Math.floor((count ?? 0) / 24), null, options);
    if (unit === 'day') {
      if (count !== undefined) return dayResult(context, index, text, anchor - count, null, options);
      // "a few days ago", "days ago": somewhere in the past week.
      return dayResult(context, index, text, anchor - 6, anchor - 2, options);
    }
    if (count === undefined) return null;
    if (unit === 'week') return dayResult(context, index, text, anchor - 7 * count - 3, anchor - 7 * count + 3, options);
    const [first, last] = monthAround(anchor, -count);
    return dayResult(context, index, text, first, last, options);
  }
}
