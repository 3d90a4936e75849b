/**
 * The field-level judgements of shared/tools/score.mjs, expression for expression, so the
 * in-process scorer and the reference scorer agree on every figure. Keep them in step: when
 * score.mjs changes, change these and the table in match.test.ts.
 */
import type { GoldEvent, Range } from './types.js';

/** The parts of a prediction the judgements read; anything may be missing at run time. */
export interface Judged {
  event_type?: unknown;
  sub_event_type?: unknown;
  event_date?: unknown;
  iso3?: unknown;
  actor1?: unknown;
  actor2?: unknown;
  admin1?: unknown;
  latitude?: unknown;
  longitude?: unknown;
  fatalities?: unknown;
  counts?: unknown;
  status?: unknown;
}

/** Lower-cased, accents stripped (NFKD, combining marks removed). */
export const strip = (s: unknown): string =>
  String(s ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/** An actor name as compared: no trailing "(Syria)"/"(2000-)" suffix, no leading "the". */
export const actorKey = (s: unknown): string =>
  strip(s)
    .replace(/\s*\([^)]*\)\s*$/, '')
    .replace(/^the\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();

/** A place name as compared: no "governorate"/"province" words, no al-/as- articles, letters only. */
export const placeKey = (s: unknown): string =>
  strip(s)
    .replace(/\b(governorate|province|state|oblast|region|district|muhafazat|wilayah|county)\b/g, '')
    .replace(/\b(al|as|ad|ar|ash|an|at|az|el|ad)[-\s]/g, '')
    .replace(/[^a-z]/g, '');

/** Days between two dates, either order (NaN when one does not parse, as in score.mjs). */
export const days = (a: unknown, b: unknown): number => Math.abs((Date.parse(String(a)) - Date.parse(String(b))) / 86400000);

/** Great-circle distance in km (haversine, Earth diameter 12,742 km). */
export function km(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = Math.PI / 180;
  const dLat = (lat2 - lat1) * r;
  const dLon = (lon2 - lon1) * r;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(dLon / 2) ** 2;
  return 12742 * Math.asin(Math.sqrt(h));
}

/** An ACLED name may read "ABBR: Full Name": the whole, or either part, may match an alias. */
export const actorKeys = (s: unknown): string[] => [s, ...String(s).split(/:\s+/)].map(actorKey).filter(Boolean);

/** A predicted actor against a list of aliases; a null list wants no actor at all. */
export function actorOk(pred: unknown, aliases: string[] | null | undefined): boolean {
  if (aliases == null) return pred == null || pred === '';
  if (pred == null) return false;
  const predKeys = actorKeys(pred);
  return aliases.some((alias) => actorKeys(alias).some((key) => predKeys.includes(key)));
}

/**
 * In two-sided events (clashes, agreements) and protests/riots coders differ on which side is
 * actor1, so both orders count there.
 */
export const swappable = (g: GoldEvent): boolean =>
  ['Protests', 'Riots'].includes(g.event_type) || ['Armed clash', 'Agreement'].includes(g.sub_event_type);

/** [actor1 right, actor2 right], taking the swapped reading only when it makes both right. */
export function actorsOk(p: Judged, g: GoldEvent): [boolean, boolean] {
  const straight: [boolean, boolean] = [actorOk(p.actor1, g.actor1), actorOk(p.actor2, g.actor2)];
  if (!swappable(g) || (straight[0] && straight[1])) return straight;
  const swapped: [boolean, boolean] = [actorOk(p.actor1, g.actor2 ?? null), actorOk(p.actor2, g.actor1)];
  return swapped[0] && swapped[1] ? swapped : straight;
}

/** A value inside a closed range; no range means anything goes. */
export const inRange = (v: unknown, r: Range | null | undefined): boolean =>
  r == null || (typeof v === 'number' && v >= r[0] && v <= r[1]);

/** True when the predicted coordinates lie within the gold event's radius (default 25 km). */
export function near(p: Judged, g: GoldEvent): boolean {
  return typeof p.latitude === 'number' && km(p.latitude, p.longitude as number, g.latitude, g.longitude) <= (g.km ?? 25);
}

export const FIELDS = ['sub_event_type', 'actor1', 'actor2', 'admin1', 'coords', 'date', 'fatalities', 'counts', 'status'] as const;
export type Field = (typeof FIELDS)[number];

/** Each field of a paired prediction, right or wrong (GOLD.md "How a prediction is scored", 3). */
export function judgeFields(p: Judged, g: GoldEvent): Record<Field, boolean> {
  const [actor1, actor2] = actorsOk(p, g);
  const counts = (p.counts ?? undefined) as Record<string, { low?: unknown } | undefined> | undefined;
  return {
    sub_event_type: p.sub_event_type === g.sub_event_type,
    actor1,
    actor2,
    admin1: g.admin1 == null || (p.admin1 != null && g.admin1.some((a) => placeKey(a) === placeKey(p.admin1))),
    coords: near(p, g),
    date: days(p.event_date, g.event_date) <= (g.date_tolerance ?? 0),
    fatalities: inRange(p.fatalities, g.fatalities),
    counts: Object.entries(g.counts ?? {}).every(([k, r]) => inRange(counts?.[k]?.low, r)),
    status: [g.status ?? 'occurred'].flat().includes((p.status ?? 'occurred') as string),
  };
}
