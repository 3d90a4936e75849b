/**
 * `sitrep events`: the stored events a set of filters matches, newest first, as a table on a
 * terminal, JSON lines (contract records), ACLED-column CSV or GeoJSON. All pages are read
 * through the store's cursor and written as they come, so exports of any size run in bounded
 * memory.
 */
import { SitrepError } from '../errors.js';
import { filtersFromOptions } from '../store/filters.js';
import { eventPages } from '../store/pages.js';
import type { Io } from './extract-command.js';
import { createWriter, outputFormat } from '../record/writers.js';
import { openExistingStore } from './store-access.js';

export interface EventsOptions {
  db?: string;
  json?: boolean;
  csv?: boolean;
  geojson?: boolean;
  format?: string;
  limit?: string;
  from?: string;
  to?: string;
  country?: string;
  admin1?: string;
  type?: string;
  subType?: string;
  actor?: string;
  near?: string;
  bbox?: string;
  text?: string;
  minFatalities?: string;
  status?: string;
}

function limitOf(value: string | undefined): number {
  if (value === undefined) return Infinity;
  if (!/^\d{1,9}$/.test(value) || Number(value) === 0) throw new SitrepError('E_BAD_ARGUMENT', `--limit "${value}" is not a positive whole number`);
  return Number(value);
}

/** Returns the exit status (0, also when nothing matches). */
export async function runEvents(opts: EventsOptions, io: Io): Promise<number> {
  const format = outputFormat(opts, io.stdoutIsTTY);
  const max = limitOf(opts.limit);
  const query = { ...filtersFromOptions(opts as Partial<Record<string, string>>), withInter: format === 'csv' };
  const store = await openExistingStore(opts.db);
  try {
    const writer = createWriter(format, io.out);
    for await (const page of eventPages(store, query, max)) {
      writer.write(page.events, page.inter ?? []);
      // The store answers at once; without this wait a pipe's unwritten pages would pile up in memory.
      await io.drain?.();
    }
    writer.end();
  } finally {
    await store.close();
  }
  return 0;
}
