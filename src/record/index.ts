/**
 * The only producer of contract v1 records (`shared/contract/OUTPUT.md`): camelCase coded
 * events in, snake_case records out. Ids are stable: the same stored text and the same event
 * always give the same id.
 */
import { createHash } from 'node:crypto';
import type { CodedEvent, Doc, EventRecord } from '../types.js';
import { notesOf } from './notes.js';

export { notesOf } from './notes.js';
export { ACLED_COLUMNS, toAcledRow, csvLine } from './csv.js';

export function eventId(docId: string, e: CodedEvent): string {
  const first = e.evidence[0];
  const key = `${docId}|${e.subEventType}|${e.date}|${e.place.id}|${first?.start ?? 0}`;
  return 'ev' + createHash('sha256').update(key).digest('hex').slice(0, 14);
}

const round = (x: number): number => Math.round(x * 1e5) / 1e5;

export function toRecord(e: CodedEvent, doc: Doc): EventRecord {
  return recordOf(eventId(doc.id, e), e);
}

/** The contract record of a coded event under a given id (the store's ids for merged events). */
export function recordOf(id: string, e: CodedEvent): EventRecord {
  return {
    id,
    event_date: e.date,
    date_end: e.dateEnd,
    time_precision: e.timePrecision,
    event_type: e.eventType,
    sub_event_type: e.subEventType,
    actor1: e.actor1,
    actor2: e.actor2,
    assoc_actor_1: e.assocActor1,
    assoc_actor_2: e.assocActor2,
    country: e.place.country,
    iso3: e.place.iso3,
    admin1: e.place.admin1,
    admin2: e.place.admin2,
    location: e.location,
    latitude: round(e.place.latitude),
    longitude: round(e.place.longitude),
    geo_precision: e.place.precision,
    fatalities: e.fatalities,
    counts: e.counts,
    status: e.status,
    attributed_to: e.attributedTo,
    source: e.source,
    notes: notesOf(e),
    evidence: e.evidence.map(({ doc: d, start, end, text }) => ({ doc: d, start, end, text })),
    confidence: e.confidence,
  };
}

export function toRecords(doc: Doc): EventRecord[] {
  return doc.events.map((e) => toRecord(e, doc));
}
