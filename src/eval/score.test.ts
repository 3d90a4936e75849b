import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { EventRecord } from '../types.js';
import { evaluateGoldSet } from './gold-eval.js';
import { readGoldSet } from './gold.js';
import { fieldLine, formatReport } from './report.js';
import { scoreArticle, summarise } from './score.js';
import type { GoldEvent } from './types.js';

/** A full contract record with neutral defaults, overridden per test. */
function rec(over: Partial<EventRecord>): EventRecord {
  return {
    id: 'x', event_date: '2018-04-06', date_end: null, time_precision: 1,
    event_type: 'Explosions/Remote violence', sub_event_type: 'Air/drone strike',
    actor1: 'Military Forces of Syria', actor2: 'Civilians (Syria)', assoc_actor_1: null, assoc_actor_2: null,
    country: 'Syria', iso3: 'SYR', admin1: 'Rif Dimashq', admin2: null, location: 'Douma',
    latitude: 33.5718, longitude: 36.4027, geo_precision: 1, fatalities: 0, counts: {}, status: 'occurred',
    attributed_to: null, source: null, notes: '', evidence: [{ doc: 'd', start: 0, end: 4, text: 'Text' }], confidence: 0.5,
    ...over,
  };
}

const douma = { iso3: 'SYR', admin1: ['Rif Dimashq', 'Rural Damascus'], location: ['Douma'], latitude: 33.5718, longitude: 36.4027, km: 10 };
const strike: GoldEvent = {
  ...douma, event_type: 'Explosions/Remote violence', sub_event_type: 'Air/drone strike', event_date: '2018-04-06',
  date_tolerance: 1, actor1: ['Military Forces of Syria', 'Syrian army'], actor2: ['Civilians (Syria)', 'Civilians'],
  fatalities: [12, 60], status: 'occurred', optional: false,
};
const clash: GoldEvent = {
  ...douma, event_type: 'Battles', sub_event_type: 'Armed clash', event_date: '2018-04-05', date_tolerance: 0,
  actor1: ['Military Forces of Syria'], actor2: ['Jaish al-Islam'], fatalities: [0, 0], counts: { injured: [5, 10] },
  status: 'occurred', optional: false,
};
const recapture: GoldEvent = {
  ...douma, event_type: 'Battles', sub_event_type: 'Government regains territory', event_date: '2018-03-15',
  date_tolerance: 16, actor1: ['Military Forces of Syria'], actor2: ['Opposition Rebels'], km: 20, optional: true,
};

/** Article A: a right strike, a duplicate, a swapped clash with two wrong fields, an optional, a stray protest. */
const articleA = {
  golds: [strike, clash, recapture],
  preds: [
    rec({ event_date: '2018-04-07', actor1: 'Military Forces of Syria (2000-2024)', admin1: 'Rif Dimashq Governorate', latitude: 33.58, longitude: 36.4, fatalities: 40 }),
    rec({ sub_event_type: 'Shelling/artillery/missile attack' }),
    rec({ event_type: 'Battles', sub_event_type: 'Armed clash', event_date: '2018-04-05', actor1: 'JAI: Jaish al-Islam',
      actor2: 'Military Forces of Syria', admin1: 'Rural Damascus', fatalities: 2, counts: { injured: { low: 7, high: null } }, status: 'ongoing' }),
    rec({ event_type: 'Battles', sub_event_type: 'Government regains territory', event_date: '2018-03-20', actor2: 'Opposition Rebels' }),
    rec({ event_type: 'Protests', sub_event_type: 'Peaceful protest', iso3: 'IRQ', country: 'Iraq', actor1: 'Protesters (Iraq)', actor2: null }),
  ],
};

test('scoreArticle: pairs, duplicates, optional events and fields as score.mjs counts them', () => {
  const a = scoreArticle('a.txt', articleA.preds, articleA.golds);
  assert.deepEqual(
    { goldN: a.goldN, predN: a.predN, tp: a.tp, fn: a.fn, fp: a.fp, dup: a.dup, full: a.full },
    { goldN: 2, predN: 5, tp: 2, fn: 0, fp: 2, dup: 1, full: 1 },
  );
  assert.deepEqual(a.right, { sub_event_type: 2, actor1: 2, actor2: 2, admin1: 2, coords: 2, date: 2, fatalities: 1, counts: 2, status: 1 });
  assert.deepEqual(a.falseEvents.map((f) => [f.pred.sub_event_type, f.duplicate]), [
    ['Shelling/artillery/missile attack', true],
    ['Peaceful protest', false],
  ]);
  assert.deepEqual(a.wrong.map((w) => Object.entries(w.ok).filter(([, v]) => !v).map(([k]) => k)), [['fatalities', 'status']]);
  const s = summarise([a]);
  assert.equal(s.precision, 0.5);
  assert.equal(s.recall, 1);
  assert.equal(s.f1.toFixed(4), '0.6667');
  assert.equal(s.fullyRight, 0.5);
});

/** Article B: the only prediction fits an optional event best, yet a required one takes it first. */
const articleB = {
  golds: [
    { ...strike, optional: true },
    { ...strike, latitude: 34.0, longitude: 36.9, admin1: ['Homs'], location: ['Homs'] },
    { ...clash, event_date: '2018-04-01' },
  ],
  preds: [rec({ fatalities: 20 })],
};

test('scoreArticle: required gold events are paired first; an unpaired one is a miss', () => {
  const b = scoreArticle('b.txt', articleB.preds, articleB.golds);
  assert.deepEqual({ tp: b.tp, fn: b.fn, fp: b.fp, full: b.full }, { tp: 1, fn: 1, fp: 0, full: 0 });
  assert.deepEqual(b.misses.map((g) => g.event_date), ['2018-04-01']);
  assert.deepEqual(b.wrong[0] && Object.entries(b.wrong[0].ok).filter(([, v]) => !v).map(([k]) => k), ['admin1', 'coords']);
});

/** Article C (negatives): wrong country, wrong event type, date outside tolerance: nothing pairs. */
const articleC = {
  golds: [strike, { ...strike, optional: true, event_date: '2018-05-01' }],
  preds: [
    rec({ iso3: 'IRQ' }),
    rec({ event_type: 'Battles', sub_event_type: 'Armed clash' }),
    rec({ event_date: '2018-04-09' }),
    rec({ event_date: '2018-05-01' }),
    rec({ event_date: '2018-05-01', latitude: 40 }), // second mention of an optional event: ignored
  ],
};

test('scoreArticle: negatives — country, event type and date gate the pairs', () => {
  const c = scoreArticle('c.txt', articleC.preds, articleC.golds);
  assert.deepEqual({ tp: c.tp, fn: c.fn, fp: c.fp, dup: c.dup }, { tp: 0, fn: 1, fp: 3, dup: 0 });
  const s = summarise([c]);
  assert.deepEqual([s.precision, s.recall, s.f1, s.fullyRight], [0, 0, 0, 0]);
});

test('summarise and report over several articles', () => {
  const all = summarise([
    scoreArticle('a.txt', articleA.preds, articleA.golds),
    scoreArticle('b.txt', articleB.preds, articleB.golds),
    scoreArticle('c.txt', articleC.preds, articleC.golds),
  ]);
  // gold 2+2+1 = 5; paired 2+1 = 3; false 2+0+3 = 5
  assert.deepEqual([all.goldN, all.predN, all.tp, all.fn, all.fp, all.dup, all.full], [5, 11, 3, 2, 5, 1, 1]);
  assert.equal(fieldLine(all), 'sub_event_type 100.0% | actor1 100.0% | actor2 100.0% | admin1 66.7% | coords 66.7% | date 100.0% | fatalities 66.7% | counts 100.0% | status 66.7%');
  const lines = formatReport(all);
  assert.equal(lines.at(-1), 'event P 37.5 R 60.0 F1 46.2; fully right 20.0%');
  assert.ok(lines.some((l) => l.includes('status: "ongoing" vs "occurred"')));
  assert.ok(lines.some((l) => l.includes('[duplicate]: "Text"')));
  assert.ok(lines.some((l) => l.includes('c.txt: 2018-04-06 Air/drone strike at Douma, Rif Dimashq')));
});

/** score.mjs beside the checkout (shared/ lies next to the project, as in CI). */
const SCORE_MJS = [resolve('../shared/tools/score.mjs'), '/work/shared/tools/score.mjs'].find((p) => existsSync(p));

test('the same predictions give the same figures as shared/tools/score.mjs', { skip: !SCORE_MJS && 'score.mjs not found' }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-score-agree-'));
  const articles = { 'a.txt': articleA, 'b.txt': articleB, 'c.txt': articleC };
  const gold = Object.entries(articles).map(([file, a]) => JSON.stringify({ file, published: '2018-04-08', events: a.golds }));
  writeFileSync(join(dir, 'gold.jsonl'), gold.join('\n') + '\n');
  for (const [file, a] of Object.entries(articles)) {
    writeFileSync(join(dir, file), `article ${file}`);
    writeFileSync(join(dir, `${file}.preds`), a.preds.map((p) => JSON.stringify(p)).join('\n') + '\n');
  }
  // A fake CLI: prints the stored predictions of the file it is asked to extract.
  const fake = join(dir, 'fake.mjs');
  writeFileSync(fake, `import { readFileSync } from 'node:fs'; process.stdout.write(readFileSync(process.argv[3] + '.preds', 'utf8'));\n`);
  const run = spawnSync(process.execPath, [SCORE_MJS!, '--dir', dir, '--cmd', `${JSON.stringify(process.execPath)} ${JSON.stringify(fake)}`], { encoding: 'utf8' });
  const theirs = run.stdout.trim().split('\n');

  const byFile = new Map(Object.entries(articles).map(([file, a]) => [file, a.preds]));
  const ours = evaluateGoldSet(readGoldSet(dir), (input) => byFile.get(input.name ?? '') ?? []);
  const mine = formatReport(ours.summary, 0);
  // the first line ends with the run time, which differs
  const untimed = (line: string | undefined): string => (line ?? '').replace(/, [\d.]+ s$/, '');
  assert.equal(untimed(mine.at(-3)), untimed(theirs.at(-3)));
  assert.equal(mine.at(-2), theirs.at(-2));
  assert.equal(mine.at(-1), theirs.at(-1));
  assert.equal(run.status, 0);
});
