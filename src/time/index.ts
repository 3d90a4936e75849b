/**
 * The dates stage of sitrep: dates and date spans in article prose, resolved against the
 * publication date (ACLED time_precision 1 day, 2 week, 3 month).
 */
import type { Span } from '../types.js';
import { createDateFinder, type FoundDate } from './find-dates.js';

export { createDateStage, proseRanges, type DateStageOptions } from './stage.js';
export { createDateFinder, type DateFinder, type FoundDate } from './find-dates.js';
export { createDateParser } from './date-parser.js';

/** Built once at import: the chrono configuration is read-only after construction. */
const defaultFinder = createDateFinder();

/**
 * The dates in `text`, resolved against `anchor` (the publication date, `YYYY-MM-DD`), sorted
 * by start. With `ranges`, only dates wholly inside one of them are found.
 */
export function findDates(text: string, anchor: string, ranges?: Span[]): FoundDate[] {
  return defaultFinder(text, anchor, ranges);
}
