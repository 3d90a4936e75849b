/**
 * A reviewer's edits over a machine-coded event. The store folds an event from its reports
 * and then lays the reviewer's fields over the result, so an edit outlives every refold: a new
 * report joining the event, a `remerge` after a rule change. What the reviewer did not touch
 * stays the machine's and keeps following the reports.
 *
 * Edits are applied to the coded event, not to the record, so that everything derived from the
 * fields (the notes, the CSV's disorder type) says what the reviewer said.
 */
import { eventTypeOf } from '../taxonomy.js';
import type { CodedEvent, ReviewEdits } from '../types.js';
import type { InterLookup } from './inter.js';

/** `interOf` gives an edited actor's inter code (the CSV's inter columns); without it they stay. */
export function applyEdits(event: CodedEvent, edits: ReviewEdits, interOf: InterLookup = () => null): CodedEvent {
  const e: CodedEvent = { ...event, stated: { ...event.stated } };
  if (edits.sub_event_type !== undefined) {
    e.subEventType = edits.sub_event_type;
    // A sub-type belongs to one event type; the API refuses a pair that disagrees.
    e.eventType = eventTypeOf(edits.sub_event_type) ?? e.eventType;
  } else if (edits.event_type !== undefined && edits.event_type !== e.eventType) {
    e.eventType = edits.event_type;
  }
  if (edits.actor1 !== undefined) {
    e.actor1 = edits.actor1;
    e.inter1 = interOf(edits.actor1) ?? e.inter1;
  }
  if (edits.actor2 !== undefined) {
    e.actor2 = edits.actor2;
    e.inter2 = edits.actor2 === null ? 0 : interOf(edits.actor2) ?? e.inter2;
  }
  if (edits.assoc_actor_1 !== undefined) e.assocActor1 = edits.assoc_actor_1;
  if (edits.assoc_actor_2 !== undefined) e.assocActor2 = edits.assoc_actor_2;
  if (edits.event_date !== undefined) {
    e.date = edits.event_date;
    e.stated.date = true;
  }
  if (edits.date_end !== undefined) e.dateEnd = edits.date_end;
  if (e.dateEnd !== null && e.dateEnd <= e.date) e.dateEnd = null;
  if (edits.time_precision !== undefined) e.timePrecision = edits.time_precision;
  if (edits.place) {
    const p = edits.place;
    e.location = p.location;
    e.place = {
      ...e.place, name: p.location, country: p.country, iso3: p.iso3, admin1: p.admin1, admin2: p.admin2,
      latitude: p.latitude, longitude: p.longitude, precision: p.geo_precision,
      featureCode: 'REVIEWED', id: `review:${p.iso3}:${p.latitude},${p.longitude}`,
    };
    e.stated.place = true;
  }
  if (edits.fatalities !== undefined) {
    e.fatalities = edits.fatalities;
    e.tollPrecise = true;
  }
  if (edits.counts !== undefined) e.counts = { ...edits.counts };
  if (edits.status !== undefined) e.status = edits.status;
  return e;
}
