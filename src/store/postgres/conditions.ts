/**
 * The SQL conditions of an event query in PostgreSQL, shared by the listing, the map's grid
 * and the timeline: the same filters as SQLite's (src/store/sqlite/conditions.ts) with
 * PostgreSQL's means. Every value is a bound parameter, never spliced into the SQL.
 */
import { decodeCursor, tsQuery } from '../query.js';
import type { EventQuery } from '../types.js';
import { NOT_REJECTED, REVIEW_CONDITION } from '../review-conditions.js';
import type { SpatialMode } from './migrations.js';

/** Events whose point lies in a box, through the store's spatial index. */
function inBox(spatial: SpatialMode, p: (value: unknown) => string, minLon: number, minLat: number, maxLon: number, maxLat: number): string {
  return spatial === 'postgis'
    ? `geom && ST_MakeEnvelope(${p(minLon)}, ${p(minLat)}, ${p(maxLon)}, ${p(maxLat)}, 4326)`
    : `point(longitude, latitude) <@ box(point(${p(minLon)}, ${p(minLat)}), point(${p(maxLon)}, ${p(maxLat)}))`;
}

/** SQL conditions for a query; parameters are numbered after those already in `params`. */
export function pgConditions(q: EventQuery, spatial: SpatialMode, params: unknown[] = []): { where: string[]; params: unknown[] } {
  const where: string[] = [];
  const p = (value: unknown): string => {
    params.push(value);
    return `$${params.length}`;
  };
  if (q.from) where.push(`event_date >= ${p(q.from)}`);
  if (q.to) where.push(`event_date <= ${p(q.to)}`);
  // One branch per form, so that each can use its index (an OR of the two could use neither).
  if (q.country) {
    if (/^[A-Za-z]{3}$/.test(q.country)) where.push(`iso3 = ${p(q.country.toUpperCase())}`);
    else where.push(`lower(country) = lower(${p(q.country)})`);
  }
  if (q.admin1) where.push(`lower(admin1) = lower(${p(q.admin1)})`);
  if (q.type) where.push(`lower(event_type) = lower(${p(q.type)})`);
  if (q.subType) where.push(`lower(sub_event_type) = lower(${p(q.subType)})`);
  if (q.status) where.push(`status = ${p(q.status)}`);
  const review = q.review ? REVIEW_CONDITION[q.review] : NOT_REJECTED;
  if (review) where.push(review);
  if (q.minFatalities !== undefined) where.push(`fatalities >= ${p(q.minFatalities)}`);
  if (q.actor) {
    const like = p(`%${q.actor.replace(/[\\%_]/g, (c) => '\\' + c)}%`);
    where.push(`(actor1 ILIKE ${like} ESCAPE '\\' OR actor2 ILIKE ${like} ESCAPE '\\')`);
  }
  if (q.bbox) where.push(inBox(spatial, p, q.bbox.minLon, q.bbox.minLat, q.bbox.maxLon, q.bbox.maxLat));
  if (q.near) {
    const { lat, lon, km } = q.near;
    const dLat = km / 111.2;
    const dLon = km / (111.2 * Math.max(Math.cos((lat * Math.PI) / 180), 0.01));
    where.push(inBox(spatial, p, lon - dLon, lat - dLat, lon + dLon, lat + dLat));
    // Great-circle distance (haversine) on the candidates the box leaves, as in SQLite.
    where.push(
      `12742 * asin(sqrt(power(sin(radians(latitude - ${p(lat)}) / 2), 2) + cos(radians(${p(lat)})) * cos(radians(latitude)) * power(sin(radians(longitude - ${p(lon)}) / 2), 2))) <= ${p(km)}`,
    );
  }
  if (q.text !== undefined && q.text !== '') {
    const match = tsQuery(q.text);
    // Text with no word in it ("*", "%") matches no event rather than lifting the filter.
    where.push(match ? `search @@ ${p(match)}::tsquery` : 'false');
  }
  if (q.cursor) {
    const { date, seq } = decodeCursor(q.cursor);
    where.push(`(event_date, seq) < (${p(date)}, ${p(seq)})`);
  }
  return { where, params };
}

export const whereOf = (c: { where: string[] }): string => (c.where.length ? 'WHERE ' + c.where.join(' AND ') : '');
