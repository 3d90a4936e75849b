/**
 * The SQL conditions of an event query, shared by the listing, the map's grid and the timeline.
 * Every value is a bound parameter, never spliced into the SQL.
 */
import { decodeCursor, ftsQuery } from '../query.js';
import type { EventQuery } from '../types.js';
import { NOT_REJECTED, REVIEW_CONDITION } from '../review-conditions.js';

/** SQL conditions for a query. */
export function conditions(q: EventQuery): { where: string[]; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, ...values: unknown[]): void => {
    where.push(sql);
    params.push(...values);
  };
  if (q.from) add('event_date >= ?', q.from);
  if (q.to) add('event_date <= ?', q.to);
  // One branch per form, so that each can use its index (an OR of the two could use neither).
  if (q.country) {
    if (/^[A-Za-z]{3}$/.test(q.country)) add('iso3 = ?', q.country.toUpperCase());
    else add('country = ? COLLATE NOCASE', q.country);
  }
  if (q.admin1) add('admin1 = ? COLLATE NOCASE', q.admin1);
  if (q.type) add('event_type = ? COLLATE NOCASE', q.type);
  if (q.subType) add('sub_event_type = ? COLLATE NOCASE', q.subType);
  if (q.status) add('status = ?', q.status);
  const review = q.review ? REVIEW_CONDITION[q.review] : NOT_REJECTED;
  if (review) where.push(review);
  if (q.minFatalities !== undefined) add('fatalities >= ?', q.minFatalities);
  if (q.actor) {
    const like = `%${q.actor.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
    add("(actor1 LIKE ? ESCAPE '\\' OR actor2 LIKE ? ESCAPE '\\')", like, like);
  }
  if (q.bbox) {
    add('seq IN (SELECT seq FROM events_rtree WHERE min_lat >= ? AND max_lat <= ? AND min_lon >= ? AND max_lon <= ?)', q.bbox.minLat, q.bbox.maxLat, q.bbox.minLon, q.bbox.maxLon);
  }
  if (q.near) {
    const { lat, lon, km } = q.near;
    const dLat = km / 111.2;
    const dLon = km / (111.2 * Math.max(Math.cos((lat * Math.PI) / 180), 0.01));
    add('seq IN (SELECT seq FROM events_rtree WHERE min_lat >= ? AND max_lat <= ? AND min_lon >= ? AND max_lon <= ?)', lat - dLat, lat + dLat, lon - dLon, lon + dLon);
    // Great-circle distance (haversine) on the candidates the box leaves.
    add(
      '12742 * asin(sqrt(power(sin(radians(latitude - ?) / 2), 2) + cos(radians(?)) * cos(radians(latitude)) * power(sin(radians(longitude - ?) / 2), 2))) <= ?',
      lat, lat, lon, km,
    );
  }
  if (q.text !== undefined && q.text !== '') {
    const match = ftsQuery(q.text);
    // Text with no word in it ("*", "%") matches no event rather than lifting the filter.
    if (match) add('seq IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)', match);
    else where.push('0 = 1');
  }
  if (q.cursor) {
    const { date, seq } = decodeCursor(q.cursor);
    add('(event_date < ? OR (event_date = ? AND seq < ?))', date, date, seq);
  }
  return { where, params };
}
