/**
 * Measures sitrep against ACLED's own coding: every row's `notes` is extracted as an article
 * published on the row's `event_date`, and the prediction that best matches the row (same
 * sub-type, else the first) is compared field by field with what ACLED coded.
 */
import { existsSync, readFileSync } from 'node:fs';
import { SitrepError } from '../errors.js';
import type { EventRecord } from '../types.js';
import { acledActorOk, acledCase, admin1Ok, pickPrediction, type AcledCase } from './acled-row.js';
import { parseCsvObjects } from './csv.js';
import { confusionLines, tally } from './confusion.js';
import { km } from './match.js';
import type { ExtractFn } from './types.js';

export const ACLED_FIELDS = [
  'sub_event_type', 'event_type', 'admin1', 'admin1_as_spelt', 'within_25km', 'within_50km', 'actor1', 'fatalities', 'date',
] as const;
export type AcledField = (typeof ACLED_FIELDS)[number];

export interface AcledMismatch {
  id: string;
  line: number;
  notes: string;
  /** "field: predicted vs ACLED" for each wrong field. */
  wrong: string[];
}

export interface AcledResult {
  path: string;
  /** Rows judged (after --sample and --limit), and rows left out for lack of notes or date. */
  rows: number;
  unusable: number;
  /** Rows where sitrep produced at least one event. */
  withEvent: number;
  /** Rows on which the extractor threw (judged as producing nothing). */
  failed: number;
  /** Per field: rows judged and rows right. Rows with no ACLED value for the field are not judged. */
  fields: Record<AcledField, { judged: number; right: number }>;
  /** "ACLED sub-type → predicted" for every wrong sub-type, with its count. */
  confusion: Map<string, number>;
  /** Rows whose sub-type is wrong, in file order, the first `show` of them. */
  mismatches: AcledMismatch[];
  seconds: number;
}

export interface AcledOptions {
  /** Judge at most this many rows. */
  limit?: number;
  /** Judge every k-th row only (k >= 1). */
  sample?: number;
  /** How many mismatches to keep for the report. */
  show?: number;
  /**
   * The output name of the division that `name` (any spelling) denotes in the country, from
   * the gazetteer. ACLED's older exports spell divisions as they were then ("Kiev City",
   * "Distrito Federal"); with this, `admin1` judges the division, `admin1_as_spelt` the name.
   */
  admin1Of?: (iso3: string, name: string) => string | null;
}

/** Reads the rows, after sampling and limiting, as cases. */
export function readAcledCases(csvPath: string, options: AcledOptions = {}): { cases: AcledCase[]; unusable: number } {
  if (!existsSync(csvPath)) throw new SitrepError('E_NOT_FOUND', `no ACLED file at ${csvPath}`);
  const step = Math.max(1, Math.floor(options.sample ?? 1));
  const rows = parseCsvObjects(readFileSync(csvPath, 'utf8'), csvPath).filter((_, k) => k % step === 0);
  const cases: AcledCase[] = [];
  let unusable = 0;
  for (const { row, line } of rows) {
    if (options.limit !== undefined && cases.length >= options.limit) break;
    const found = acledCase(row, line);
    if (found) cases.push(found);
    else unusable++;
  }
  if (cases.length === 0 && rows.length > 0 && options.limit !== 0) {
    throw new SitrepError('E_BAD_GOLD', `${csvPath}: no row has notes and a readable event_date`, 'is this an ACLED export?');
  }
  return { cases, unusable };
}

/** Each field right or wrong for one row; undefined where ACLED has no value to judge against. */
export function judgeAcled(
  c: AcledCase, p: EventRecord | null, admin1Of?: AcledOptions['admin1Of'],
): Record<AcledField, boolean | undefined> {
  const distance =
    p && typeof p.latitude === 'number' && c.latitude !== null && c.longitude !== null
      ? km(p.latitude, p.longitude, c.latitude, c.longitude)
      : Infinity;
  const hasCoords = c.latitude !== null && c.longitude !== null;
  return {
    sub_event_type: p?.sub_event_type === c.subEventType,
    event_type: p?.event_type === c.eventType,
    admin1: c.admin1.trim() === '' ? undefined : admin1Ok(p?.admin1, c.admin1) || sameDivision(p, c.admin1, admin1Of),
    admin1_as_spelt: c.admin1.trim() === '' ? undefined : admin1Ok(p?.admin1, c.admin1),
    within_25km: hasCoords ? distance <= 25 : undefined,
    within_50km: hasCoords ? distance <= 50 : undefined,
    actor1: c.actor1.trim() === '' ? undefined : acledActorOk(p?.actor1, c.actor1),
    fatalities: c.fatalities === null ? undefined : p?.fatalities === c.fatalities,
    date: p?.event_date === c.date,
  };
}

function sameDivision(p: EventRecord | null, acledAdmin1: string, admin1Of: AcledOptions['admin1Of']): boolean {
  if (!p?.admin1 || !admin1Of) return false;
  const named = admin1Of(p.iso3, acledAdmin1);
  return named !== null && admin1Ok(p.admin1, named);
}

function describe(field: AcledField, c: AcledCase, p: EventRecord | null): string {
  const pred = (value: unknown): string => (p ? JSON.stringify(value ?? null) : '(no event)');
  switch (field) {
    case 'sub_event_type': return `sub_event_type: ${pred(p?.sub_event_type)} vs "${c.subEventType}"`;
    case 'event_type': return `event_type: ${pred(p?.event_type)} vs "${c.eventType}"`;
    case 'admin1':
    case 'admin1_as_spelt': return `admin1: ${pred(p?.admin1)} vs "${c.admin1}"`;
    case 'within_25km':
    case 'within_50km': return `place: ${pred(p ? [p.location, p.latitude, p.longitude] : null)} vs [${c.latitude},${c.longitude}]`;
    case 'actor1': return `actor1: ${pred(p?.actor1)} vs "${c.actor1}"`;
    case 'fatalities': return `fatalities: ${pred(p?.fatalities)} vs ${c.fatalities}`;
    case 'date': return `date: ${pred(p?.event_date)} vs ${c.date}`;
  }
}

function extractSafely(extract: ExtractFn, c: AcledCase): EventRecord[] | null {
  try {
    return extract({ text: c.notes, published: c.date, source: null, name: c.id });
  } catch {
    return null;
  }
}

export function evaluateAcled(csvPath: string, extract: ExtractFn, options: AcledOptions = {}): AcledResult {
  const started = performance.now();
  const { cases, unusable } = readAcledCases(csvPath, options);
  const fields = Object.fromEntries(ACLED_FIELDS.map((f) => [f, { judged: 0, right: 0 }])) as AcledResult['fields'];
  const result: AcledResult = {
    path: csvPath, rows: cases.length, unusable, withEvent: 0, failed: 0,
    fields, confusion: new Map(), mismatches: [], seconds: 0,
  };
  for (const c of cases) {
    const preds = extractSafely(extract, c);
    if (preds === null) result.failed++;
    if (preds && preds.length > 0) result.withEvent++;
    const chosen = pickPrediction(preds ?? [], c.subEventType);
    const ok = judgeAcled(c, chosen, options.admin1Of);
    for (const f of ACLED_FIELDS) {
      if (ok[f] === undefined) continue;
      fields[f].judged++;
      if (ok[f]) fields[f].right++;
    }
    if (ok.sub_event_type) continue;
    tally(result.confusion, c.subEventType, chosen?.sub_event_type ?? null);
    if (result.mismatches.length < (options.show ?? 20)) {
      const wrong = ACLED_FIELDS.filter((f) => ok[f] === false && f !== 'within_50km' && f !== 'admin1_as_spelt').map((f) => describe(f, c, chosen));
      result.mismatches.push({ id: c.id, line: c.line, notes: c.notes, wrong });
    }
  }
  result.seconds = (performance.now() - started) / 1000;
  return result;
}

const pct = (right: number, judged: number): string => (judged ? ((100 * right) / judged).toFixed(1) : '0.0');

/** Per-field accuracy, the top sub-type confusions and the first mismatches, for a person. */
export function formatAcled(r: AcledResult, topConfusions = 15): string[] {
  const lines = [`ACLED ${r.path}: ${r.rows} rows judged (${r.unusable} without notes or date left out), ${r.seconds.toFixed(1)} s`];
  lines.push(`rows with >= 1 event: ${r.withEvent}/${r.rows} (${pct(r.withEvent, r.rows)}%)${r.failed ? `; extractor failed on ${r.failed}` : ''}`);
  lines.push('field accuracy (rows with no prediction count wrong; rows ACLED leaves empty are not judged):');
  for (const f of ACLED_FIELDS) {
    const { judged, right } = r.fields[f];
    lines.push(`  ${f.padEnd(15)} ${pct(right, judged).padStart(5)}%  (${right}/${judged})`);
  }
  lines.push(...confusionLines(r.confusion, topConfusions, 'ACLED → sitrep'));
  lines.push(`first ${r.mismatches.length} rows with a wrong sub-type:`);
  for (const m of r.mismatches) {
    const notes = m.notes.length > 200 ? `${m.notes.slice(0, 199)}…` : m.notes;
    lines.push(`  ${m.id} (line ${m.line}): ${notes}`, ...m.wrong.map((w) => `      ${w}`));
  }
  return lines;
}
