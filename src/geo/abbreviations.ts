/**
 * Standard abbreviations of first-level divisions (data/geo/abbreviations.json: "J&K", "KPK",
 * "CDMX") as readings of the division they stand for, marked so the place stage reads them only
 * when written in capitals (see resolve.ts).
 */
import { foldKey } from './normalize.js';
import type { AbbreviationUse, Reading } from './readings.js';

export interface AbbreviationEntry {
  abbreviation: string;
  iso3: string;
  /** An output admin1 name of the country. */
  admin1: string;
  where: AbbreviationUse;
  source: string;
}

/** The division reading of an output admin1 name, or null when the country has none of that name. */
export type DivisionFinder = (iso3: string, name: string) => Reading | null;

export function buildAbbreviationReadings(entries: AbbreviationEntry[], findDivision: DivisionFinder): Map<string, Reading[]> {
  const out = new Map<string, Reading[]>();
  for (const entry of entries) {
    const division = findDivision(entry.iso3, entry.admin1);
    const key = foldKey(entry.abbreviation);
    if (!division || !key) continue;
    const reading: Reading = { ...division, abbreviation: entry.where };
    const list = out.get(key);
    if (list) list.push(reading);
    else out.set(key, [reading]);
  }
  return out;
}
