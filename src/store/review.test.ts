/**
 * Review in the store: a reviewer's edits, rejections, merges and splits, their audit log, and
 * that each outlives what rebuilds events (a new report joining, `remerge`); in every backend.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SitrepError } from '../errors.js';
import type { CodedEvent, Place } from '../types.js';
import { forEachBackend } from './test-backends.js';
import type { Store } from './types.js';

const town = (name: string, admin1: string, lat: number, lon: number): Place => ({
  name, country: 'Somalia', iso3: 'SOM', admin1, admin2: null, latitude: lat, longitude: lon, precision: 1, featureCode: 'PPL', population: 1000, id: `t:${name}`,
});
const MOGADISHU = town('Mogadishu', 'Banadir', 2.0371, 45.3438);
const KISMAYO = town('Kismayo', 'Lower Juba', -0.3582, 42.5454);
const BAIDOA = town('Baidoa', 'Bay', 3.1136, 43.6498);

function coded(over: Partial<CodedEvent> = {}): CodedEvent {
  return {
    eventType: 'Explosions/Remote violence', subEventType: 'Remote explosive/landmine/IED', date: '2024-03-04', dateEnd: null, timePrecision: 1,
    actor1: 'Al Shabaab', actor2: 'Civilians (Somalia)', assocActor1: null, assocActor2: null, inter1: 2, inter2: 7,
    place: MOGADISHU, location: 'Mogadishu', fatalities: 9, tollPrecise: true, counts: { killed: { low: 9, high: null } },
    status: 'occurred', attributedTo: null, source: 'Wire', evidence: [], confidence: 0.8, inLead: true,
    stated: { date: true, reportDate: false, place: true, actor1: true, kind: true }, why: [], ...over,
  };
}

let n = 0;
async function report(store: Store, text: string, published: string, event: CodedEvent, source = 'Wire'): Promise<string> {
  const id = `d${(n++).toString().padStart(4, '0')}`;
  const evidence = [{ doc: id, start: 0, end: Math.min(20, text.length), text: text.slice(0, 20) }];
  await store.addDocument(
    { id, text, meta: { name: `${id}.txt`, externalId: null, url: null, title: null, published, source }, signature: '0'.repeat(1024), bands: [`b:${id}`], warnings: [] },
    [{ id: `${id}-m0`, event: { ...event, source, evidence } }],
    null,
  );
  return `${id}-m0`;
}

forEachBackend((backend) => {
  const only = async (store: Store, review?: 'all' | 'rejected') => {
    const { events } = await store.findEvents(review ? { review } : {});
    assert.equal(events.length, 1, JSON.stringify(events.map((e) => e.id)));
    return events[0]!;
  };

  test('an unreviewed record says so; an edit overrides the machine, is audited, and outlives a new report and a remerge', async () => {
    const store = await backend.open();
    await report(store, 'A car bomb exploded outside a hotel in Mogadishu on Monday, killing nine.', '2024-03-04', coded());
    const machine = await only(store);
    assert.equal(machine.reviewed, null);

    const outcome = await store.review(machine.id, { action: 'edit', edits: { fatalities: 12, actor1: 'Unidentified Armed Group (Somalia)' }, note: 'hospital figure' }, 'alice');
    assert.ok(outcome);
    const edited = outcome.event.record;
    assert.equal(edited.fatalities, 12);
    assert.equal(edited.actor1, 'Unidentified Armed Group (Somalia)');
    assert.match(edited.notes, /12/, 'the notes follow the edited toll');
    assert.equal(edited.reviewed?.state, 'edited');
    assert.equal(edited.reviewed?.by, 'alice');
    assert.deepEqual(edited.reviewed?.fields, ['fatalities', 'actor1']);
    assert.equal((await store.findEvents({ minFatalities: 12 })).events.length, 1, 'the filters see the edited value');

    const audit = await store.audit(machine.id);
    assert.equal(audit.length, 1);
    assert.deepEqual([audit[0]!.action, audit[0]!.reviewer, audit[0]!.note], ['edit', 'alice', 'hospital figure']);
    assert.equal(audit[0]!.before?.fatalities, 9);
    assert.equal(audit[0]!.after?.fatalities, 12);

    // A later report with a higher toll joins the event: the machine would take 21, the reviewer said 12.
    await report(store, 'Officials now say 21 died in the hotel bombing in Mogadishu.', '2024-03-07', coded({ fatalities: 21, counts: { killed: { low: 21, high: null } } }), 'Radio');
    const joined = await only(store);
    assert.equal(joined.id, machine.id);
    assert.equal(joined.fatalities, 12);
    assert.equal(joined.source, 'Wire; Radio', 'what the reviewer did not touch still follows the reports');

    await store.remerge();
    const rebuilt = await only(store);
    assert.equal(rebuilt.id, machine.id);
    assert.equal(rebuilt.fatalities, 12);
    assert.equal(rebuilt.reviewed?.state, 'edited');
    await store.close();
  });

  test('a rejected event leaves the default queries, stays rejected after a remerge, and a confirmation brings it back', async () => {
    const store = await backend.open();
    await report(store, 'A car bomb exploded outside a hotel in Mogadishu on Monday, killing nine.', '2024-03-04', coded());
    const { id } = await only(store);
    await store.review(id, { action: 'reject', note: 'a drill, not an attack' }, 'bob');
    assert.equal((await store.findEvents({})).events.length, 0);
    assert.equal((await store.cells({}, 1)).length, 0, 'nor on the map');
    assert.equal((await store.days({})).length, 0, 'nor on the timeline');
    assert.equal((await only(store, 'rejected')).reviewed?.state, 'rejected');
    assert.equal((await store.getEvent(id))?.record.reviewed?.state, 'rejected', 'it can still be opened by id');

    await store.remerge();
    assert.equal((await store.findEvents({})).events.length, 0);
    assert.equal((await only(store, 'all')).id, id);

    await store.review(id, { action: 'confirm' }, 'carol');
    const back = await only(store);
    assert.equal(back.reviewed?.state, 'confirmed');
    assert.equal(back.reviewed?.by, 'carol');
    assert.deepEqual((await store.audit(id)).map((a) => a.action), ['reject', 'confirm']);
    assert.equal((await store.review('ev-none', { action: 'confirm' }, 'carol')), null);
    await store.close();
  });

  test('merging two events the rules kept apart makes one, audited on both, and a remerge keeps it merged', async () => {
    const store = await backend.open();
    await report(store, 'A roadside bomb hit a minibus in Mogadishu on Monday, killing nine.', '2024-03-04', coded());
    await report(store, 'A roadside bomb hit a minibus near Kismayo on Monday, killing four.', '2024-03-04', coded({ place: KISMAYO, location: 'Kismayo', fatalities: 4, counts: { killed: { low: 4, high: null } } }), 'Daily');
    const { events } = await store.findEvents({});
    assert.equal(events.length, 2, 'the rules keep places 300 km apart apart');
    const [a, b] = [events.find((e) => e.location === 'Mogadishu')!, events.find((e) => e.location === 'Kismayo')!];

    await assert.rejects(store.review(a.id, { action: 'merge', other: a.id }, 'alice'), SitrepError);
    await assert.rejects(store.review(a.id, { action: 'merge', other: 'ev-none' }, 'alice'), /no event "ev-none"/);

    const merged = await store.review(a.id, { action: 'merge', other: b.id }, 'alice');
    assert.equal(merged?.event.documents.length, 2);
    assert.match(merged?.event.links[1]?.why ?? '', new RegExp(`merged from ${b.id} by alice`));
    assert.equal((await store.findEvents({})).events.length, 1);
    assert.equal(await store.getEvent(b.id), null);
    assert.deepEqual((await store.audit(b.id)).map((x) => [x.action, x.after]), [['merge', null]]);
    assert.equal((await store.audit(a.id))[0]?.before?.source, 'Wire');

    await store.remerge();
    const after = await only(store);
    assert.equal(after.id, a.id);
    assert.equal(after.source, 'Wire; Daily');
    await store.close();
  });

  test('splitting a report off an event makes an event of its own, and a remerge keeps them apart', async () => {
    const store = await backend.open();
    const first = await report(store, 'A car bomb exploded outside a hotel in Mogadishu on Monday, killing nine.', '2024-03-04', coded());
    const second = await report(store, 'The toll of the hotel bombing in Mogadishu rose to 15.', '2024-03-05', coded({ fatalities: 15, counts: { killed: { low: 15, high: null } } }), 'Daily');
    const event = await only(store);
    assert.equal(event.source, 'Wire; Daily');

    await assert.rejects(store.review(event.id, { action: 'split', mention: 'mn-none' }, 'alice'), /not one of event/);
    const outcome = await store.review(event.id, { action: 'split', mention: second }, 'alice');
    assert.ok(outcome?.created);
    assert.notEqual(outcome.created, event.id);
    assert.equal(outcome.event.record.source, 'Wire');
    assert.equal(outcome.event.record.fatalities, 9);
    const created = await store.getEvent(outcome.created);
    assert.equal(created?.record.source, 'Daily');
    assert.equal(created?.links[0]?.mentionId, second);
    assert.deepEqual((await store.audit(outcome.created)).map((x) => [x.action, x.before]), [['split', null]]);
    await assert.rejects(store.review(outcome.created, { action: 'split', mention: second }, 'alice'), /only one report/);

    await store.remerge();
    const { events } = await store.findEvents({});
    assert.deepEqual(events.map((e) => e.id).sort(), [event.id, outcome.created].sort(), 'the split outlives the rules that merged them');
    assert.equal((await store.getEvent(event.id))?.links[0]?.mentionId, first);
    await store.close();
  });

  test('the grid and the timeline count the matching events', async () => {
    const store = await backend.open();
    await report(store, 'A car bomb exploded outside a hotel in Mogadishu on Monday, killing nine.', '2024-03-04', coded());
    await report(store, 'Gunmen attacked a village near Baidoa on Tuesday, killing four.', '2024-03-05', coded({
      eventType: 'Violence against civilians', subEventType: 'Attack', date: '2024-03-05', place: BAIDOA, location: 'Baidoa', fatalities: 4,
    }), 'Daily');
    const coarse = await store.cells({}, 16);
    assert.equal(coarse.length, 1);
    assert.equal(coarse[0]!.count, 2);
    assert.equal(coarse[0]!.fatalities, 13);
    assert.deepEqual(coarse[0]!.byType, { 'Explosions/Remote violence': 1, 'Violence against civilians': 1 });
    assert.equal(coarse[0]!.id, null);
    const fine = await store.cells({}, 0.5);
    assert.equal(fine.length, 2);
    assert.ok(fine.every((c) => c.count === 1 && c.id?.startsWith('ev')));
    assert.deepEqual(await store.days({}), [
      { date: '2024-03-04', type: 'Explosions/Remote violence', count: 1 },
      { date: '2024-03-05', type: 'Violence against civilians', count: 1 },
    ]);
    assert.equal((await store.days({ type: 'Battles' })).length, 0);
    await store.close();
  });
});
