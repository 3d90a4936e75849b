/**
 * Settles the year of a month or day-month the text gives without one ("in May", "on July
 * 25", "late March"). Reports look back, so the date is the latest such one not after the
 * anchor: in a July 2018 article "May" is May 2018 and "December" is December 2017. A
 * day-month one day past the anchor stays in the anchor's year, since the event's local date
 * can run a day ahead of a publication date written in UTC. Words around the month may state
 * the year ("May last year", "last August"); a future verb in the clause ("elections will be
 * held in May") or a deadline ("out by September 11") turns the date forwards, marked future.
 */
import type { ParsingComponents, ParsingContext, ParsingResult, Refiner } from 'chrono-node';
import { daysInMonth, fromYmd, toYmd, type DayNumber } from '../calendar.js';
import { FUTURE_TAG, RELATIVE_TAG, RULE_TAG, anchorDayOf, ruleOf } from '../components.js';
import { inFutureClause } from '../future-cues.js';

/** Days after the anchor that a day-month may lie and still be this year's. */
const GRACE_DAYS = 1;

/** "May last year", "January of this year", "October, last year". */
const YEAR_AFTER = /^(?:,?\s+of|,)?\s+(last|this|next)\s+year\b/i;
/** A deadline: "out by September 11", "ahead of the Aug. 31 deadline". */
const DEADLINE_BEFORE = /\b(?:by|until|till|before|ahead\s+of)\s+(?:the\s+)?$/i;
const DEADLINE_AFTER = /^\W{0,3}\s*(?:as\s+(?:a|the)\s+)?deadline\b/i;

type StatedYear = number | 'next' | null;

export class PastYearRefiner implements Refiner {
  refine(context: ParsingContext, results: ParsingResult[]): ParsingResult[] {
    const anchor = anchorDayOf(context);
    for (const result of results) {
      if (result.start.isCertain('month') && !result.start.isCertain('year')) resolve(context, result, anchor);
    }
    return results;
  }
}

function resolve(context: ParsingContext, result: ParsingResult, anchor: DayNumber): void {
  const start = result.start;
  const month = start.get('month') ?? 1;
  const day = start.isCertain('day') ? (start.get('day') ?? 1) : null;
  const stated = statedYear(context, result, anchor);
  const future = stated === 'next' || (stated === null && isFuture(context, result, anchor, month, day));
  const year = typeof stated === 'number' ? stated : day === null ? monthYear(anchor, month, future) : dayMonthYear(anchor, month, day, future);
  const shift = year - (start.get('year') ?? year);
  shiftYear(start, shift);
  if (result.end) {
    shiftYear(result.end, shift);
    if (dayOf(result.end) < dayOf(start)) shiftYear(result.end, 1);
  }
  if (future) start.addTag(FUTURE_TAG);
  if (ruleOf(result) === null) {
    const how = typeof stated === 'number' ? 'relative-year' : future ? 'future' : 'past';
    start.addTag(`${RULE_TAG}${day === null ? 'month' : 'day-month'}-${how}`);
  }
}

/**
 * A year the words around the month give: "May last year", "January of this year", "last
 * August" (the latest August before the anchor's month). The span grows to cover them.
 */
function statedYear(context: ParsingContext, result: ParsingResult, anchor: DayNumber): StatedYear {
  const { year, month: anchorMonth } = toYmd(anchor);
  const end = result.index + result.text.length;
  const after = YEAR_AFTER.exec(context.text.slice(end, end + 24));
  if (after) {
    result.text += after[0];
    result.start.addTag(RELATIVE_TAG);
    const which = (after[1] ?? '').toLowerCase();
    return which === 'last' ? year - 1 : which === 'next' ? 'next' : year;
  }
  const before = context.text.slice(Math.max(0, result.index - 6), result.index);
  if (!/\blast\s+$/i.test(before)) return null;
  return (result.start.get('month') ?? 1) < anchorMonth ? year : year - 1;
}

/** A future-tense clause, or a deadline ("by September 11") that this year's reading puts ahead. */
function isFuture(context: ParsingContext, result: ParsingResult, anchor: DayNumber, month: number, day: number | null): boolean {
  const end = result.index + result.text.length;
  if (inFutureClause(context.text, result.index, end)) return true;
  const { year } = toYmd(anchor);
  const thisYears = fromYmd(year, month, Math.min(day ?? 1, daysInMonth(year, month)));
  if (thisYears <= anchor + GRACE_DAYS) return false;
  const before = context.text.slice(Math.max(0, result.index - 20), result.index);
  return DEADLINE_BEFORE.test(before) || DEADLINE_AFTER.test(context.text.slice(end, end + 20));
}

function monthYear(anchor: DayNumber, month: number, future: boolean): number {
  const { year, month: anchorMonth } = toYmd(anchor);
  if (future) return month >= anchorMonth ? year : year + 1;
  return month <= anchorMonth ? year : year - 1;
}

function dayMonthYear(anchor: DayNumber, month: number, day: number, future: boolean): number {
  const { year } = toYmd(anchor);
  const thisYears = fromYmd(year, month, Math.min(day, daysInMonth(year, month)));
  if (future) return thisYears >= anchor ? year : year + 1;
  return thisYears <= anchor + GRACE_DAYS ? year : year - 1;
}

/** Moves an implied year by `shift`, keeping the day inside the month (29 February). */
function shiftYear(components: ParsingComponents, shift: number): void {
  if (shift === 0 || components.isCertain('year')) return;
  const year = (components.get('year') ?? 0) + shift;
  components.imply('year', year);
  const month = components.get('month') ?? 1;
  const day = components.get('day') ?? 1;
  if (!components.isCertain('day') && day > daysInMonth(year, month)) components.imply('day', daysInMonth(year, month));
}

function dayOf(components: ParsingComponents): DayNumber {
  return fromYmd(components.get('year') ?? 0, components.get('month') ?? 1, components.get('day') ?? 1);
}
