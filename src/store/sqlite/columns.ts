/**
 * What the map and the timeline read, counted over a columnar copy of the few fields they need
 * (place, day, type, country, toll, review state: about 40 bytes an event). SQL's GROUP BY
 * sorts every matching row (80-100 ms for 100,000 events on this machine); a loop over typed
 * arrays counts them in a few milliseconds, so the workbench answers a filter change at once.
 *
 * The copy is read on first use and again after any write (the store drops it; commits by other
 * processes show in SQLite's data_version). Filters the columns do not hold (sub-type, status,
 * admin1, actor, near, text) are answered by SQL as the set of matching rows, and the counting
 * still runs here.
 */
import type Database from 'better-sqlite3';
import type { DayCount, EventCell, EventQuery } from '../types.js';
import { conditions } from './conditions.js';

const DAY = 86_400_000;
const dayNumber = (date: string): number => Math.floor(Date.parse(date) / DAY);
const dayText = (n: number): string => new Date(n * DAY).toISOString().slice(0, 10);
/** SQLite's NOCASE folds ASCII letters only; so does this, so that both give the same answers. */
const nocase = (s: string): string => s.replace(/[A-Z]/g, (c) => c.toLowerCase());

/** Review states as codes: 0 unreviewed, then as listed. */
const STATES = [null, 'confirmed', 'edited', 'rejected'] as const;
const REVIEW_CODES: Record<NonNullable<EventQuery['review']> | 'default', readonly number[]> = {
  default: [0, 1, 2], unreviewed: [0], reviewed: [1, 2], confirmed: [1], edited: [2], rejected: [3], all: [0, 1, 2, 3],
};

type Row = [seq: number, lat: number, lon: number, date: string, type: string, iso3: string, country: string, fatalities: number, review: string | null];

export class EventColumns {
  private constructor(
    readonly seq: Int32Array, readonly lat: Float64Array, readonly lon: Float64Array, readonly day: Int32Array,
    readonly type: Uint8Array, readonly country: Uint16Array, readonly fatalities: Int32Array, readonly review: Uint8Array,
    readonly types: string[], readonly countries: Array<{ iso3: string; name: string }>,
  ) {}

  static load(db: Database.Database): EventColumns {
    const n = (db.prepare('SELECT count(*) FROM events').pluck().get() as number) ?? 0;
    const [seq, day, fatalities] = [new Int32Array(n), new Int32Array(n), new Int32Array(n)];
    const [lat, lon] = [new Float64Array(n), new Float64Array(n)];
    const [type, review, country] = [new Uint8Array(n), new Uint8Array(n), new Uint16Array(n)];
    const types: string[] = [];
    const countries: Array<{ iso3: string; name: string }> = [];
    const typeIndex = new Map<string, number>();
    const countryIndex = new Map<string, number>();
    const rows = db.prepare('SELECT seq, latitude, longitude, event_date, event_type, iso3, country, fatalities, review_state FROM events').raw(true);
    let i = 0;
    for (const r of rows.iterate() as Iterable<Row>) {
      if (i >= n) break; // a row committed between the count and the scan waits for the next load
      seq[i] = r[0]; lat[i] = r[1]; lon[i] = r[2]; day[i] = dayNumber(r[3]); fatalities[i] = r[7];
      review[i] = Math.max(0, STATES.indexOf(r[8] as (typeof STATES)[number]));
      let t = typeIndex.get(r[4]);
      if (t === undefined) typeIndex.set(r[4], (t = types.push(r[4]) - 1));
      type[i] = t;
      const key = `${r[5]}\t${r[6]}`;
      let c = countryIndex.get(key);
      if (c === undefined) countryIndex.set(key, (c = countries.push({ iso3: r[5], name: r[6] }) - 1));
      country[i] = c;
      i++;
    }
    const cut = <T extends Int32Array | Float64Array | Uint8Array | Uint16Array>(a: T): T => a.subarray(0, i) as T;
    return new EventColumns(cut(seq), cut(lat), cut(lon), cut(day), cut(type), cut(country), cut(fatalities), cut(review), types, countries);
  }

  get size(): number {
    return this.seq.length;
  }

  /**
   * The rows that match a query, as a predicate over row indexes. `restrict` gives the seqs
   * matching the filters the columns lack, by SQL (null when the query uses none of them).
   */
  matcher(q: EventQuery, restrict: (q: EventQuery) => Set<number> | null): (i: number) => boolean {
    const from = q.from ? dayNumber(q.from) : -Infinity;
    const to = q.to ? dayNumber(q.to) : Infinity;
    const states = new Set(REVIEW_CODES[q.review ?? 'default']);
    const wantCountry = q.country === undefined ? null : /^[A-Za-z]{3}$/.test(q.country)
      ? new Set(this.countries.flatMap((c, k) => (c.iso3 === q.country!.toUpperCase() ? [k] : [])))
      : new Set(this.countries.flatMap((c, k) => (nocase(c.name) === nocase(q.country!) ? [k] : [])));
    const wantType = q.type === undefined ? -2 : this.types.findIndex((t) => nocase(t) === nocase(q.type!));
    const min = q.minFatalities ?? -Infinity;
    const box = q.bbox ?? null;
    const only = restrict(q);
    return (i) =>
      this.day[i]! >= from && this.day[i]! <= to && states.has(this.review[i]!) && this.fatalities[i]! >= min
      && (wantType === -2 || this.type[i] === wantType) && (!wantCountry || wantCountry.has(this.country[i]!))
      && (!box || (this.lat[i]! >= box.minLat && this.lat[i]! <= box.maxLat && this.lon[i]! >= box.minLon && this.lon[i]! <= box.maxLon))
      && (!only || only.has(this.seq[i]!));
  }

  /** The matching events in a grid of `size` degrees; single-event cells carry the event's seq. */
  cells(match: (i: number) => boolean, size: number): Array<Omit<EventCell, 'id'> & { seq: number | null }> {
    const cells = new Map<number, { count: number; lat: number; lon: number; fatalities: number; byType: Int32Array; seq: number }>();
    for (let i = 0; i < this.size; i++) {
      if (!match(i)) continue;
      // Cells are numbered row by row; at zoom 20 a row holds 2^25 cells.
      const key = (Math.floor(this.lat[i]! / size) + 2 ** 24) * 2 ** 26 + Math.floor(this.lon[i]! / size) + 2 ** 25;
      let cell = cells.get(key);
      if (!cell) cells.set(key, (cell = { count: 0, lat: 0, lon: 0, fatalities: 0, byType: new Int32Array(this.types.length), seq: this.seq[i]! }));
      cell.count++;
      cell.lat += this.lat[i]!;
      cell.lon += this.lon[i]!;
      cell.fatalities += this.fatalities[i]!;
      cell.byType[this.type[i]!]!++;
    }
    return [...cells.values()].map((c) => ({
      latitude: Math.round((c.lat / c.count) * 1e5) / 1e5,
      longitude: Math.round((c.lon / c.count) * 1e5) / 1e5,
      count: c.count,
      fatalities: c.fatalities,
      byType: Object.fromEntries([...c.byType].flatMap((n, t) => (n > 0 ? [[this.types[t]!, n]] : []))),
      seq: c.count === 1 ? c.seq : null,
    }));
  }

  /** The matching events per day and type, oldest first. */
  days(match: (i: number) => boolean): DayCount[] {
    const perDay = new Map<number, Int32Array>();
    for (let i = 0; i < this.size; i++) {
      if (!match(i)) continue;
      let counts = perDay.get(this.day[i]!);
      if (!counts) perDay.set(this.day[i]!, (counts = new Int32Array(this.types.length)));
      counts[this.type[i]!]!++;
    }
    const order = this.types.map((t, k) => [t, k] as const).sort((a, b) => (a[0] < b[0] ? -1 : 1));
    return [...perDay.keys()].sort((a, b) => a - b).flatMap((d) => {
      const counts = perDay.get(d)!;
      return order.filter(([, k]) => counts[k]! > 0).map(([type, k]) => ({ date: dayText(d), type, count: counts[k]! }));
    });
  }
}

/** The filters the columns cannot answer, as SQL: the seqs that pass them (null: no such filter). */
export function restrictBySql(db: Database.Database): (q: EventQuery) => Set<number> | null {
  return (q) => {
    const rest: EventQuery = { subType: q.subType, status: q.status, admin1: q.admin1, actor: q.actor, near: q.near, text: q.text, review: 'all' };
    const { where, params } = conditions(rest);
    if (where.length === 0) return null;
    return new Set(db.prepare(`SELECT seq FROM events WHERE ${where.join(' AND ')}`).pluck().all(...params) as number[]);
  };
}
