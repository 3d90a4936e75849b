/**
 * The configured chrono-node parser: chrono's casual English configuration, with the parsers
 * whose readings news prose does not mean as dates removed, and sitrep's own parsers and
 * refiners added (chrono's extension point: `clone()`, then the two ordered arrays).
 */
// The English locale alone: the package root also loads every other locale (~120 ms at start-up).
import { casual } from 'chrono-node/en';
import type { Chrono, Parser } from 'chrono-node';
import { AGO_GATE, gated, RELATIVE_PERIOD_GATE, SLASH_GATE, type Gate } from './gates.js';
import { AgoParser } from './parsers/ago.js';
import { MonthPartParser } from './parsers/month-part.js';
import { RelativeDayParser } from './parsers/relative-day.js';
import { RelativePeriodParser } from './parsers/relative-period.js';
import { WeekdayParser } from './parsers/weekday.js';
import { NonDateFilter } from './refiners/non-date-filter.js';
import { PastYearRefiner } from './refiners/past-year.js';
import { SlashOrderRefiner } from './refiners/slash-order.js';
import { WeekdayRangeRefiner } from './refiners/weekday-range.js';

/**
 * chrono's parsers kept: absolute dates ("July 25, 2018", "25 July", "May 2017", "2018-07-31",
 * "7/31/2018"). Dropped, with the reason:
 * - ENWeekdayParser, ENCasualDateParser, ENTimeUnitAgoFormatParser, ENRelativeDateFormatParser:
 *   replaced by sitrep parsers that resolve into the past and give spans;
 * - ENTimeUnitWithinFormatParser, ENTimeUnitLaterFormatParser, ENTimeUnitCasualRelativeFormatParser:
 *   durations ("within days", "in around two weeks", "for 48 hours", "two days later");
 * - ENTimeExpressionParser, ENCasualTimeParser: times of day ("9:47 PM", "morning") are not dates;
 * - ENSlashMonthFormatParser ("7/2018"), ENEndOfCurrentMonthParser: rare in news, noisy.
 */
const KEPT_CHRONO_PARSERS = new Set([
  'ENYearMonthDayParser',
  'ISOFormatParser',
  'SlashDateFormatParser',
  'ENMonthNameLittleEndianParser',
  'ENMonthNameMiddleEndianParser',
  'ENMonthNameParser',
  'ENYearMonthNameParser',
]);

/**
 * chrono's refiners kept: overlap removal, "Tuesday, July 31" and "July 25 to 27" merging, the
 * validity filter, year suffixes. Dropped: the date-time and time-zone refiners (no times are
 * parsed; ENMergeDateTimeRefiner would glue "December." to a following "Last week", which has
 * no stated part and so looks like a time), the relative-offset mergers (their parsers are
 * gone), and ENUnlikelyFormatFilter, which NonDateFilter generalises from "in May" to every month.
 */
const KEPT_CHRONO_REFINERS = new Set([
  'OverlapRemovalRefiner',
  'MergeWeekdayComponentRefiner',
  'UnlikelyFormatFilter',
  'ENExtractYearSuffixRefiner',
  'ENMergeDateRangeRefiner',
]);

/** chrono parsers that most texts cannot match, with what a match needs (see gates.ts). */
const CHRONO_GATES: Record<string, Gate> = { SlashDateFormatParser: SLASH_GATE };

/**
 * `gates: false` builds the same parser with every parser asked on every text: the reference
 * the tests hold the gated one to (see gates.ts).
 */
export function createDateParser({ gates = true }: { gates?: boolean } = {}): Chrono {
  const chrono = casual.clone();
  const gate = (parser: Parser, needs: Gate | undefined): Parser => (needs && gates ? gated(parser, needs) : parser);
  chrono.parsers = chrono.parsers
    .filter((parser) => KEPT_CHRONO_PARSERS.has(parser.constructor.name))
    .map((parser) => gate(parser, CHRONO_GATES[parser.constructor.name]));
  chrono.parsers.push(
    new WeekdayParser(),
    new RelativeDayParser(),
    gate(new RelativePeriodParser(), RELATIVE_PERIOD_GATE),
    new MonthPartParser(),
    gate(new AgoParser(), AGO_GATE),
  );
  chrono.refiners = chrono.refiners.filter((refiner) => KEPT_CHRONO_REFINERS.has(refiner.constructor.name));
  // After chrono's own merging (weekday + date, date ranges): filter, then settle the years
  // and move spans a week back where the merging pushed them past the anchor.
  chrono.refiners.push(new NonDateFilter(), new SlashOrderRefiner(), new PastYearRefiner(), new WeekdayRangeRefiner());
  return chrono;
}
