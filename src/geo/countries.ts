/**
 * Countries as places: names, aliases and demonyms from data/countries.json, capital
 * coordinates from data/geo/countries.tsv (GeoNames capitals, written by the gazetteer build).
 */
import type { CountryEntry, Place } from '../types.js';
import { foldKey } from './normalize.js';
import { priorOf, type Reading } from './readings.js';

export type { CountryEntry };

export interface CountryTable {
  byIso2: Map<string, CountryEntry>;
  byIso3: Map<string, Reading>;
  /** Folded country names and aliases → readings. */
  names: Map<string, Reading[]>;
  /** Folded demonyms ("syrian", "syrians") → ISO3. */
  demonyms: Map<string, string>;
}

export function buildCountryTable(entries: CountryEntry[], capitalsTsv: string): CountryTable {
  const capitals = parseCapitals(capitalsTsv);
  const table: CountryTable = { byIso2: new Map(), byIso3: new Map(), names: new Map(), demonyms: new Map() };
  for (const entry of entries) {
    table.byIso2.set(entry.iso2, entry);
    const capital = capitals.get(entry.iso2);
    if (!capital) continue;
    const place: Place = {
      name: entry.name,
      country: entry.name,
      iso3: entry.iso3,
      admin1: null,
      admin2: null,
      latitude: capital[0],
      longitude: capital[1],
      precision: 3,
      featureCode: 'COUNTRY',
      population: 0,
      id: `country:${entry.iso3}`,
    };
    const reading: Reading = { place, kind: 'country', iso2: entry.iso2, admin1Code: null, admin2Code: null, prior: priorOf('country', 'COUNTRY', 0) };
    table.byIso3.set(entry.iso3, reading);
    for (const name of [entry.name, ...entry.aliases]) addReading(table.names, foldKey(name), reading);
    for (const demonym of entry.demonyms) {
      const key = foldKey(demonym);
      if (key && !table.demonyms.has(key)) table.demonyms.set(key, entry.iso3);
    }
  }
  return table;
}

export function addReading(map: Map<string, Reading[]>, key: string, reading: Reading): void {
  if (!key) return;
  const list = map.get(key);
  if (!list) map.set(key, [reading]);
  else if (!list.some((r) => r.place.id === reading.place.id)) list.push(reading);
}

function parseCapitals(tsv: string): Map<string, [number, number]> {
  const out = new Map<string, [number, number]>();
  for (const line of tsv.split('\n').slice(1)) {
    const [iso2, lat, lon] = line.split('\t');
    if (iso2 && lat && lon) out.set(iso2, [Number(lat), Number(lon)]);
  }
  return out;
}
