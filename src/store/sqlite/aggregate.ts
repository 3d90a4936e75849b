/**
 * What the map and the timeline read instead of events: counts in a grid of cells and counts
 * per day, computed in SQL so that a store of a hundred thousand events answers a filter
 * change with a few hundred rows, not the events themselves.
 */
import type Database from 'better-sqlite3';
import { cellsFromRows, type CellRow } from '../cells.js';
import type { DayCount, EventCell } from '../types.js';

type Prepare = (sql: string) => Database.Statement;
type Conditions = { where: string[]; params: unknown[] };

const whereOf = (c: Conditions): string => (c.where.length ? 'WHERE ' + c.where.join(' AND ') : '');

/** The events counted per cell of `size` degrees, with their centre and their types. */
export function cellsOf(prepare: Prepare, c: Conditions, size: number): EventCell[] {
  // One row per cell and event type; cellsFromRows puts the cells together.
  const sql = `SELECT CAST(floor(latitude / ?) AS INTEGER) AS gy, CAST(floor(longitude / ?) AS INTEGER) AS gx, event_type,
    count(*) AS n, sum(latitude) AS lat, sum(longitude) AS lon, sum(fatalities) AS dead, min(id) AS id
    FROM events ${whereOf(c)} GROUP BY gy, gx, event_type`;
  return cellsFromRows(prepare(sql).all(size, size, ...c.params) as CellRow[]);
}

export function daysOf(prepare: Prepare, c: Conditions): DayCount[] {
  const sql = `SELECT event_date AS date, event_type AS type, count(*) AS count FROM events ${whereOf(c)} GROUP BY event_date, event_type ORDER BY event_date, event_type`;
  return prepare(sql).all(...c.params) as DayCount[];
}
