import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readDataJson } from '../data.js';
import { createDoc } from '../doc.js';
import type { SkipKind } from '../types.js';
import { compileBoilerplate, createCleanStage, loadCleanResources, type BoilerplateFile } from './index.js';

const stage = createCleanStage(loadCleanResources());

/** The skip regions of a one-paragraph document, as [kind, marked text]. */
function skipsOf(text: string): Array<[SkipKind, string]> {
  const doc = stage.run(createDoc(text));
  return doc.skip.map((region) => [region.kind, text.slice(region.start, region.end)]);
}

test('every boilerplate pattern compiles and matches its own example', () => {
  const file = readDataJson<BoilerplateFile>('clean', 'boilerplate.json');
  const rules = compileBoilerplate(file);
  assert.equal(new Set(rules.map((rule) => rule.id)).size, rules.length, 'ids are unique');
  for (const [index, rule] of rules.entries()) {
    const example = file.patterns[index]!.example;
    assert.ok(rule.regex.test(example), `${rule.id} should match its example "${example}"`);
    assert.ok(rule.scope === 'tail' || example.length <= rule.maxLength, `${rule.id} example is longer than its maxLength`);
  }
});

test('a bad pattern is a data error naming it', () => {
  const broken: BoilerplateFile = { macros: {}, patterns: [{ id: 'x.broken', kind: 'promo', scope: 'line', pattern: '(', example: '' }] };
  assert.throws(() => compileBoilerplate(broken), /x\.broken/);
  const unknownMacro: BoilerplateFile = { macros: {}, patterns: [{ id: 'x.macro', kind: 'promo', scope: 'line', pattern: '{{NOPE}}', example: '' }] };
  assert.throws(() => compileBoilerplate(unknownMacro), /NOPE/);
});

test('furniture lines are marked whole, with their kind', () => {
  const cases: Array<[string, SkipKind]> = [
    ['JOIN BREITBART. Takes 2 seconds.', 'promo'],
    ['Subscribe to our newsletter', 'promo'],
    ['Sign up', 'promo'],
    ['Sign up for The Morning Brief, our daily newsletter', 'promo'],
    ['Advertisement', 'promo'],
    ['Follow us on Twitter @ledgernews', 'promo'],
    ["Please let us know if you're having issues with commenting.", 'comment'],
    ['Comments are closed.', 'comment'],
    ['View 34 comments', 'comment'],
    ['Share this article', 'share'],
    ['Facebook Twitter WhatsApp Email', 'share'],
    ['Click to share on Telegram (Opens in new window)', 'share'],
    ['A displaced woman walks through the camp near Idlib on March 3, 2020. / AFP PHOTO / Omar HAJ KADOUR', 'caption'],
    ['Smoke billows over the city after an airstrike. (Photo: Handout)', 'caption'],
    ['Soldiers patrol the market in Gao. Photo: John Smith/Reuters', 'caption'],
    ['FILE PHOTO: A general view of the port of Hodeidah, Yemen, June 20, 2018. REUTERS/Abduljabbar Zeyad/File Photo', 'caption'],
    ['People inspect the site of a blast in Kabul, Afghanistan, September 5, 2022. REUTERS/Ali Khara', 'caption'],
    ['Mourners carry a coffin during a funeral in Gaza City. (AP Photo/Adel Hana)', 'caption'],
    ['Credit: Ministry of Defence', 'caption'],
    ['Image caption, Residents fled the town overnight', 'caption'],
    ['By Jane Doe', 'byline'],
    ['By JANE DOE and AHMED AL-OMRAN, Associated Press', 'byline'],
    ['By Jane Doe | Reuters', 'byline'],
    ['By our Kabul correspondent', 'byline'],
    ['(Reporting by Maher Chmaytelli; Editing by Alex Richardson)', 'byline'],
    ['Writing by Ali Kucukgocmen; Editing by Jonathan Spicer', 'byline'],
    ['Compiled by the Ledger news desk', 'byline'],
    ['Associated Press writer Cara Anna in Nairobi, Kenya, contributed to this report.', 'byline'],
    ['— AFP', 'byline'],
    ['April 8, 2022 9:47 PM GMT+3 | Updated', 'timestamp'],
    ['Updated: 31 July 2018 10:41 BST', 'timestamp'],
    ['Published 2 hours ago', 'timestamp'],
    ['Tue 31 Jul 2018 10.41 BST', 'timestamp'],
    ['Related: Gunmen kill 12 in attack on village', 'boilerplate'],
    ['READ MORE: Inside the battle for the city', 'boilerplate'],
    ['Read more', 'boilerplate'],
    ['© 2019 Agence France-Presse', 'boilerplate'],
    ['Copyright 2022 Reuters. All rights reserved.', 'boilerplate'],
    ['Home › News › Africa', 'boilerplate'],
    ['___', 'boilerplate'],
  ];
  for (const [line, kind] of cases) assert.deepEqual(skipsOf(line), [[kind, line]], line);
});

test('a credit ending a paragraph is marked, not the paragraph', () => {
  const cases: Array<[string, string]> = [
    ['Talks are due to resume on Monday. (Reporting by Jane Doe; Editing by John Smith)', '(Reporting by Jane Doe; Editing by John Smith)'],
    ['Three Americans were killed. VOA’s Jane Doe contributed to this report.', 'VOA’s Jane Doe contributed to this report.'],
    ['The curfew was lifted on Sunday. — AFP', '— AFP'],
    ['Fighting resumed on Friday. © 2019 Agence France-Presse', '© 2019 Agence France-Presse'],
  ];
  for (const [paragraph, tail] of cases) {
    const skips = skipsOf(paragraph);
    assert.equal(skips.length, 1, paragraph);
    assert.equal(skips[0]![1], tail);
  }
});

test('negative cases: article prose is never marked', () => {
  const prose = [
    'By Tuesday, the rebels had withdrawn from the town.',
    'By then, more than 200 people had fled across the border.',
    'By Friday evening the death toll had risen to 31.',
    'Share prices fell sharply after the attack on the refinery.',
    'More than 40 people were killed, officials said.',
    'More than 200 families were displaced by the fighting.',
    'Related clashes erupted in the north of the province.',
    'Photo evidence showed the bodies of at least 12 men, the group said.',
    'An AFP photographer saw at least 12 bodies at the scene.',
    'An AFP photo showed soldiers patrolling the empty market.',
    'A Reuters/Ipsos poll found most voters opposed the deal.',
    'Updated figures showed 40 dead and 120 wounded.',
    'Follow-up talks are planned for next week in Geneva.',
    'Comments by the minister drew sharp criticism from the opposition.',
    'Read the full statement, the spokesman told reporters.',
    'The minister said: "We will not negotiate with terrorists."',
    'Reporters Without Borders condemned the arrest of the journalist.',
    'Subscribers to the channel said the footage was filmed in Idlib.',
    'Editors at the newspaper were detained on Monday.',
    'Chief Editor Ahmed Said was arrested on Monday in Cairo.',
    'Rights holders were not consulted, the report said.',
    'Police said the gunmen told Reuters they would strike again.',
    'Sign language interpreters were among those wounded.',
    'Watch towers along the border were destroyed in the shelling.',
    'On May 5, gunmen attacked a police post in the town, killing three officers.',
    'Two people were killed in the attack. Image analysis by the group showed the blast crater.',
  ];
  for (const line of prose) assert.deepEqual(skipsOf(line), [], line);
});

test('bulleted links under a "Related" label are links too, other bullets are prose', () => {
  const text = 'Rebels took the town on Monday, residents said.\n\nRelated stories:\n- Britain to end evacuation flights\n- Photos: the last days of the airlift\n\nThe army denied the claim.';
  assert.deepEqual(skipsOf(text).map(([, marked]) => marked), ['Related stories:', '- Britain to end evacuation flights', '- Photos: the last days of the airlift']);
  const list = 'The group listed its demands:\n- the release of 12 prisoners\n- the withdrawal of troops from the town';
  assert.deepEqual(skipsOf(list), []);
});
