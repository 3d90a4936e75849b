/**
 * How events are written: JSON lines (the contract), ACLED-column CSV, a GeoJSON
 * FeatureCollection, or a readable table for a person at a terminal. Writers stream: each
 * `write` hands its lines at once to the `out` it was given (standard output, an HTTP response),
 * so a long export never sits in memory.
 */
import { readDataJson } from '../data.js';
import { SitrepError } from '../errors.js';
import { FEATURE_COLLECTION_HEAD, FEATURE_COLLECTION_TAIL, toFeature } from './geojson.js';
import { ACLED_COLUMNS, csvLine, toAcledRow } from './csv.js';
import type { CodedEvent, EventRecord } from '../types.js';

export type Format = 'jsonl' | 'csv' | 'table' | 'geojson';

/** What the CSV needs of an event beyond its record: ACLED's actor-type codes. */
export type InterCodes = Pick<CodedEvent, 'inter1' | 'inter2'>;

export interface Writer {
  /** `events[i]` gives the inter codes of `records[i]` (only CSV reads them). */
  write(records: readonly EventRecord[], events: readonly InterCodes[]): void;
  end(): void;
}

type Out = (line: string) => void;

function regionsByIso3(): Map<string, string> {
  const countries = readDataJson<Array<{ iso3: string; region: string }>>('countries.json');
  return new Map(countries.map((c) => [c.iso3, c.region]));
}

function csvWriter(out: Out): Writer {
  const regions = regionsByIso3();
  const timestamp = Math.floor(Date.now() / 1000);
  out(csvLine(ACLED_COLUMNS));
  return {
    write(records, events) {
      records.forEach((r, i) => {
        const e = events[i];
        const row = toAcledRow(r, { inter1: e?.inter1 ?? 0, inter2: e?.inter2 ?? 0, region: regions.get(r.iso3) ?? null, timestamp });
        out(csvLine(ACLED_COLUMNS.map((c) => row[c])));
      });
    },
    end() {},
  };
}

function pad(s: string, n: number): string {
  return s.length > n ? s.slice(0, n - 1) + '…' : s.padEnd(n);
}

function tableWriter(out: Out): Writer {
  let count = 0;
  return {
    write(records) {
      for (const r of records) {
        if (count++ === 0) out(`${pad('date', 10)}  ${pad('type', 34)}  ${pad('actor1', 28)}  ${pad('actor2', 22)}  ${pad('place', 26)}  dead  status`);
        const place = r.admin1 && r.admin1 !== r.location ? `${r.location}, ${r.admin1}` : r.location;
        out(`${r.event_date}  ${pad(r.sub_event_type, 34)}  ${pad(r.actor1, 28)}  ${pad(r.actor2 ?? '-', 22)}  ${pad(place, 26)}  ${String(r.fatalities).padStart(4)}  ${r.status}`);
      }
    },
    end() {
      out(count === 0 ? 'no events found' : `${count} event(s)`);
    },
  };
}

/** One feature a line between the collection's head and tail; valid JSON also when empty. */
function geojsonWriter(out: Out): Writer {
  let count = 0;
  out(FEATURE_COLLECTION_HEAD);
  return {
    write(records) {
      for (const r of records) out((count++ === 0 ? '' : ',') + JSON.stringify(toFeature(r)));
    },
    end() {
      out(FEATURE_COLLECTION_TAIL);
    },
  };
}

export function createWriter(format: Format, out: Out): Writer {
  if (format === 'csv') return csvWriter(out);
  if (format === 'table') return tableWriter(out);
  if (format === 'geojson') return geojsonWriter(out);
  return {
    write(records) {
      for (const r of records) out(JSON.stringify(r));
    },
    end() {},
  };
}

const FORMATS: readonly Format[] = ['table', 'jsonl', 'csv', 'geojson'];

/**
 * The output format the options ask for (`--json`, `--csv`, `--geojson` or `--format NAME`;
 * "json" is JSON lines), or the default: a table on a terminal, JSON lines when piped.
 */
export function outputFormat(opts: { json?: boolean; csv?: boolean; geojson?: boolean; format?: string }, stdoutIsTTY: boolean): Format {
  const chosen = [opts.json && 'jsonl', opts.csv && 'csv', opts.geojson && 'geojson', opts.format === 'json' ? 'jsonl' : opts.format].filter(
    (f): f is string => typeof f === 'string',
  );
  const distinct = [...new Set(chosen)];
  if (distinct.length > 1) throw new SitrepError('E_BAD_ARGUMENT', `choose one output format, not ${distinct.join(' and ')}`);
  const format = distinct[0] ?? (stdoutIsTTY ? 'table' : 'jsonl');
  if (!FORMATS.includes(format as Format)) throw new SitrepError('E_BAD_ARGUMENT', `--format "${format}" is not one of ${FORMATS.join(', ')}`);
  return format as Format;
}
