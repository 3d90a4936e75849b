/**
 * Measures the gazetteer against the shared reference data (read at run time, never copied):
 *
 *   node --import tsx scripts/measure-gazetteer.ts [/path/to/shared/data]
 *
 * 1. UCDP GED Syria place strings (geo/ucdp_syria_places.tsv): share found in Syria, and share
 *    whose first reading lies within 25 km of UCDP's coordinates (also weighted by events).
 * 2. ACLED notes sample (acled/acledR-2022h1-sample.csv): for each event, the `location` looked
 *    up in the event's country; share found, and share whose admin1 matches ACLED's admin1
 *    after light normalisation.
 * Skips (exit 0) when the shared data folder is absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readDataJson } from '../src/data.js';
import { loadGazetteer, type Gazetteer } from '../src/geo/index.js';
import { foldKey, stripArticles } from '../src/geo/normalize.js';
import { cleanDivisionName } from '../src/geo/admin-names.js';
import type { Place } from '../src/types.js';
import { parseCsv as parseCsvRecords } from '../src/eval/csv.js';

const parseCsv = (text: string): string[][] => parseCsvRecords(text).map((r) => r.fields);

const SHARED = process.argv[2] ?? join(import.meta.dirname, '..', '..', 'shared', 'data');

function km(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const a = Math.sin(((lat2 - lat1) * rad) / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(a));
}

/** UCDP writes "Aleppo town", "Tal Rifaat village (Azaz)": keep the name. */
function ucdpName(raw: string): string {
  return raw
    .replace(/\s*\(.*\)\s*$/, '')
    .replace(/\s+(town|city|village|villages|camp|neighbou?rhood|district|sub-?district|nahiya|area|governorate|province|region|farms?|hill|checkpoint|crossing|airport|air ?base|base|mountains?|desert|countryside|outskirts)$/i, '')
    .trim();
}

/** UCDP joins alternatives with "/" ("Tadmur/Palmyra") and prefixes compass words. */
function firstFound(gaz: Gazetteer, where: string): Place | undefined {
  for (const part of where.split('/')) {
    const name = ucdpName(part).replace(/^(northern|southern|eastern|western|central|north|south|east|west)\s+/i, '');
    const top = gaz.lookup(name, 'SYR')[0];
    if (top) return top;
  }
  return undefined;
}

function pct(n: number, d: number): string {
  return d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)}%`;
}

function measureUcdp(gaz: Gazetteer, file: string): void {
  const lines = readFileSync(file, 'utf8').trim().split('\n').slice(1);
  let found = 0, near = 0, events = 0, foundEvents = 0, nearEvents = 0;
  for (const line of lines) {
    const [where = '', , , lat = '', lon = '', , n = '1'] = line.split('\t');
    const weight = Number(n) || 1;
    events += weight;
    const top = firstFound(gaz, where);
    if (!top) continue;
    found++;
    foundEvents += weight;
    if (km(top.latitude, top.longitude, Number(lat), Number(lon)) <= 25) {
      near++;
      nearEvents += weight;
    }
  }
  console.log(`UCDP Syria places: ${lines.length} names; found ${pct(found, lines.length)}, within 25 km ${pct(near, lines.length)}`);
  console.log(`  weighted by events (${events}): found ${pct(foundEvents, events)}, within 25 km ${pct(nearEvents, events)}`);
}

/** Light normalisation for comparing division names: fold, drop articles and division words. */
function admin1Key(name: string): string {
  const key = foldKey(cleanDivisionName(name));
  return (stripArticles(key) ?? key).replace(/ /g, '');
}

function measureAcled(gaz: Gazetteer, file: string): void {
  const [header = [], ...rows] = parseCsv(readFileSync(file, 'utf8'));
  const col = (name: string): number => header.indexOf(name);
  const [cCountry, cAdmin1, cLocation] = [col('country'), col('admin1'), col('location')];
  const countries = readDataJson<Array<{ iso3: string; name: string; aliases: string[] }>>('countries.json');
  const iso3Of = new Map<string, string>();
  for (const c of countries) for (const n of [c.name, ...c.aliases]) iso3Of.set(foldKey(n), c.iso3);
  let total = 0, found = 0, same = 0, noCountry = 0;
  for (const row of rows) {
    const iso3 = iso3Of.get(foldKey(row[cCountry] ?? ''));
    if (!iso3) {
      noCountry++;
      continue;
    }
    total++;
    const top = gaz.lookup(row[cLocation] ?? '', iso3)[0];
    if (!top) continue;
    found++;
    if (top.admin1 && admin1Key(top.admin1) === admin1Key(row[cAdmin1] ?? '')) same++;
  }
  console.log(`ACLED 2022h1 sample: ${total} events with a known country (${noCountry} without)`);
  console.log(`  location found ${pct(found, total)}; admin1 agrees ${pct(same, found)} of found, ${pct(same, total)} of all`);
}

function main(): void {
  const ucdp = join(SHARED, 'geo', 'ucdp_syria_places.tsv');
  const acled = join(SHARED, 'acled', 'acledR-2022h1-sample.csv');
  if (!existsSync(ucdp) && !existsSync(acled)) {
    console.log(`measure-gazetteer: no shared data at ${SHARED}; skipped`);
    return;
  }
  const t = performance.now();
  const gaz = loadGazetteer();
  console.log(`gazetteer loaded in ${(performance.now() - t).toFixed(0)} ms`);
  if (existsSync(ucdp)) measureUcdp(gaz, ucdp);
  if (existsSync(acled)) measureAcled(gaz, acled);
}

main();
