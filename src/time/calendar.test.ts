import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isIsoDay, mondayOf, monthAround, parseIsoDay, toIsoDay, weekdayOf, weekdayOnOrAfter, weekdayOnOrBefore } from './calendar.js';

const day = parseIsoDay;

describe('calendar', () => {
  it('round-trips ISO days and knows their weekdays', () => {
    for (const [iso, weekday] of [['2018-07-31', 2], ['2022-04-08', 5], ['1970-01-01', 4], ['1969-12-28', 0], ['2024-02-29', 4]] as const) {
      assert.equal(toIsoDay(day(iso)), iso);
      assert.equal(weekdayOf(day(iso)), weekday, iso);
    }
  });

  it('rejects days that are not on the calendar', () => {
    for (const text of ['2018-02-30', '2018-13-01', '31/07/2018', '2018-7-31', '']) assert.equal(isIsoDay(text), false, text);
    assert.equal(isIsoDay('2024-02-29'), true);
  });

  it('finds Mondays, months and weekdays around a day', () => {
    assert.equal(toIsoDay(mondayOf(day('2018-07-31'))), '2018-07-30');
    assert.equal(toIsoDay(mondayOf(day('2018-07-29'))), '2018-07-23'); // a Sunday ends its week
    assert.deepEqual(monthAround(day('2018-01-15'), -1).map(toIsoDay), ['2017-12-01', '2017-12-31']);
    assert.deepEqual(monthAround(day('2024-03-31'), -1).map(toIsoDay), ['2024-02-01', '2024-02-29']);
    assert.equal(toIsoDay(weekdayOnOrBefore(day('2018-07-31'), 2)), '2018-07-31');
    assert.equal(toIsoDay(weekdayOnOrBefore(day('2018-07-31'), 3)), '2018-07-25');
    assert.equal(toIsoDay(weekdayOnOrAfter(day('2018-07-31'), 1)), '2018-08-06');
  });
});
