/**
 * What the map and the timeline read instead of events: counts in a grid of cells and counts
 * per day, computed in SQL so that a store of a hundred thousand events answers a filter
 * change with a few hundred rows, not the events themselves.
 */
import type Database from 'better-sqlite3';
import type { DayCount, EventCell } from '../types.js';

type Prepare = (sql: string) => Database.Statement;
type Conditions = { where: string[]; params: unknown[] };

const whereOf = (c: Conditions): string => (c.where.length ? 'WHERE ' + c.where.join(' AND ') : '');

interface CellRow { gy: number; gx: number; event_type: string; n: number; lat: number; lon: number; dead: number; id: string }

/** The events counted per cell of `size` degrees, with their centre and their types. */
export function cellsOf(prepare: Prepare, c: Conditions, size: number): EventCell[] {
  // One row per cell and event type; the cells are put together below (a handful of types).
  const sql = `SELECT CAST(floor(latitude / ?) AS INTEGER) AS gy, CAST(floor(longitude / ?) AS INTEGER) AS gx, event_type,
    count(*) AS n, sum(latitude) AS lat, sum(longitude) AS lon, sum(fatalities) AS dead, min(id) AS id
    FROM events ${whereOf(c)} GROUP BY gy, gx, event_type`;
  const rows = prepare(sql).all(size, size, ...c.params) as CellRow[];
  const cells = new Map<string, EventCell & { latSum: number; lonSum: number }>();
  for (const r of rows) {
    const key = `${r.gy},${r.gx}`;
    let cell = cells.get(key);
    if (!cell) {
      cell = { latitude: 0, longitude: 0, count: 0, fatalities: 0, byType: {}, id: null, latSum: 0, lonSum: 0 };
      cells.set(key, cell);
    }
    cell.count += r.n;
    cell.fatalities += r.dead;
    cell.latSum += r.lat;
    cell.lonSum += r.lon;
    cell.byType[r.event_type] = r.n;
    cell.id = r.id;
  }
  return [...cells.values()].map(({ latSum, lonSum, ...cell }) => ({
    ...cell,
    latitude: Math.round((latSum / cell.count) * 1e5) / 1e5,
    longitude: Math.round((lonSum / cell.count) * 1e5) / 1e5,
    id: cell.count === 1 ? cell.id : null,
  }));
}

export function daysOf(prepare: Prepare, c: Conditions): DayCount[] {
  const sql = `SELECT event_date AS date, event_type AS type, count(*) AS count FROM events ${whereOf(c)} GROUP BY event_date, event_type ORDER BY event_date, event_type`;
  return prepare(sql).all(...c.params) as DayCount[];
}
