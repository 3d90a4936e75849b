/**
 * The curated places of data/geo/aliases.json (camps, regions, neighbourhoods) as readings.
 * Their admin1 is given by output name and checked against the division table on load.
 */
import type { GeoPrecision, Place } from '../types.js';
import { addReading, type CountryTable } from './countries.js';
import { foldKey } from './normalize.js';
import { priorOf, type Reading } from './readings.js';

export interface AliasEntry {
  id: string;
  name: string;
  names: string[];
  iso3: string;
  admin1: string | null;
  latitude: number;
  longitude: number;
  precision: GeoPrecision;
  feature: string;
  source: string;
}

/** Finds the admin1 code of an output admin1 name in a country ("SYR", "Dara" → "SY.06"). */
export type Admin1Resolver = (iso3: string, name: string) => string | null;

export function buildAliasReadings(
  entries: AliasEntry[],
  countries: CountryTable,
  resolveAdmin1: Admin1Resolver,
): Map<string, Reading[]> {
  const out = new Map<string, Reading[]>();
  for (const entry of entries) {
    const country = countries.byIso3.get(entry.iso3);
    const admin1Code = entry.admin1 ? resolveAdmin1(entry.iso3, entry.admin1) : null;
    const place: Place = {
      name: entry.name,
      country: country?.place.country ?? entry.iso3,
      iso3: entry.iso3,
      admin1: entry.admin1,
      admin2: null,
      latitude: entry.latitude,
      longitude: entry.longitude,
      precision: entry.precision,
      featureCode: entry.feature,
      population: 0,
      id: entry.id,
    };
    const reading: Reading = {
      place,
      kind: 'alias',
      iso2: country?.iso2 ?? '',
      admin1Code,
      admin2Code: null,
      prior: priorOf('alias', entry.feature, 0),
    };
    for (const name of entry.names) addReading(out, foldKey(name), reading);
  }
  return out;
}
