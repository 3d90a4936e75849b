/**
 * Turns rows of data/geo/places.tsv (GeoNames towns and first-level divisions) into readings,
 * with the admin1/admin2 names and the country filled in. Rows are parsed on first use and kept.
 */
import type { Place } from '../types.js';
import { toAscii } from './admin-names.js';
import type { CountryTable } from './countries.js';
import type { RowTable } from './line-table.js';
import { precisionOf, priorOf, type Reading } from './readings.js';

/** Column order of places.tsv (see scripts/build-gazetteer.ts). */
const COL = { id: 0, name: 1, ascii: 2, lat: 3, lon: 4, cc: 5, a1: 6, a2: 7, feature: 8, pop: 9 } as const;
/** Columns a reading needs: all but the last (the alternate names, used only by the build). */
const COLUMNS_READ = 10;

export interface AdminNames {
  /** Output admin1 name for "SY.06". */
  admin1(code: string): string | null;
  /** Output admin2 name for "SY.06.170904". */
  admin2(code: string): string | null;
  /** The admin1 output name for places of this admin2 where the press splits the division ("Shan-North"). */
  admin1Split(admin2Code: string): string | null;
}

export interface PlaceRows {
  reading(row: number): Reading | null;
}

export function createPlaceRows(table: RowTable, countries: CountryTable, admin: AdminNames): PlaceRows {
  const cache = new Map<number, Reading | null>();
  return {
    reading(row) {
      let reading = cache.get(row);
      if (reading === undefined) {
        reading = row >= 0 && row < table.size ? parseRow(table.columns(row, COLUMNS_READ), countries, admin) : null;
        cache.set(row, reading);
      }
      return reading;
    },
  };
}

function parseRow(f: string[], countries: CountryTable, admin: AdminNames): Reading | null {
  const cc = f[COL.cc] ?? '';
  const country = countries.byIso2.get(cc);
  const a1 = f[COL.a1] ?? '';
  const a2 = f[COL.a2] ?? '';
  const featureCode = f[COL.feature] ?? 'PPL';
  const population = Number(f[COL.pop]) || 0;
  const admin1Code = a1 ? `${cc}.${a1}` : null;
  const isDivision = featureCode === 'ADM1';
  const admin2Code = a2 ? `${cc}.${a1}.${a2}` : null;
  const split = admin2Code && !isDivision ? admin.admin1Split(admin2Code) : null;
  const admin1 = split ?? (admin1Code ? admin.admin1(admin1Code) : null);
  const place: Place = {
    name: featureCode.startsWith('ADM') ? (f[COL.name] ?? '') : f[COL.ascii] || toAscii(f[COL.name] ?? ''),
    country: country?.name ?? cc,
    iso3: country?.iso3 ?? cc,
    admin1,
    admin2: !isDivision && admin2Code ? admin.admin2(admin2Code) : null,
    latitude: Number(f[COL.lat]),
    longitude: Number(f[COL.lon]),
    precision: precisionOf(featureCode),
    featureCode,
    population,
    id: f[COL.id] ?? '',
  };
  const kind = isDivision ? 'admin1' : featureCode === 'ADM2' ? 'admin2' : 'town';
  return { place, kind, iso2: cc, admin1Code, admin2Code, prior: priorOf(kind, featureCode, population) };
}
