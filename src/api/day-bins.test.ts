import { test } from 'node:test';
import assert from 'node:assert/strict';
import { binDays, bucketFor, bucketStart } from './day-bins.js';

test('a day falls in the week from its Monday and in its month', () => {
  for (const [day, monday] of [['2024-03-04', '2024-03-04'], ['2024-03-10', '2024-03-04'], ['2024-03-01', '2024-02-26'], ['2025-01-01', '2024-12-30']]) {
    assert.equal(bucketStart(day!, 'week'), monday, day);
  }
  assert.equal(bucketStart('2024-02-29', 'month'), '2024-02-01');
  assert.equal(bucketStart('2024-02-29', 'day'), '2024-02-29');
});

test('days are summed per week or month only when they outnumber the bars', () => {
  const days = [
    { date: '2024-01-01', type: 'Battles', count: 2 },
    { date: '2024-01-03', type: 'Battles', count: 1 },
    { date: '2024-01-03', type: 'Riots', count: 4 },
    { date: '2024-03-20', type: 'Battles', count: 5 },
  ];
  assert.equal(bucketFor(days, undefined), 'day');
  assert.equal(bucketFor(days, 80), 'day'); // 80 days from Jan 1 to Mar 20
  assert.equal(bucketFor(days, 20), 'week');
  assert.equal(bucketFor(days, 5), 'month');
  assert.deepEqual(binDays(days, 'month'), [
    { date: '2024-01-01', type: 'Battles', count: 3 },
    { date: '2024-01-01', type: 'Riots', count: 4 },
    { date: '2024-03-01', type: 'Battles', count: 5 },
  ]);
  assert.deepEqual(binDays(days, 'week').map((d) => d.date), ['2024-01-01', '2024-01-01', '2024-03-18']);
  assert.equal(bucketFor([], 5), 'day');
});
