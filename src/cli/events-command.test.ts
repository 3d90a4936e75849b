import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { addSynthetic, tempStore, type TempStore } from '../api/testing.js';
import { runEvents } from './events-command.js';
import type { Io } from './extract-command.js';

let temp: TempStore;
const COUNT = 2100;

before(async () => {
  temp = tempStore();
  // A country code of its own for each event: nothing to merge, so seeding stays fast.
  for (let n = 0; n < COUNT; n++) {
    const date = new Date(Date.parse('2022-01-01') + (n % 30) * 86_400_000).toISOString().slice(0, 10);
    await addSynthetic(temp.store, { date, iso3: `Z${n}`, latitude: 0, longitude: 0 }, n);
  }
});
after(() => temp.dispose());

function capture(): { io: Io; lines: string[]; drains: number[] } {
  const lines: string[] = [];
  const drains: number[] = [];
  const io: Io = { out: (l) => lines.push(l), err: () => {}, stdoutIsTTY: false, drain: async () => void drains.push(lines.length) };
  return { io, lines, drains };
}

test('every page is written, and output is allowed to drain after each page', async () => {
  const { io, lines, drains } = capture();
  assert.equal(await runEvents({ db: temp.path, json: true }, io), 0);
  assert.equal(lines.length, COUNT);
  assert.deepEqual(drains, [1000, 2000, 2100], 'one wait per page of the store');
  const dates = lines.map((l) => (JSON.parse(l) as { event_date: string }).event_date);
  assert.deepEqual(dates, [...dates].sort().reverse());
  assert.equal(new Set(lines).size, COUNT);
});

test('--limit stops part-way through a page; CSV reads the inter codes', async () => {
  const limited = capture();
  await runEvents({ db: temp.path, json: true, limit: '1500' }, limited.io);
  assert.equal(limited.lines.length, 1500);
  const csv = capture();
  await runEvents({ db: temp.path, csv: true, limit: '3' }, csv.io);
  assert.equal(csv.lines.length, 4);
  assert.match(csv.lines[1] ?? '', /,3,Civilians,,7,37,/);
});
