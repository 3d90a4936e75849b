/**
 * Counts in SQL for the map: the countries the matching events lie in (their outlines are
 * drawn). The map's grid and the timeline are counted over columns (columns.ts).
 */
import type Database from 'better-sqlite3';
import type { CountryCount } from '../types.js';

type Prepare = (sql: string) => Database.Statement;
type Conditions = { where: string[]; params: unknown[] };

const whereOf = (c: Conditions): string => (c.where.length ? 'WHERE ' + c.where.join(' AND ') : '');

export function countriesOf(prepare: Prepare, c: Conditions): CountryCount[] {
  const sql = `SELECT iso3, min(country) AS country, count(*) AS count FROM events ${whereOf(c)} GROUP BY iso3 ORDER BY count DESC, iso3`;
  return prepare(sql).all(...c.params) as CountryCount[];
}
