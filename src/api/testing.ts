/**
 * Test support: a temporary store filled with synthetic events (no extraction), each in its
 * own short document, spread over a few dates and many distinct places so that none merge.
 * Used by the API and store-face tests; not part of sitrep's behaviour.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../corpus.js';
import type { Store } from '../store/types.js';
import type { CodedEvent } from '../types.js';

export interface TempStore {
  store: Store;
  path: string;
  dispose(): Promise<void>;
}

export function tempStore(): TempStore {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-api-'));
  const path = join(dir, 'test.db');
  const store = openStore(path);
  return {
    store,
    path,
    async dispose() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface Synthetic {
  date: string;
  actor1?: string;
  country?: string;
  iso3?: string;
  admin1?: string | null;
  latitude: number;
  longitude: number;
  fatalities?: number;
  /** The sentence the event is told in. */
  text?: string;
}

/** One stored document telling one event; returns the document id. */
export async function addSynthetic(store: Store, s: Synthetic, n: number): Promise<string> {
  const text = s.text ?? `Report ${n}: gunmen attacked a village on ${s.date}, killing ${s.fatalities ?? 0} people, officials said.`;
  const docId = 'd' + createHash('sha256').update(`${n}|${text}`).digest('hex').slice(0, 16);
  const event: CodedEvent = {
    eventType: 'Violence against civilians', subEventType: 'Attack', date: s.date, dateEnd: null, timePrecision: 1,
    actor1: s.actor1 ?? 'Unidentified Armed Group', actor2: 'Civilians', assocActor1: null, assocActor2: null, inter1: 3, inter2: 7,
    place: {
      name: `Place ${n}`, country: s.country ?? 'Testland', iso3: s.iso3 ?? 'TST', admin1: s.admin1 === undefined ? 'North' : s.admin1, admin2: null,
      latitude: s.latitude, longitude: s.longitude, precision: 1, featureCode: 'PPL', population: 1000, id: `synthetic:${n}`,
    },
    location: `Place ${n}`, fatalities: s.fatalities ?? 0, tollPrecise: true, counts: s.fatalities ? { killed: { low: s.fatalities, high: null } } : {},
    status: 'occurred', attributedTo: 'officials', source: 'Test Wire',
    evidence: [{ doc: docId, start: 0, end: text.length, text }], confidence: 0.8, inLead: true,
    stated: { date: true, reportDate: false, place: true, actor1: true, kind: true }, why: [],
  };
  await store.addDocument(
    {
      id: docId, text, meta: { name: `synthetic-${n}.txt`, externalId: null, url: null, title: null, published: s.date, source: 'Test Wire' },
      signature: createHash('sha256').update(text).digest('hex'), bands: [], warnings: [],
    },
    [{ id: 'mn' + docId.slice(1), event }],
    null,
  );
  return docId;
}

/** `count` events over `days` consecutive days from `start`, each at its own place 0.5° apart (far beyond merging distance). */
export async function seedGrid(store: Store, count: number, start = '2023-05-01', days = 7, offset = 0): Promise<void> {
  for (let i = 0; i < count; i++) {
    const n = offset + i;
    const date = new Date(Date.parse(start) + (n % days) * 86_400_000).toISOString().slice(0, 10);
    await addSynthetic(store, { date, latitude: -40 + Math.floor(n / 100) * 0.5, longitude: -170 + (n % 100) * 0.5, fatalities: n % 5 }, n);
  }
}
