/**
 * One ACLED row as a test case: its `notes` are the article, its coded fields the one gold
 * event. Both export formats are read: the acledR sample (ISO dates) and the 2020 API export
 * (dates like `9-May-20`).
 */
import type { EventRecord } from '../types.js';
import { actorOk, placeKey } from './match.js';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** `YYYY-MM-DD` from an ACLED date (`2022-02-23`, `9-May-20`, `09 May 2020`), or null. */
export function parseAcledDate(raw: string): string | null {
  const text = raw.trim();
  let year: number;
  let month: number;
  let day: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const named = /^(\d{1,2})[-\s]([A-Za-z]{3,9})[-\s](\d{2}|\d{4})$/.exec(text);
  if (iso) [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (named) {
    month = MONTHS.indexOf(named[2]!.slice(0, 3).toLowerCase()) + 1;
    day = Number(named[1]);
    const y = Number(named[3]);
    // ACLED's data start in 1997: a two-digit year below 90 is in this century.
    year = named[3]!.length === 4 ? y : y < 90 ? 2000 + y : 1900 + y;
  } else return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (month < 1 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

/** The fields of an ACLED row that sitrep is judged on. */
export interface AcledCase {
  id: string;
  /** 1-based line in the CSV. */
  line: number;
  notes: string;
  date: string;
  eventType: string;
  subEventType: string;
  actor1: string;
  admin1: string;
  latitude: number | null;
  longitude: number | null;
  fatalities: number | null;
}

/** A row as a case, or null when it cannot be one (no notes, no readable date). */
export function acledCase(row: Record<string, string>, line: number): AcledCase | null {
  const date = parseAcledDate(row.event_date ?? '');
  const notes = (row.notes ?? '').trim();
  if (!date || !notes) return null;
  const number = (value: string | undefined): number | null =>
    value === undefined || value.trim() === '' || !Number.isFinite(Number(value)) ? null : Number(value);
  return {
    id: row.event_id_cnty || row.data_id || `line ${line}`,
    line,
    notes,
    date,
    eventType: row.event_type ?? '',
    subEventType: row.sub_event_type ?? '',
    actor1: row.actor1 ?? '',
    admin1: row.admin1 ?? '',
    latitude: number(row.latitude),
    longitude: number(row.longitude),
    fatalities: number(row.fatalities),
  };
}

/** ACLED's period suffix, anywhere in the name: "Military Forces of Yemen (2016-) Supreme Political Council". */
const YEAR_SUFFIX = /\s*\(\d{4}-(\d{4})?\)/g;

export const withoutYearSuffix = (name: string): string => name.replace(YEAR_SUFFIX, '').trim();

/** The scorer's actor test, with the row's name taken both as written and without its year suffix. */
export function acledActorOk(pred: string | null | undefined, acledName: string): boolean {
  return actorOk(pred, [acledName, withoutYearSuffix(acledName)]);
}

/** Admin1 names compared as the scorer compares them (no "governorate", no al-, letters only). */
export function admin1Ok(pred: string | null | undefined, acledAdmin1: string): boolean {
  return pred != null && placeKey(pred) !== '' && placeKey(pred) === placeKey(acledAdmin1);
}

/** The prediction judged against the row: the first with the row's sub-type, else the first. */
export function pickPrediction(preds: readonly EventRecord[], subEventType: string): EventRecord | null {
  return preds.find((p) => p.sub_event_type === subEventType) ?? preds[0] ?? null;
}
