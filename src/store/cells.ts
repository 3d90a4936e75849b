/**
 * The map's grid cells put together from per-cell, per-type counts, which PostgreSQL computes
 * in SQL (one row per cell and event type: a handful of types, so a few hundred rows). The
 * cells come in the order SQLite's column scan gives them (src/store/sqlite/columns.ts): by the
 * first stored event of each.
 */
import type { EventCell } from './types.js';

export interface CellRow { gy: number; gx: number; event_type: string; n: number; lat: number; lon: number; dead: number; id: string; first: number }

export function cellsFromRows(rows: readonly CellRow[]): EventCell[] {
  const cells = new Map<string, EventCell & { latSum: number; lonSum: number; first: number }>();
  for (const r of rows) {
    const key = `${r.gy},${r.gx}`;
    let cell = cells.get(key);
    if (!cell) {
      cell = { latitude: 0, longitude: 0, count: 0, fatalities: 0, byType: {}, id: null, latSum: 0, lonSum: 0, first: r.first };
      cells.set(key, cell);
    }
    cell.count += r.n;
    cell.fatalities += r.dead;
    cell.latSum += r.lat;
    cell.lonSum += r.lon;
    cell.byType[r.event_type] = r.n;
    cell.id = r.id;
    cell.first = Math.min(cell.first, r.first);
  }
  return [...cells.values()].sort((a, b) => a.first - b.first).map(({ latSum, lonSum, first: _first, ...cell }) => ({
    ...cell,
    latitude: Math.round((latSum / cell.count) * 1e5) / 1e5,
    longitude: Math.round((lonSum / cell.count) * 1e5) / 1e5,
    id: cell.count === 1 ? cell.id : null,
  }));
}
