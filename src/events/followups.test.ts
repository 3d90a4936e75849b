/**
 * What follow-up reports say beside the event they follow: deadlines, warnings and advisories
 * (no events), a raid's outcome (people missing: an abduction), the noise of a raid (one event,
 * not a bombing), claims and accounts of an act already told (no new act), and acts told in
 * sequence in one sentence (two events, each with its own date and place). Our own text,
 * written in the manner of wire copy.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createExtractor } from '../extract.js';
import type { EventRecord } from '../types.js';

const extractor = createExtractor();

function records(text: string, published = '2021-03-12'): EventRecord[] {
  return extractor.extract({ text, published, name: 'followups' }).records;
}

const kinds = (list: readonly EventRecord[]): string[] => list.map((r) => r.sub_event_type);

test('deadlines, warnings of what others plan and security advisories are not events', () => {
  for (const text of [
    'ROME (Wire) - The prime minister has set June 30 as the deadline for the withdrawal of all Italian troops from the mission in Niger.',
    'KABUL (Wire) - Several Western governments warned on Tuesday that militants were planning an attack on the crowds outside the airport in Kabul.',
    'BAMAKO (Wire) - The French embassy on Friday told its citizens in Bamako to avoid the city centre because of a "serious, credible threat."',
  ]) {
    assert.deepEqual(kinds(records(text)), [], text);
  }
});

test('a deadline defied or a threat made by the actor still leaves the act or the plan', () => {
  const sitIn = records('NAIROBI (Wire) - Traders in Nairobi defied a police deadline to end their sit-in outside City Hall on Monday.');
  assert.ok(kinds(sitIn).includes('Peaceful protest'), JSON.stringify(kinds(sitIn)));
  const threat = records('ONITSHA (Wire) - The kidnappers threatened on Sunday to kill the abducted priest in Onitsha unless a ransom was paid.');
  assert.ok(threat.some((r) => r.status === 'planned'), JSON.stringify(threat.map((r) => [r.sub_event_type, r.status])));
});

test('people missing after armed men stormed a school: an abduction, dated by the raid', () => {
  const text =
    'SOKOTO, Nigeria (Wire) - Dozens of pupils were unaccounted for on Wednesday after gunmen stormed a boarding school in the town of Kebbe in Sokoto state, parents said.\n\n' +
    'The attackers arrived on motorcycles on Tuesday night, shooting into the air and setting off explosions, witnesses said.\n';
  const found = records(text, '2021-03-10');
  assert.deepEqual(kinds(found), ['Abduction/forced disappearance']);
  assert.equal(found[0]?.event_date, '2021-03-09');
  assert.equal(found[0]?.evidence.length, 2);
});

test('with no other date, the day the missing were counted dates the raid that left them missing', () => {
  const [event, ...rest] = records('JOS (Wire) - Forty villagers were missing on Sunday after gunmen raided the village of Kwall in Plateau state.', '2021-03-08');
  assert.equal(rest.length, 0);
  assert.equal(event?.sub_event_type, 'Abduction/forced disappearance');
  assert.equal(event?.event_date, '2021-03-07');
});

test('people missing after a shipwreck or a flood: no abduction', () => {
  for (const text of [
    'MAIDUGURI (Wire) - Twelve fishermen were missing on Sunday after their boat capsized on Lake Chad near Baga.',
    'ACCRA (Wire) - Three people were still missing after floods swept through Kumasi on Monday.',
  ]) {
    assert.ok(!kinds(records(text)).includes('Abduction/forced disappearance'), text);
  }
});

test('a raid whose only outcome is abduction is one abduction; a raid that also killed stays an attack too', () => {
  assert.deepEqual(kinds(records('GUSAU (Wire) - Gunmen stormed the village of Bakura in Zamfara state on Sunday and abducted 30 women.')), [
    'Abduction/forced disappearance',
  ]);
  const both = kinds(records('GUSAU (Wire) - Gunmen stormed the village of Bakura in Zamfara state on Sunday, killed three men and abducted 30 women.'));
  assert.ok(both.includes('Attack') && both.includes('Abduction/forced disappearance'), JSON.stringify(both));
});

test('explosions set off by raiders who fire into the air are the raid, not a bombing', () => {
  const raid = kinds(records('GAO (Wire) - Gunmen arrived in pickup trucks in the village of Tessit on Monday night, firing into the air and setting off explosions.'));
  assert.deepEqual(raid, ['Attack']);
  assert.deepEqual(kinds(records('MOSUL (Wire) - Militants set off explosions near a checkpoint in Mosul on Monday, killing two people.')), ['Remote explosive/landmine/IED']);
});

test('a claim or an account of a bombing already told is no second bombing', () => {
  const found = records(
    'MOGADISHU (Wire) - A suicide bomber blew himself up at a busy market in Mogadishu on Monday, killing 12 people.\n\n' +
      'Al-Shabaab claimed the bombing on Monday evening. The police later corrected their first account of the bombing.\n',
  );
  assert.deepEqual(kinds(found), ['Suicide bomb']);
  assert.equal(found[0]?.fatalities, 12);
  assert.ok(found[0]!.evidence.length >= 2);
  const fired = records('MOSUL (Wire) - Islamic State claimed the firing of three rockets at an army base near Mosul on Sunday.');
  assert.equal(fired.length, 1, 'a claim that describes the act still tells it');
});

test('two acts told in sequence in one sentence stay two events, each with its own toll', () => {
  const found = records(
    'WASHINGTON (Wire) - The Pentagon said on Saturday it had killed two militants in a drone strike in eastern Somalia, less than two days after a car bomb at a market in Mogadishu that has now killed at least 30 people.',
    '2021-03-13',
  );
  const strike = found.find((r) => r.sub_event_type === 'Air/drone strike');
  const bomb = found.find((r) => r.sub_event_type === 'Remote explosive/landmine/IED');
  assert.ok(strike && bomb, JSON.stringify(kinds(found)));
  assert.equal(strike.fatalities, 2);
  assert.equal(bomb.fatalities, 30);
});

test('an unmanned strike is a drone strike', () => {
  assert.deepEqual(kinds(records('KABUL (Wire) - The unmanned strike was carried out late on Friday in Paktika province, a military spokesman said.')), ['Air/drone strike']);
});

test('"came three days after" gives the later act neither the earlier act\'s day nor its place', () => {
  const found = records(
    'FUNTUA, Nigeria (Wire) - Gunmen abducted 20 passengers from a bus near Funtua in Katsina state on Sunday.\n\n' +
      'The kidnapping came two days after bandits killed nine people at a market in Gusau, in neighbouring Zamfara state, on Friday.\n',
    '2021-03-08',
  );
  const abductions = found.filter((r) => r.sub_event_type === 'Abduction/forced disappearance');
  assert.equal(abductions.length, 1, JSON.stringify(found.map((r) => [r.sub_event_type, r.location, r.event_date])));
  assert.equal(abductions[0]?.location, 'Funtua');
  assert.ok(found.some((r) => r.sub_event_type === 'Attack' && r.location === 'Gusau' && r.event_date === '2021-03-05'));
});

test('a figure "since the raid" is that raid\'s, not a running total', () => {
  const found = records('ABUJA (Wire) - Officials said on Sunday that 40 students were missing after last Tuesday\'s attack by gunmen on a school in Kagara, Niger state, the first official figure since the raid.', '2021-03-14');
  assert.deepEqual(kinds(found), ['Abduction/forced disappearance']);
  assert.deepEqual(found[0]?.counts.abducted, { low: 40, high: 40 });
});
