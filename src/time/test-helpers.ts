/**
 * Table helpers for the dates tests: one row is a sentence and the single date it must yield.
 * On failure the message lists every mention found, so a wrong span or rule shows at once.
 */
import assert from 'node:assert/strict';
import type { TimePrecision } from '../types.js';
import type { FoundDate } from './find-dates.js';
import { findDates } from './index.js';

/** [sentence, date words, first day, last day or null, precision, rule] */
export type SingleRow = [text: string, span: string, date: string, end: string | null, precision: TimePrecision, rule: string];

export function describeFound(text: string, found: FoundDate[]): string {
  if (found.length === 0) return '(none)';
  return found
    .map((d) => `"${text.slice(d.start, d.end)}" ${d.date}${d.dateEnd ? '..' + d.dateEnd : ''} p${d.precision} ${d.rule}${d.future ? ' future' : ''}`)
    .join('; ');
}

/** Asserts that `text` yields exactly one date with these values, not in the future. */
export function assertSingle(anchor: string, [text, span, date, end, precision, rule]: SingleRow, future = false): void {
  const found = findDates(text, anchor);
  const shown = `${JSON.stringify(text)} → ${describeFound(text, found)}`;
  assert.equal(found.length, 1, `expected one date in ${shown}`);
  const mention = found[0]!;
  assert.deepEqual(
    {
      span: text.slice(mention.start, mention.end),
      date: mention.date,
      end: mention.dateEnd,
      precision: mention.precision,
      rule: mention.rule,
      future: mention.future,
    },
    { span, date, end, precision, rule, future },
    shown,
  );
}
