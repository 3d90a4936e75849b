import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SitrepError } from '../errors.js';
import type { EventRecord } from '../types.js';
import { runEval } from './index.js';

const goldEvent = {
  event_type: 'Protests', sub_event_type: 'Peaceful protest', event_date: '2020-05-09', date_tolerance: 0,
  actor1: ['Protesters (Israel)', 'Protesters'], actor2: null, iso3: 'ISR', admin1: ['Tel Aviv'], location: ['Tel Aviv'],
  latitude: 32.0809, longitude: 34.7806, km: 15, fatalities: [0, 0], status: 'occurred', optional: false,
};

function goldDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-runeval-'));
  writeFileSync(join(dir, 'a.txt'), 'About 2,500 medical interns protested in Tel Aviv on Saturday.');
  writeFileSync(join(dir, 'gold.jsonl'), JSON.stringify({ file: 'a.txt', published: '2020-05-10', events: [goldEvent] }) + '\n');
  return dir;
}

const protest = {
  id: 'p', event_date: '2020-05-09', date_end: null, time_precision: 1, event_type: 'Protests', sub_event_type: 'Peaceful protest',
  actor1: 'Protesters (Israel)', actor2: null, assoc_actor_1: null, assoc_actor_2: null, country: 'Israel', iso3: 'ISR',
  admin1: 'Tel Aviv', admin2: null, location: 'Tel Aviv', latitude: 32.08, longitude: 34.78, geo_precision: 1, fatalities: 0,
  counts: {}, status: 'occurred', attributed_to: null, source: null, notes: '', evidence: [], confidence: 0.9,
} satisfies EventRecord;

test('runEval on a gold folder prints the report; the last line is the headline', async () => {
  const lines: string[] = [];
  const { ok } = await runEval({ dir: goldDir() }, () => [protest], (line) => lines.push(line));
  assert.equal(ok, true);
  assert.equal(lines.at(-1), 'event P 100.0 R 100.0 F1 100.0; fully right 100.0%');
});

test('runEval: not ok when the extractor throws or returns records without contract fields', async () => {
  const lines: string[] = [];
  const thrown = await runEval({ dir: goldDir() }, () => { throw new Error('boom'); }, (line) => lines.push(line));
  assert.equal(thrown.ok, false);
  assert.ok(lines.includes('! a.txt: boom'));
  const partial = { ...protest } as Partial<EventRecord>;
  delete partial.evidence;
  const invalid = await runEval({ dir: goldDir() }, () => [partial as EventRecord], () => {});
  assert.equal(invalid.ok, false);
});

test('runEval: bad arguments are SitrepErrors', async () => {
  const bad: Array<[Parameters<typeof runEval>[0], RegExp]> = [
    [{}, /nothing to evaluate/],
    [{ dir: goldDir(), limit: -1 }, /--limit/],
    [{ acled: 'x.csv', sample: 0 }, /--sample/],
  ];
  for (const [opts, message] of bad) {
    await assert.rejects(runEval(opts, () => [], () => {}), (err: unknown) => err instanceof SitrepError && message.test(err.message));
  }
  await assert.rejects(runEval({ acled: '/nonexistent/acled.csv' }, () => [], () => {}), (err: unknown) => err instanceof SitrepError && err.code === 'E_NOT_FOUND');
});
