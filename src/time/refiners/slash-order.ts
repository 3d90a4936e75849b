/**
 * "08/04/2022" is 8 April in most of the world and August 4 in the United States. chrono reads
 * month first; when that reading lies after the publication day and the day-first one does
 * not, the day-first reading is the one a report can mean.
 */
import type { ParsingContext, ParsingResult, Refiner } from 'chrono-node';
import { fromYmd } from '../calendar.js';
import { anchorDayOf } from '../components.js';

const SLASH_DATE = /^(\d{1,2})[/.](\d{1,2})[/.](\d{2}|\d{4})$/;

export class SlashOrderRefiner implements Refiner {
  refine(context: ParsingContext, results: ParsingResult[]): ParsingResult[] {
    const anchor = anchorDayOf(context);
    for (const result of results) {
      const match = SLASH_DATE.exec(result.text.trim());
      if (match) swapIfFuture(result, anchor);
    }
    return results;
  }
}

function swapIfFuture(result: ParsingResult, anchor: number): void {
  const start = result.start;
  const year = start.get('year');
  const month = start.get('month');
  const day = start.get('day');
  if (year === null || month === null || day === null || day > 12) return;
  if (fromYmd(year, month, day) <= anchor + 1 || fromYmd(year, day, month) > anchor + 1) return;
  start.assign('month', day).assign('day', month);
}
