/**
 * Turns a refined chrono result into sitrep's `DateMention`: whole days, what the text stated
 * (`known`), ACLED's time_precision derived from the length of the span, and a span trimmed to
 * the date words themselves (no "on", "in", commas or brackets).
 */
import type { ParsedComponents, ParsedResult } from 'chrono-node';
import type { DateMention, TimePrecision } from '../types.js';
import type { FoundDate } from './find-dates.js';
import { daysInMonth, fromYmd, toIsoDay, type DayNumber } from './calendar.js';
import { FUTURE_TAG, RELATIVE_TAG, ruleOf } from './components.js';

type Known = DateMention['known'][number];

const STATED_PARTS = ['year', 'month', 'day', 'weekday'] as const;
const LEADING_NOISE = /^(?:[\s,;:(（]|(?:on|in|On|In)\s+)+/;
const TRAILING_NOISE = /(?:[\s,;:)）]|\s+of)+$/;

export function toMention(result: ParsedResult, anchor: DayNumber): FoundDate | null {
  const first = dayOf(result.start);
  const last = lastDayOf(result);
  if (first === null || (last !== null && last < first)) return null;
  const span = trimmedSpan(result.index, result.text);
  if (!span) return null;
  const tags = result.start.tags();
  return {
    start: span.start,
    end: span.end,
    date: toIsoDay(first),
    dateEnd: last === null ? null : toIsoDay(last),
    precision: precisionOf(first, last),
    known: knownOf(result.start, tags.has(RELATIVE_TAG)),
    // A day one past the anchor is this side of the time-zone line, not a forecast.
    future: tags.has(FUTURE_TAG) || first > anchor + 1,
    rule: ruleOf(result) ?? 'chrono',
  };
}

/** 1 for a single day, 2 for a span up to a week, 3 for anything longer (a month). */
function precisionOf(first: DayNumber, last: DayNumber | null): TimePrecision {
  if (last === null) return 1;
  return last - first < 7 ? 2 : 3;
}

function knownOf(start: ParsedComponents, relative: boolean): Known[] {
  const known: Known[] = STATED_PARTS.filter((part) => start.isCertain(part));
  if (relative) known.push('relative');
  return known;
}

function dayOf(components: ParsedComponents): DayNumber | null {
  const year = components.get('year');
  const month = components.get('month');
  const day = components.get('day');
  if (year === null || month === null || day === null) return null;
  return fromYmd(year, month, Math.min(day, daysInMonth(year, month)));
}

/**
 * The last day: the end of an explicit span, else the end of a month given without a day
 * ("in May" covers all of May). Single days have none.
 */
function lastDayOf(result: ParsedResult): DayNumber | null {
  const end = result.end ?? (isMonthOnly(result.start) ? result.start : null);
  if (!end) return null;
  if (!isMonthOnly(end)) return dayOf(end);
  const year = end.get('year') ?? 0;
  const month = end.get('month') ?? 1;
  return fromYmd(year, month, daysInMonth(year, month));
}

/** Names a month but no day: chrono's "May" or "March to May" (sitrep's spans carry their ends). */
function isMonthOnly(components: ParsedComponents): boolean {
  return components.isCertain('month') && !components.isCertain('day') && !components.isCertain('weekday');
}

function trimmedSpan(index: number, text: string): { start: number; end: number } | null {
  const lead = LEADING_NOISE.exec(text)?.[0].length ?? 0;
  const trail = TRAILING_NOISE.exec(text)?.[0].length ?? 0;
  const start = index + lead;
  const end = index + text.length - trail;
  return end > start ? { start, end } : null;
}
