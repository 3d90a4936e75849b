/**
 * CASE 2021 Task 2: real news snippets, each labelled with one fine-grained class: 25 map to
 * ACLED sub-event types, 5 lie outside ACLED (crime, disasters, diplomacy, attribution) and count
 * as right when sitrep codes no event. The snippets carry no publication date, so every one is
 * extracted as published on CASE_PUBLISHED; dates are not judged here.
 *
 * CASE is a classification task: most snippets are single sentences that name no place, and
 * sitrep makes no record of an event it cannot place (ACLED codes none). Two figures are
 * given: `strict` counts records only; `classified` (the task's own measure, and the one the
 * per-class table and confusions use) also counts the sub-type of an event told but unplaced.
 */
import { existsSync, readFileSync } from 'node:fs';
import { SitrepError } from '../errors.js';
import type { EventRecord, SubEventType } from '../types.js';
import { confusionLines, tally } from './confusion.js';
import type { ClassifyFn } from './types.js';

/** The fixed publication date given to every snippet (they have none). */
export const CASE_PUBLISHED = '2021-01-01';

export const CASE_TO_ACLED: Readonly<Record<string, SubEventType>> = {
  GOV_REGAINS_TERIT: 'Government regains territory',
  NON_STATE_ACTOR_OVERTAKES_TER: 'Non-state actor overtakes territory',
  ARMED_CLASH: 'Armed clash',
  CHEM_WEAP: 'Chemical weapon',
  AIR_STRIKE: 'Air/drone strike',
  SUIC_BOMB: 'Suicide bomb',
  ART_MISS_ATTACK: 'Shelling/artillery/missile attack',
  REM_EXPLOS: 'Remote explosive/landmine/IED',
  GRENADE: 'Grenade',
  SEX_VIOL: 'Sexual violence',
  ATTACK: 'Attack',
  ABDUCT_DISSAP: 'Abduction/forced disappearance',
  PEACE_PROTEST: 'Peaceful protest',
  PROTEST_WITH_INTER: 'Protest with intervention',
  FORCE_AGAINST_PROTEST: 'Excessive force against protesters',
  VIOL_DEMONSTR: 'Violent demonstration',
  MOB_VIOL: 'Mob violence',
  AGREEMENT: 'Agreement',
  ARREST: 'Arrests',
  CHANGE_TO_GROUP_ACT: 'Change to group/activity',
  DISR_WEAP: 'Disrupted weapons use',
  HQ_ESTABLISHED: 'Headquarters or base established',
  PROPERTY_DISTRUCT: 'Looting/property destruction',
  NON_VIOL_TERRIT_TRANSFER: 'Non-violent transfer of territory',
  OTHER: 'Other',
};

/** Classes outside ACLED's taxonomy: the right answer is no event. */
export const CASE_OUTSIDE_ACLED: readonly string[] = ['ORG_CRIME', 'NATURAL_DISASTER', 'MAN_MADE_DISASTER', 'DIPLO', 'ATTRIB'];

/** What sitrep should answer for a CASE label: an ACLED sub-type, null for "no event", undefined if unknown. */
export function expectedFor(label: string): SubEventType | null | undefined {
  if (label in CASE_TO_ACLED) return CASE_TO_ACLED[label];
  return CASE_OUTSIDE_ACLED.includes(label) ? null : undefined;
}

/**
 * sitrep's answer: the sub-type of its most confident record (the first among equals); with
 * no record, the first event told without a place, when `unplaced` is given; else null.
 */
export function predictedSubType(preds: readonly EventRecord[], unplaced: readonly SubEventType[] = []): SubEventType | null {
  let best: EventRecord | null = null;
  for (const p of preds) if (best === null || p.confidence > best.confidence) best = p;
  return best?.sub_event_type ?? unplaced[0] ?? null;
}

export interface CaseSnippet {
  id: string;
  text: string;
  label: string;
  line: number;
}

/** Reads the TSV (`id<TAB>EventSnippet<TAB>SubType` with a header row); an unknown label is an error. */
export function parseCaseTsv(text: string, name = 'CASE TSV'): CaseSnippet[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const snippets: CaseSnippet[] = [];
  lines.forEach((raw, k) => {
    if (raw.trim() === '' || (k === 0 && /^id\t/i.test(raw))) return;
    const cells = raw.split('\t');
    const fail = (what: string): never => {
      throw new SitrepError('E_BAD_GOLD', `${name} line ${k + 1}: ${what}`);
    };
    if (cells.length !== 3) fail(`${cells.length} tab-separated fields, want 3 (id, snippet, label)`);
    const [id, snippet, label] = cells.map((cell) => cell.trim()) as [string, string, string];
    if (expectedFor(label) === undefined) fail(`unknown label "${label}"`);
    snippets.push({ id, text: snippet, label, line: k + 1 });
  });
  return snippets;
}

export interface CaseResult {
  path: string;
  total: number;
  /** Right counting events told without a place too (the classification measure). */
  right: number;
  /** Right counting records only. */
  rightStrict: number;
  failed: number;
  /** Per CASE label: snippets and right answers. */
  perClass: Map<string, { total: number; right: number }>;
  /** "expected → predicted" for every wrong answer, with its count. */
  confusion: Map<string, number>;
  seconds: number;
}

export function evaluateCase2021(tsvPath: string, classify: ClassifyFn, options: { limit?: number } = {}): CaseResult {
  if (!existsSync(tsvPath)) throw new SitrepError('E_NOT_FOUND', `no CASE 2021 file at ${tsvPath}`);
  const started = performance.now();
  const snippets = parseCaseTsv(readFileSync(tsvPath, 'utf8'), tsvPath).slice(0, options.limit ?? Infinity);
  const result: CaseResult = { path: tsvPath, total: 0, right: 0, rightStrict: 0, failed: 0, perClass: new Map(), confusion: new Map(), seconds: 0 };
  for (const s of snippets) {
    let preds: EventRecord[] = [];
    let unplaced: SubEventType[] = [];
    try {
      ({ records: preds, unplaced } = classify({ text: s.text, published: CASE_PUBLISHED, source: null, name: `case2021:${s.id}` }));
    } catch {
      result.failed++;
    }
    const expected = expectedFor(s.label) ?? null;
    const predicted = predictedSubType(preds, unplaced);
    const ok = predicted === expected;
    if (predictedSubType(preds) === expected) result.rightStrict++;
    const perClass = result.perClass.get(s.label) ?? { total: 0, right: 0 };
    result.perClass.set(s.label, { total: perClass.total + 1, right: perClass.right + (ok ? 1 : 0) });
    result.total++;
    if (ok) result.right++;
    else tally(result.confusion, expected, predicted);
  }
  result.seconds = (performance.now() - started) / 1000;
  return result;
}

const pct = (right: number, total: number): string => (total ? ((100 * right) / total).toFixed(1) : '0.0');

export function formatCase2021(r: CaseResult, topConfusions = 20): string[] {
  const lines = [
    `CASE 2021 ${r.path}: ${r.total} snippets, each extracted as published on ${CASE_PUBLISHED} (the snippets carry no date), ${r.seconds.toFixed(1)} s`,
    `accuracy ${pct(r.right, r.total)}% (${r.right}/${r.total}) as a classifier, counting events told without a place${r.failed ? `; extractor failed on ${r.failed}` : ''}`,
    `accuracy ${pct(r.rightStrict, r.total)}% (${r.rightStrict}/${r.total}) strict, counting only events placed well enough to be records`,
    'per class, as a classifier (label → expected sub-type):',
  ];
  const classes = [...r.perClass].sort((a, b) => a[0].localeCompare(b[0]));
  for (const [label, { total, right }] of classes) {
    const expected = expectedFor(label) ?? '(no event)';
    lines.push(`  ${label.padEnd(30)} ${pct(right, total).padStart(5)}%  (${right}/${total})  ${expected}`);
  }
  return [...lines, ...confusionLines(r.confusion, topConfusions, 'expected → sitrep')];
}
