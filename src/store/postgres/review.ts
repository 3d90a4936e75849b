/**
 * A reviewer's decision in PostgreSQL, in one transaction with its audit lines: the same
 * decisions as in SQLite (the rules are src/store/review-state.ts), under the locks of the
 * countries whose events it changes, so that no worker merges a report into an event that a
 * reviewer is merging away at the same moment.
 */
import type { EventRecord } from '../../types.js';
import { splitEventIds } from '../fold.js';
import { checkMerge, leavingReport, nextReview, reviewWhy } from '../review-state.js';
import type { EventRow } from '../rows.js';
import type { ReviewAction, ReviewRequest } from '../types.js';
import { lockForTransaction } from './db.js';
import { ALL_EVENTS_LOCK, type EventWriter } from './writer.js';

type Audit = (id: string, action: ReviewAction, from: EventRecord | null, to: EventRecord | null, note: string | null) => Promise<void>;

const EVENT = 'SELECT seq, id, event_date, record, coded, iso3 FROM events WHERE id = $1';

/**
 * Applies the request; the id of the event a split made (else null), or undefined when there is
 * no such event.
 */
export async function reviewInTransaction(w: EventWriter, eventId: string, request: ReviewRequest, reviewer: string): Promise<string | null | undefined> {
  const c = w.client;
  await lockForTransaction(c, ALL_EVENTS_LOCK, true);
  const seen = (await c.query<EventRow & { iso3: string }>(EVENT, [eventId])).rows[0];
  if (!seen) return undefined;
  const countries = [seen.iso3];
  if (request.action === 'merge') {
    const other = (await c.query<{ iso3: string }>('SELECT iso3 FROM events WHERE id = $1', [request.other])).rows[0];
    if (other) countries.push(other.iso3);
  }
  if (request.action === 'edit' && request.edits.place) countries.push(request.edits.place.iso3);
  await w.lockCountries(countries);
  // Read again under the locks: a worker may have refolded the event meanwhile.
  const row = (await c.query<EventRow>(`${EVENT} FOR UPDATE`, [eventId])).rows[0];
  if (!row) return undefined;
  const at = new Date().toISOString();
  const before = JSON.parse(row.record) as EventRecord;
  const note = request.note ?? null;
  const audit: Audit = async (id, action, from, to, why) => {
    await c.query(
      'INSERT INTO reviews (event_id, reviewer, reviewed_at, action, before, after, note) VALUES ($1, $2, $3, $4, $5, $6, $7)',
      [id, reviewer, at, action, from && JSON.stringify(from), to && JSON.stringify(to), why],
    );
  };
  // Any review freezes which reports the event holds, so that its id (and so its review)
  // survives a remerge under changed rules.
  await pinReports(w, eventId);
  if (request.action === 'merge') return mergeInto(w, row, before, request.other, reviewer, audit, note);
  if (request.action === 'split') return splitOff(w, row, before, request.mention, reviewer, audit, note);
  const next = nextReview(await w.reviewOf(eventId), request, reviewer, at);
  await c.query(
    `INSERT INTO event_reviews (event_id, confirmed, rejected, edits, reviewer, reviewed_at) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (event_id) DO UPDATE SET confirmed = excluded.confirmed, rejected = excluded.rejected, edits = excluded.edits,
     reviewer = excluded.reviewer, reviewed_at = excluded.reviewed_at`,
    [eventId, next.confirmed, next.rejected, JSON.stringify(next.edits), reviewer, at],
  );
  const after = await w.saveEvent(eventId, await w.mentionsOf(eventId), row.seq);
  await audit(eventId, request.action, before, after, note);
  return null;
}

const PIN = `INSERT INTO mention_pins (mention_id, event_id, why) VALUES ($1, $2, $3)
  ON CONFLICT (mention_id) DO UPDATE SET event_id = excluded.event_id, why = excluded.why`;
const RELINK = 'UPDATE event_mentions SET event_id = $1, why = $2 WHERE mention_id = $3';

async function linksOf(w: EventWriter, eventId: string): Promise<Array<{ mention_id: string; why: string }>> {
  const rows = await w.client.query<{ mention_id: string; why: string }>(
    'SELECT em.mention_id, em.why FROM event_mentions em JOIN mentions m ON m.id = em.mention_id WHERE em.event_id = $1 ORDER BY m.seq',
    [eventId],
  );
  return rows.rows;
}

/** Pins every report of an event to it, each with the reason it joined. */
async function pinReports(w: EventWriter, eventId: string): Promise<void> {
  for (const l of await linksOf(w, eventId)) await w.client.query(PIN, [l.mention_id, eventId, l.why]);
}

async function mergeInto(w: EventWriter, row: EventRow, before: EventRecord, otherId: string, reviewer: string, audit: Audit, note: string | null): Promise<null> {
  const other = otherId === row.id ? undefined : (await w.client.query<EventRow>(`${EVENT} FOR UPDATE`, [otherId])).rows[0];
  checkMerge(row.id, otherId, other !== undefined);
  if (!other) return null;
  const why = reviewWhy.merged(otherId, reviewer);
  for (const l of await linksOf(w, otherId)) {
    await w.client.query(RELINK, [row.id, why, l.mention_id]);
    await w.client.query(PIN, [l.mention_id, row.id, why]);
  }
  await w.deleteEvent(otherId);
  await w.client.query('DELETE FROM event_reviews WHERE event_id = $1', [otherId]);
  const after = await w.saveEvent(row.id, await w.mentionsOf(row.id), row.seq);
  await audit(row.id, 'merge', before, after, note ?? reviewWhy.mergedNote(otherId));
  await audit(otherId, 'merge', JSON.parse(other.record) as EventRecord, null, note ?? reviewWhy.mergedAwayNote(row.id));
  return null;
}

async function splitOff(w: EventWriter, row: EventRow, before: EventRecord, mentionId: string, reviewer: string, audit: Audit, note: string | null): Promise<string> {
  const mentions = await w.mentionsOf(row.id);
  const leaving = leavingReport(row.id, mentions, mentionId);
  let newId = row.id;
  for (const id of splitEventIds(mentionId)) {
    newId = id;
    if (id !== row.id && (await w.eventSeq(id)) === null) break;
  }
  const why = reviewWhy.split(row.id, reviewer);
  const created = await w.saveEvent(newId, [leaving], null);
  await w.client.query(RELINK, [newId, why, mentionId]);
  await w.client.query(PIN, [mentionId, newId, why]);
  const after = await w.saveEvent(row.id, mentions.filter((m) => m.id !== mentionId), row.seq);
  await audit(row.id, 'split', before, after, note ?? reviewWhy.splitNote(mentionId, newId));
  await audit(newId, 'split', null, created, note ?? reviewWhy.splitFromNote(row.id));
  return newId;
}
