import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createDoc } from '../doc.js';
import type { Doc, DocMeta } from '../types.js';
import { createCleanStage, isHeadlineShaped, resolveDatelineDate } from './index.js';

const stage = createCleanStage();

function clean(text: string, meta: Partial<DocMeta> = {}): Doc {
  return stage.run(createDoc(text, meta));
}

const slice = (doc: Doc, span: { start: number; end: number } | null): string | null => (span ? doc.text.slice(span.start, span.end) : null);

// Article shapes written for these tests after the layouts of wire and local-site copy.
const AFP_REPOST = [
  'JOIN THE LEDGER. Takes 2 seconds.',
  '',
  'Rebels Say They Will Free Hostages in Exchange for Safe Passage',
  '',
  'A boy walks past a damaged mosque in the old city of Idlib, on March 16, 2017. The province is mostly held by rebels. / AFP PHOTO …',
  '',
  '(AFP) BEIRUT, Lebanon — Dozens of rebel fighters were cornered in a pocket of northern Syria on Tuesday after losing all other territory there, a monitor said.',
  '',
  'The fighters were holding 20 villagers as a bargaining chip, said the monitor.',
  '',
  '',
  "Please let us know if you're having issues with commenting.",
].join('\n');

const REUTERS = [
  'Shelling hits eastern town as talks stall',
  '',
  'March 3, 2023 4:12 PM GMT+2 | Updated 3 hours ago',
  '',
  'KHERSON, Ukraine, March 3 (Reuters) - Shelling killed four people in the southern city of Kherson on Friday, the regional governor said.',
  '',
  'Residents said the strikes hit a market and a bus stop.',
  '',
  '(Reporting by Jane Doe; Editing by John Smith)',
].join('\n');

const AP = [
  'KUNDUZ, Afghanistan (AP) — A car bomb exploded near a police station early Saturday, killing at least nine people, officials said.',
  '',
  'The Taliban claimed responsibility.',
  '',
  'Associated Press writer Rahim Faiez in Islamabad contributed to this report.',
].join('\n');

const LOCAL = [
  'DAILY LEDGER',
  'Home > World > Africa',
  'Gunmen kill 12 in raid on village in Niger',
  'By our Niamey correspondent',
  'Sunday 12 May 2024',
  'Kabul-style attack hits village market',
  '',
  'Gunmen on motorbikes killed 12 people in a raid on a village in western Niger on Saturday, a local official said.',
  'The army said it had sent reinforcements to the area.',
  '— AFP',
].join('\n');

test('AFP copy reposted by a site: promo, caption, comment prompt, headline, dateline, wire', () => {
  const doc = clean(AFP_REPOST, { published: '2018-07-31' });
  assert.deepEqual(doc.skip.map((region) => region.kind), ['promo', 'caption', 'comment']);
  assert.equal(slice(doc, doc.headline), 'Rebels Say They Will Free Hostages in Exchange for Safe Passage');
  assert.equal(slice(doc, doc.dateline), '(AFP) BEIRUT, Lebanon —');
  assert.equal(doc.dateline?.place, 'BEIRUT');
  assert.equal(doc.dateline?.date, null);
  assert.equal(slice(doc, doc.wire), 'AFP');
  assert.equal(doc.wire?.name, 'AFP');
  assert.equal(doc.meta.source, 'AFP');
  assert.ok(doc.trace.some((line) => line.startsWith('clean: source set to AFP')));
  assert.equal(doc.text, AFP_REPOST, 'the text is never edited');
});

test('Reuters copy: timestamp line, dateline date resolved with the publication year, sign-off', () => {
  const doc = clean(REUTERS, { published: '2023-03-03' });
  assert.equal(slice(doc, doc.headline), 'Shelling hits eastern town as talks stall');
  assert.deepEqual(doc.skip.map((region) => region.rule), ['timestamp.date-line', 'byline.reporting-by']);
  assert.equal(slice(doc, doc.dateline), 'KHERSON, Ukraine, March 3 (Reuters) -');
  assert.equal(doc.dateline?.date, '2023-03-03');
  assert.equal(doc.wire?.name, 'Reuters');
  const undated = clean(REUTERS);
  assert.equal(undated.dateline?.date, null, 'no ISO date without a publication year');
});

test('AP copy without headline; a caller-given source is kept', () => {
  const doc = clean(AP, { source: 'Kabul Times' });
  assert.equal(doc.headline, null);
  assert.equal(doc.dateline?.place, 'KUNDUZ');
  assert.equal(doc.wire?.name, 'AP');
  assert.equal(doc.meta.source, 'Kabul Times');
  assert.deepEqual(doc.skip.map((region) => region.kind), ['byline']);
});

test('local site: masthead, breadcrumbs, byline, date line; wire from a closing credit', () => {
  const doc = clean(LOCAL);
  assert.equal(slice(doc, doc.headline), 'Gunmen kill 12 in raid on village in Niger');
  assert.deepEqual(doc.skip.map((region) => region.rule), ['boilerplate.masthead', 'boilerplate.link-bar', 'byline.by-role', 'timestamp.date-line', 'byline.wire-only-line']);
  assert.equal(doc.dateline, null);
  assert.equal(doc.wire?.name, 'AFP');
  assert.equal(doc.wire?.rule, 'wire.credit-line:byline.wire-only-line');
});

test('datelines: place as written, credit, and date', () => {
  const cases: Array<[string, string | null, string | null, string | null]> = [
    ['BEIRUT, Lebanon — Shelling killed three.', 'BEIRUT', null, null],
    ['KRAMATORSK, Ukraine, April 8 (Reuters) - A missile hit the station.', 'KRAMATORSK', 'Reuters', '2022-04-08'],
    ['MOGADISHU, Somalia (AP) — Two car bombs exploded.', 'MOGADISHU', 'AP', null],
    ['(AFP) BEIRUT, Lebanon — Fighters were cornered.', 'BEIRUT', 'AFP', null],
    ['Kabul, Afghanistan — A blast hit a mosque.', 'Kabul', null, null],
    ['Maiduguri (Nigeria) (AFP) - Jihadists killed 40 farmers.', 'Maiduguri', 'AFP', null],
    ['MEXICO CITY (AP) — Soldiers captured a cartel leader.', 'MEXICO CITY', 'AP', null],
    ['PORT-AU-PRINCE, Haiti (AP) — A gang kidnapped 17 missionaries.', 'PORT-AU-PRINCE', 'AP', null],
    ['(Reuters) - SRINAGAR/JAMMU, India - Authorities imposed a curfew.', 'SRINAGAR/JAMMU', 'Reuters', null],
    ['BEIRUT, Dec 30 (Reuters) - Airstrikes hit Idlib.', 'BEIRUT', 'Reuters', '2021-12-30'],
    ['Deir ez-Zor, Syria (SANA) — Gunmen attacked a checkpoint.', 'Deir ez-Zor', 'SANA', null],
    ['NEW DELHI: Police fired tear gas at protesters.', 'NEW DELHI', null, null],
    ['GAO, Mali (Meridian Press Agency) — Gunmen attacked a convoy.', 'GAO', 'Meridian Press Agency', null],
    // Negative cases: sentences that open with a name and a dash are not datelines.
    ['Hamas — which rules Gaza — said it fired the rockets.', null, null, null],
    ['Residents - many of them children - fled the town.', null, null, null],
    ['The army said: "We have retaken the town."', null, null, null],
    ['Kabul: the capital fell on Sunday.', null, null, null],
  ];
  for (const [line, place, wire, date] of cases) {
    const text = `${line}\n\nOfficials said the toll could rise.`;
    const published = line.includes('Dec 30') ? '2022-01-02' : '2022-04-09';
    const doc = clean(text, { published });
    assert.equal(doc.dateline?.place ?? null, place, line);
    assert.equal(doc.wire?.name ?? null, wire, line);
    assert.equal(doc.dateline?.date ?? null, date, line);
  }
});

test('lead credit without a place still names the wire', () => {
  const doc = clean('(AFP) A car bomb exploded at a crowded market, killing 12 people, police said.');
  assert.equal(doc.dateline, null);
  assert.equal(doc.wire?.name, 'AFP');
  assert.equal(doc.wire?.rule, 'wire.lead-credit');
});

test('wire credits come from credit lines, never from prose', () => {
  const cases: Array<[string, string | null]> = [
    ['Gunmen killed five people on Sunday.\n\nBy Jane Doe, Associated Press', 'AP'],
    ['Gunmen killed five people on Sunday.\n\nJane Doe, Associated Press Writer', 'AP'],
    ['Gunmen killed five people on Sunday.\n\n© 2019 Agence France-Presse', 'AFP'],
    ['Gunmen killed five people on Sunday.\n\nCopyright 2023 The Associated Press. All rights reserved.', 'AP'],
    ['Gunmen killed five people on Sunday. — Reuters', 'Reuters'],
    ['Gunmen killed five people on Sunday.\n\n(Reporting by Jane Doe; Editing by John Smith)', 'Reuters'],
    // Negative cases.
    ['Gunmen killed five people on Sunday, a police officer told Reuters.', null],
    ['Gunmen killed five people on Sunday, according to an AFP tally.', null],
    ['Gunmen killed five people on Sunday.\n\nBy Petra Novak', null],
    ['Gunmen killed five people on Sunday.\n\n(c) 2021 Harbor Times. Content from Eastbridge News Agency (ENA).', null],
  ];
  for (const [text, wire] of cases) assert.equal(clean(text).wire?.name ?? null, wire, text);
});

test('headline: first short line before prose; negative cases', () => {
  const cases: Array<[string, string | null]> = [
    ['Gunmen kill 12 in raid on village\n\nGunmen killed 12 people on Saturday, officials said.', 'Gunmen kill 12 in raid on village'],
    ['UN Chief: Killing of Protesters \'Utterly Unacceptable\'\nThe U.N. chief condemned the killings on Sunday.', 'UN Chief: Killing of Protesters \'Utterly Unacceptable\''],
    ['Is the ceasefire over?\n\nFighting resumed on Monday.', 'Is the ceasefire over?'],
    ['Troops deploy as protests spread across the U.S.\n\nTroops were deployed on Monday.', 'Troops deploy as protests spread across the U.S.'],
    // Negative cases: prose first, a lone line, a label, a sentence.
    ['Gunmen killed 12 people on Saturday.\n\nThe army sent reinforcements.', null],
    ['Gunmen kill 12 in raid on village', null],
    ['The group listed its demands:\n\nThe release of prisoners was the first.', null],
    ['Rebels attacked the base at dawn, residents said, and the fighting lasted for most of the day according to medical sources in the region\n\nThe army denied it.', null],
  ];
  for (const [text, headline] of cases) assert.equal(slice(clean(text), clean(text).headline), headline, text);
});

test('isHeadlineShaped and resolveDatelineDate', () => {
  assert.equal(isHeadlineShaped('Missile strike on rail station kills 50'), true);
  assert.equal(isHeadlineShaped('Missile strike on rail station kills 50.'), false);
  assert.equal(isHeadlineShaped('Syria'), false);
  assert.equal(resolveDatelineDate('Dec', 31, '2023-01-02'), '2022-12-31');
  assert.equal(resolveDatelineDate('Sept', 27, '2016-09-27'), '2016-09-27');
  assert.equal(resolveDatelineDate('Feb', 30, '2016-09-27'), null);
  assert.equal(resolveDatelineDate('April', 8, null), null);
});

test('empty and blank documents', () => {
  for (const text of ['', '\n\n  \n']) {
    const doc = clean(text);
    assert.deepEqual([doc.skip, doc.headline, doc.dateline, doc.wire], [[], null, null, null]);
  }
});
