/**
 * The map's grid and the timeline, counted over columns, agree with the listing (SQL) for
 * every filter: the ones the columns hold, the ones SQL answers for them, and after writes
 * (which drop the columns) and reviews (which change types and states).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { addSynthetic, tempStore, type TempStore } from '../../api/testing.js';
import type { EventQuery } from '../types.js';

let temp: TempStore;

before(async () => {
  temp = tempStore();
  const countries = [['Syria', 'SYR'], ['Iraq', 'IRQ'], ['Mali', 'MLI']] as const;
  for (let n = 0; n < 60; n++) {
    const [country, iso3] = countries[n % 3]!;
    await addSynthetic(temp.store, {
      date: `2023-0${1 + (n % 4)}-${String(1 + (n % 28)).padStart(2, '0')}`, country, iso3, admin1: n % 2 ? 'North' : 'South',
      latitude: -10 + (n % 10) * 3.1, longitude: 20 + Math.floor(n / 10) * 2.7, fatalities: n % 7,
      actor1: n % 5 === 0 ? 'Islamic State' : undefined,
      text: n % 4 === 0 ? `Report ${n}: a market was shelled on the outskirts, killing ${n % 7} people.` : undefined,
    }, n);
  }
});
after(async () => temp.dispose());

async function listed(q: EventQuery): Promise<Array<{ id: string; event_date: string; event_type: string }>> {
  return (await temp.store.findEvents({ ...q, limit: 1000 })).events;
}

const QUERIES: EventQuery[] = [
  {}, { country: 'IRQ' }, { country: 'syria' }, { from: '2023-02-01', to: '2023-03-15' }, { minFatalities: 4 },
  { type: 'violence against civilians' }, { type: 'Battles' }, { review: 'all' }, { review: 'rejected' }, { review: 'edited' },
  { bbox: { minLon: 20, minLat: -10, maxLon: 26, maxLat: 5 } }, { text: 'market' }, { actor: 'islamic' }, { admin1: 'north' },
  { subType: 'Armed clash' }, { status: 'occurred', country: 'MLI', minFatalities: 2 }, { near: { lat: -10, lon: 20, km: 400 } },
];

async function agree(label: string): Promise<void> {
  for (const q of QUERIES) {
    const events = await listed(q);
    const cells = await temp.store.cells(q, 1);
    assert.equal(cells.reduce((n, c) => n + c.count, 0), events.length, `${label}: cells of ${JSON.stringify(q)}`);
    for (const c of cells.filter((c) => c.count === 1)) assert.ok(events.some((e) => e.id === c.id), `${label}: single cell id`);
    const days = await temp.store.days(q);
    const perDay = new Map<string, number>();
    for (const e of events) perDay.set(`${e.event_date} ${e.event_type}`, (perDay.get(`${e.event_date} ${e.event_type}`) ?? 0) + 1);
    assert.deepEqual(new Map(days.map((d) => [`${d.date} ${d.type}`, d.count])), perDay, `${label}: days of ${JSON.stringify(q)}`);
    assert.deepEqual(days.map((d) => d.date), [...days.map((d) => d.date)].sort(), 'oldest first');
  }
}

test('grid and timeline agree with the listing for every filter', async () => {
  await agree('fresh');
});

test('after reviews and new documents they still agree (the columns are read again)', async () => {
  const [a, b, c] = await listed({});
  await temp.store.review(a!.id, { action: 'reject' }, 'tester');
  await temp.store.review(b!.id, { action: 'edit', edits: { event_type: 'Battles', sub_event_type: 'Armed clash' } }, 'tester');
  await temp.store.review(c!.id, { action: 'confirm' }, 'tester');
  await addSynthetic(temp.store, { date: '2023-06-30', country: 'Iraq', iso3: 'IRQ', latitude: 33.3, longitude: 44.4, fatalities: 9 }, 1000);
  await agree('after writes');
  assert.equal((await temp.store.days({ type: 'Battles' })).reduce((n, d) => n + d.count, 0), 1);
  assert.equal((await temp.store.cells({ from: '2023-06-30' }, 16)).reduce((n, c) => n + c.count, 0), 1);
});
