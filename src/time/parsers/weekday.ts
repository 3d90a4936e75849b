/**
 * Weekdays ("on Tuesday", "said Monday", "Monday night", "last Friday", "Tuesday of last
 * week"). Replaces chrono's ENWeekdayParser, which picks the *closest* such day (so "Wednesday"
 * in a Tuesday article became tomorrow): reports are about the past, so a bare weekday is the
 * latest such day on or before the anchor, and the anchor's own weekday is the anchor day.
 */
import type { Parser, ParsingContext, ParsingResult } from 'chrono-node';
import { mondayOf, weekdayOnOrAfter, weekdayOnOrBefore, type DayNumber } from '../calendar.js';
import { anchorDayOf, dayResult } from '../components.js';
import { inFutureClause } from '../future-cues.js';

const WEEKDAYS: Record<string, number> = {
  sunday: 0,
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
};

// Capitalised names only: news prose capitalises weekdays, and "sat" or "wed" are words.
const PATTERN = new RegExp(
  '\\b(?:([Ll]ast|[Pp]ast|[Tt]his|[Nn]ext)\\s+)?' +
    '(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\\b' +
    '(?:\\s+(?:morning|afternoon|evening|night))?' +
    '(?:,?\\s+(?:of\\s+)?(last|this|next)\\s+week\\b)?',
);

/** Named days that are not "the latest such weekday": holidays and historical events. */
const HOLIDAY_WORD = /\b(?:Good|Black|Bloody|Ash|Super|Holy|Easter|Palm|Maundy|Cyber|Shrove|Whit|Low|Giving|Great)\s+$/;

type Modifier = 'last' | 'next' | 'this' | null;

export class WeekdayParser implements Parser {
  pattern(): RegExp {
    return PATTERN;
  }

  extract(context: ParsingContext, match: RegExpMatchArray): ParsingResult | null {
    const index = match.index ?? 0;
    const before = context.text.slice(Math.max(0, index - 12), index);
    if (HOLIDAY_WORD.test(before)) return null;
    const weekday = WEEKDAYS[(match[2] ?? '').toLowerCase()];
    if (weekday === undefined) return null;
    const anchor = anchorDayOf(context);
    const text = match[0];
    const prefix = normalise(match[1]);
    const weekModifier = normalise(match[3]);
    if (weekModifier) return this.inWeek(context, index, text, anchor, weekday, weekModifier);
    if (prefix === 'next' || (prefix !== 'last' && inFutureClause(context.text, index, index + text.length))) {
      const day = weekdayOnOrAfter(prefix === 'next' ? anchor + 1 : anchor, weekday);
      return dayResult(context, index, text, day, null, { rule: 'weekday-future', future: true, relative: prefix !== null, stated: { weekday } });
    }
    const day = weekdayOnOrBefore(prefix === 'last' ? anchor - 1 : anchor, weekday);
    return dayResult(context, index, text, day, null, { rule: 'weekday-past', relative: prefix !== null, stated: { weekday } });
  }

  /** "Tuesday of last week": the weekday inside the named calendar week (Monday to Sunday). */
  private inWeek(context: ParsingContext, index: number, text: string, anchor: DayNumber, weekday: number, week: Modifier): ParsingResult {
    const weekOffset = week === 'last' ? -7 : week === 'next' ? 7 : 0;
    const day = mondayOf(anchor) + weekOffset + ((weekday + 6) % 7);
    const future = day > anchor;
    return dayResult(context, index, text, day, null, { rule: `weekday-${week}-week`, relative: true, future, stated: { weekday } });
  }
}

function normalise(word: string | undefined): Modifier {
  const lower = word?.toLowerCase();
  if (lower === 'last' || lower === 'past') return 'last';
  if (lower === 'next' || lower === 'this') return lower;
  return null;
}
