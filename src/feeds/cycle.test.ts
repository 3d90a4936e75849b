import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cycleLine } from './index.js';
import { summarizeCycle } from './cycle.js';
import type { PollReport } from './poll.js';

const report = (over: Partial<PollReport>): PollReport => ({
  feedId: 'fd0', outcome: 'read', newItems: 0, ingested: 0, known: 0, failed: 0, eventsNew: 0, eventsMerged: 0, error: null, ...over,
});

test('one status line per cycle, summed over its feeds', () => {
  const reports = [
    report({ newItems: 7, ingested: 6, known: 1, failed: 1, eventsNew: 9, eventsMerged: 2 }),
    report({ outcome: 'not-modified' }),
    report({ outcome: 'failed', error: 'HTTP 503' }),
    report({ newItems: 5, ingested: 5, eventsNew: 5 }),
  ];
  assert.equal(
    cycleLine(summarizeCycle(3, reports, 58_000, false)),
    'cycle 3: 4 feeds polled, 1 not modified, 1 feed error; 12 new items, 11 ingested (1 already known), 1 failed; events: 14 new, 2 merged; next in 58s',
  );
  assert.equal(cycleLine(summarizeCycle(1, [report({ newItems: 1, ingested: 1 })], 0, true)),
    'cycle 1: 1 feed polled, 0 not modified, 0 feed errors; 1 new item, 1 ingested (0 already known), 0 failed; events: 0 new, 0 merged; stopped');
});
