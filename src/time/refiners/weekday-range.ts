/**
 * "from Monday to Wednesday" in a Monday article: chrono's range merger moves the end a week
 * forward so that it follows the start, which puts a reported span in the future. Reports
 * look back, so such a span is moved back a week to end on or before the anchor.
 */
import type { ParsingComponents, ParsingContext, ParsingResult, Refiner } from 'chrono-node';
import { fromYmd, type DayNumber } from '../calendar.js';
import { FUTURE_TAG, anchorDayOf, implyDay } from '../components.js';

export class WeekdayRangeRefiner implements Refiner {
  refine(context: ParsingContext, results: ParsingResult[]): ParsingResult[] {
    const anchor = anchorDayOf(context);
    for (const result of results) {
      const end = result.end;
      if (!end || !isWeekdayOnly(result.start) || !isWeekdayOnly(end) || result.start.tags().has(FUTURE_TAG)) continue;
      const last = dayOf(end);
      if (last <= anchor) continue;
      implyDay(result.start, dayOf(result.start) - 7);
      implyDay(end, last - 7);
    }
    return results;
  }
}

function isWeekdayOnly(components: ParsingComponents): boolean {
  return components.isCertain('weekday') && !components.isCertain('day');
}

function dayOf(components: ParsingComponents): DayNumber {
  return fromYmd(components.get('year') ?? 0, components.get('month') ?? 1, components.get('day') ?? 1);
}
