/**
 * The acceptance case from the brief: the Daraa wire story of 31 July 2018. Its text is not
 * ours to commit, so the test reads it from the team's shared folder beside the checkout and
 * says loudly that it was skipped where that folder is absent.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createExtractor } from '../src/extract.js';
import type { EventRecord } from '../src/types.js';

const path = fileURLToPath(new URL('../../shared/examples/daraa-2018-07-31.txt', import.meta.url));
const present = existsSync(path);
if (!present) console.warn(`SKIPPED: the Daraa example tests need ${path}, which is absent on this machine`);

function run(): { records: EventRecord[]; text: string } {
  const text = readFileSync(path, 'utf8');
  const { doc, records } = createExtractor().extract({ text, published: '2018-07-31', name: 'daraa' });
  return { records, text: doc.text };
}

test('Daraa example: each expected event exactly once, nothing from the caption or the prediction', { skip: !present && 'shared example absent' }, () => {
  const { records, text } = run();
  const one = (what: string, pred: (r: EventRecord) => boolean): EventRecord => {
    const found = records.filter(pred);
    assert.equal(found.length, 1, `${what}: expected one, got ${found.length}:\n${records.map((r) => r.notes).join('\n')}`);
    return found[0] as EventRecord;
  };
  const attack = one('25 July attack in As-Suwayda', (r) => r.sub_event_type === 'Attack' && r.event_date === '2018-07-25');
  assert.equal(attack.fatalities, 250);
  assert.match(attack.admin1 ?? '', /Suwayda|Sweida/i);
  assert.equal(attack.actor1.replace(/ \(.*\)$/, ''), 'Islamic State');
  const abduction = one('abduction of 30 Druze', (r) => r.sub_event_type === 'Abduction/forced disappearance');
  assert.equal(abduction.counts.abducted?.low, 30);
  const strikes = one('Russian air strikes', (r) => r.sub_event_type === 'Air/drone strike');
  assert.equal(strikes.event_date, '2018-07-31');
  assert.equal(strikes.actor1, 'Military Forces of Russia');
  assert.match(strikes.admin1 ?? '', /^(Daraa|Dara|Dar'a|Deraa)$/i);
  one('regime vs IS fighting in Daraa', (r) => r.event_type === 'Battles' && /^(Daraa|Dara|Dar'a|Deraa)$/i.test(r.admin1 ?? ''));
  for (const r of records) {
    for (const ev of r.evidence) {
      assert.equal(text.slice(ev.start, ev.end), ev.text);
      assert.doesNotMatch(ev.text, /motorcycle|AFP PHOTO|within days/, 'nothing from the caption or the prediction');
    }
  }
  const cited = records.filter((r) => r.attributed_to);
  assert.ok(cited.some((r) => r.attributed_to === 'Syrian Observatory for Human Rights'), 'SOHR cited');
});
