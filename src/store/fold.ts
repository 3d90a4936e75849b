/**
 * What every backend does the same way when it writes an event: the event's id, the window of
 * stored events a new report is compared with, the fold of an event's reports with a
 * reviewer's edits laid over it, the columns the event is kept and queried by, and the text
 * that full-text search reads. Pure functions: the backends differ only in how they read and
 * write rows, never in what an event is.
 */
import { createHash } from 'node:crypto';
import type { CodedEvent, EventRecord } from '../types.js';
import { markOf, type Review } from './review-state.js';
import type { Merger, StoredMention } from './types.js';

/** An event's id follows from the mention that founded it, so a remerge gives it back. */
export const eventIdOf = (foundingMentionId: string): string => 'ev' + createHash('sha256').update(foundingMentionId).digest('hex').slice(0, 14);

/** Ids for an event split off around one mention, first choice first (the backend skips taken ones). */
export function* splitEventIds(mentionId: string): Generator<string> {
  yield eventIdOf(mentionId);
  for (let n = 1; ; n++) yield eventIdOf(`${mentionId}|split ${n}`);
}

const DAY = 86_400_000;
const shiftDays = (date: string, days: number): string => new Date(Date.parse(date) + days * DAY).toISOString().slice(0, 10);

/**
 * The stored events a mention may tell: those of its country whose date lies within the
 * merger's window of the mention's dates, nearest in time first (`near`).
 */
export function candidateWindow(merger: Merger, e: CodedEvent): { iso3: string; from: string; to: string; near: string } {
  return { iso3: e.place.iso3, from: shiftDays(e.date, -merger.windowDays), to: shiftDays(e.dateEnd ?? e.date, merger.windowDays), near: e.date };
}

/** In a busy war the window holds thousands of events; the merge rules see the nearest these many. */
export const MAX_CANDIDATES = 1000;

export interface FoldedEvent {
  /** The record as shown: the machine's fold with the reviewer's edits over it. */
  record: EventRecord;
  /** The machine's fold alone, which the merge rules go on reading. */
  machine: CodedEvent;
}

/**
 * The event told by these mentions (in any order: the merger sorts them by publication day, then document and mention id) under its id. The reviewer's fields go
 * over the machine's fold, so that edits outlive every refold; the merge rules keep reading the
 * machine's fold: which reports tell one event does not change because a reviewer corrected a
 * field.
 */
export function foldEvent(merger: Merger, id: string, mentions: readonly StoredMention[], review: Review | null): FoldedEvent {
  const machine = merger.fold(mentions);
  const shown = review && Object.keys(review.edits).length > 0 ? merger.applyEdits(machine, review.edits) : machine;
  return { record: { ...merger.record(id, shown), reviewed: markOf(review) }, machine };
}

/** The columns an event is stored and filtered by (the same names in every backend). */
export interface EventColumns {
  event_date: string; date_end: string | null; event_type: string; sub_event_type: string; actor1: string; actor2: string | null;
  country: string; iso3: string; admin1: string | null; latitude: number; longitude: number; fatalities: number; status: string;
  review_state: string | null; record: string; coded: string; updated_at: string;
}

export function eventColumns({ record: r, machine }: FoldedEvent, updatedAt: string): EventColumns {
  return {
    event_date: r.event_date, date_end: r.date_end, event_type: r.event_type, sub_event_type: r.sub_event_type, actor1: r.actor1,
    actor2: r.actor2, country: r.country, iso3: r.iso3, admin1: r.admin1, latitude: r.latitude, longitude: r.longitude,
    fatalities: r.fatalities, status: r.status, review_state: r.reviewed?.state ?? null, record: JSON.stringify(r), coded: JSON.stringify(machine),
    updated_at: updatedAt,
  };
}

/**
 * The ACLED inter codes of an edited event as shown: the machine's fold (`coded`) with the
 * reviewer's edits laid over it, so that an edited actor's code follows the actor.
 */
export function editedInter(merger: Merger, coded: string, review: Review | null): [number, number] {
  const machine = JSON.parse(coded) as CodedEvent;
  const shown = review ? merger.applyEdits(machine, review.edits) : machine;
  return [shown.inter1, shown.inter2];
}

/** What text search reads of an event: its notes, actors, places and the words of its evidence. */
export function searchText(r: EventRecord): string {
  return [
    r.notes, r.actor1, r.actor2, r.assoc_actor_1, r.assoc_actor_2, r.location, r.admin1, r.admin2, r.country, r.attributed_to, r.source,
    ...r.evidence.map((e) => e.text),
  ].filter(Boolean).join('\n');
}
